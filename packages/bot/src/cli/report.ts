import {
  type Centre,
  type CentreScaleScore,
  centreRegion,
  centreScoresFromTotals,
  type Instrument,
  type Lang,
  localize,
  summaryFromCentreScores,
  tallyAnswers,
} from '@resonet/core';
import { cardToText } from '../cards/adaptiveCard';
import { summaryCard } from '../cards/coordinator';
import type { InstrumentFigures } from '../storage/results';
import { isOutcome, readCommandLine } from './commandLine';
import { say } from './messages';
import { dataError, type Outcome, ok, usageError } from './outcome';
import { networkOf, registryCentres, servedContent, withStores } from './served';

const GROUPINGS = ['region', 'country', 'centre'] as const;
type Grouping = (typeof GROUPINGS)[number];

interface Options {
  instrument?: string;
  by?: string;
  json?: boolean;
  network?: string;
  pack?: string;
}

/** A group of centres: its key, its name in the reader's language, and its centre ids. */
interface Group {
  key: string;
  name: string;
  centres: string[];
}

/** The centres with results, grouped as asked; centres not in the registry go together. */
function groupsOf(by: Grouping, ids: readonly string[], known: readonly Centre[], lang: Lang) {
  const groups = new Map<string, Group>();
  for (const id of ids) {
    const centre = known.find((c) => c.id === id);
    const region = centre ? centreRegion(centre) : undefined;
    const [key, name] =
      by === 'centre'
        ? [id, centre ? localize(centre.name, lang) : id.replace(/^named:/, '')]
        : !centre || (by === 'region' && !region)
          ? ['unknown', say('reportUnknownPlace', lang)]
          : by === 'region' && region
            ? [region.code, localize(region.name, lang)]
            : [centre.country, centre.country];
    const group = groups.get(key) ?? { key, name, centres: [] };
    group.centres.push(id);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** The summary of some centres: their figures, as the coordinator's card computes them. */
function summaryOf(
  instrument: Instrument,
  figures: InstrumentFigures,
  combined: readonly CentreScaleScore[],
  centres: readonly string[],
) {
  const own = new Set(centres);
  const results = centres.reduce((n, id) => n + (figures.perCentre[id] ?? 0), 0);
  return {
    instrumentId: instrument.id,
    ...summaryFromCentreScores(
      instrument,
      combined.filter((c) => own.has(c.centreId)),
      { results, centres: centres.length },
    ),
  };
}

/**
 * `resonet report summary --instrument ID [--by region|country|centre] [--json]`: the
 * network summary a coordinator sees in chat, from the figures the database sums.
 */
export async function reportCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<Outcome> {
  const line = readCommandLine<Options>(
    argv,
    env,
    {
      instrument: { type: 'string' },
      by: { type: 'string' },
      json: { type: 'boolean' },
      network: { type: 'string' },
      pack: { type: 'string' },
    },
    'reportUsage',
  );
  if (isOutcome(line)) return line;
  const { values, positionals, lang } = line;
  if (positionals.join(' ') !== 'summary' || !values.instrument)
    return usageError(say('reportUsage', lang));
  const by = values.by;
  if (by !== undefined && !(GROUPINGS as readonly string[]).includes(by))
    return usageError(say('reportBadBy', lang, { value: by, known: GROUPINGS.join(', ') }));
  const content = await servedContent(values.pack, env, lang);
  if ('code' in content) return content;
  const networkId = networkOf(content, values.network, lang);
  if (typeof networkId !== 'string') return networkId;
  const instrument = content.instruments.find((i) => i.id === values.instrument);
  if (!instrument)
    return dataError(
      say('unknownInstrument', lang, {
        value: values.instrument,
        known: content.instruments.map((i) => i.id).join(', '),
      }),
    );
  return withStores(lang, env, async (stores) => {
    const figures = await stores.results.figures(instrument.id);
    const known = [...(await registryCentres(stores, content, networkId)), ...content.centres];
    const combined = centreScoresFromTotals(instrument, figures.centres, figures.totals);
    const network = summaryOf(instrument, figures, combined, figures.centres);
    const grouped = by ? groupsOf(by as Grouping, figures.centres, known, lang) : [];
    const groups = grouped.map((g) => ({
      key: g.key,
      name: g.name,
      ...summaryOf(instrument, figures, combined, g.centres),
    }));
    if (values.json)
      return ok(
        `${JSON.stringify({ instrument: instrument.id, by: by ?? null, summary: network, ...(by ? { groups } : {}), centres: combined }, null, 2)}\n`,
      );
    if (!figures.results) return ok(`${say('reportNone', lang, { instrument: instrument.id })}\n`);
    const centreName = (id: string) => {
      const centre = known.find((c) => c.id === id);
      return centre ? localize(centre.name, lang) : id.replace(/^named:/, '');
    };
    // The same card a coordinator reads in chat, as text; a group's under its name.
    const card = (summary: typeof network, centres: readonly string[], heading?: string) =>
      cardToText(
        summaryCard(instrument, summary, lang, {
          combined: combined.filter((c) => centres.includes(c.centreId)),
          centreName,
          ...(heading ? { heading } : {}),
        }),
      );
    // A form without scales is summarised by its answers, counted from its results.
    const tallies = instrument.scales.length
      ? undefined
      : tallyAnswers(instrument, await stores.results.query({ instrumentId: instrument.id }));
    if (tallies)
      return ok(
        `${cardToText(summaryCard(instrument, network, lang, { combined, centreName, tallies }))}\n`,
      );
    const parts = [card(network, figures.centres)];
    grouped.forEach((g, i) => {
      const summary = groups[i];
      if (summary)
        parts.push(card(summary, g.centres, `${localize(instrument.title, lang)} · ${g.name}`));
    });
    return ok(`${parts.join('\n\n')}\n`);
  });
}
