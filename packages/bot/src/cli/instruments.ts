import {
  dataDictionaryCsv,
  type Instrument,
  localize,
  minRespondents,
  possibleItemCount,
} from '@resonet/core';
import { instruments as shipped } from '@resonet/fixtures';
import { say } from './messages';
import { type Outcome, ok } from './outcome';

const STATUS = {
  draft: 'statusDraft',
  pilot: 'statusPilot',
  published: 'statusPublished',
} as const satisfies Record<Instrument['status'], string>;

/**
 * `resonet instruments [--json | --dictionary]`: the built-in instruments, for people, as
 * JSON, or as the data dictionary (CSV) of the results files.
 */
export function listInstruments(options: {
  json: boolean;
  dictionary?: boolean;
  lang: string;
  /** A pack's instruments (default: the built-in ones). */
  instruments?: readonly Instrument[];
}): Outcome {
  const instruments = options.instruments ?? shipped;
  if (options.json) return ok(`${JSON.stringify(instruments, null, 2)}\n`);
  // The data dictionary, for reading a results CSV in a spreadsheet or a statistics tool.
  if (options.dictionary)
    return ok(`${dataDictionaryCsv(instruments, options.lang, { bom: true })}\r\n`);
  const lines = [say(options.instruments ? 'listHeaderPack' : 'listHeader', options.lang)];
  for (const instrument of instruments) {
    lines.push(
      `  ${say('listLine', options.lang, {
        id: instrument.id,
        version: instrument.version,
        status: say(STATUS[instrument.status], options.lang),
        title: localize(instrument.title, options.lang),
        // As the question cards count: what may be asked (follow-ups only when they apply).
        items: possibleItemCount(instrument, {}),
        sections: instrument.sections.length,
        minutes: instrument.estimatedMinutes,
      })}`,
      `    ${localize(instrument.description, options.lang)}`,
      `    ${
        instrument.respondent?.kind === 'staff'
          ? say('answeredByStaff', options.lang, { min: minRespondents(instrument) })
          : say('answeredByOne', options.lang)
      }`,
      ...(instrument.validation
        ? [`    ${localize(instrument.validation.note, options.lang)}`]
        : []),
    );
  }
  return ok(`${lines.join('\n')}\n`);
}
