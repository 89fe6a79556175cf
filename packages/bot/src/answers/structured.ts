import {
  countOf,
  fillText,
  foldText,
  keywords,
  type Lang,
  localize,
  type Network,
  periodLength,
  phaseAt,
  type SourceRef,
  shortName,
  whoIsResponsibleFor,
} from '@resonet/core';
import { askedFact, countedPhrase } from './asked';
import { documentTitle, type SourceTitle } from './citation';
import { type OrganisationPart, organisationsOf, ownName } from './organisations';

/** An answer computed from the domain model rather than looked up. */
export interface StructuredAnswer {
  text: string;
  sources: SourceRef[];
  /** The model does not hold what was asked: the text says so and gives the nearest fact. */
  gap?: true;
}

const MONTHS_EN = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_SHORT = MONTHS_EN.map((m) => m.slice(0, 3));

function monthName(month: number, lang: Lang): string {
  if (lang === 'vi') return `tháng ${month}`;
  const name = MONTHS_EN[month - 1]!;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function formatDay(iso: string, lang: Lang): string {
  const [year, month] = iso.split('-').map(Number) as [number, number];
  return lang === 'vi' ? `tháng ${month}/${year}` : `${monthName(month, 'en')} ${year}`;
}

/** Finds "March 2007", "tháng 3 năm 2007", "3/2007", "2007-03-15" or a lone year. */
export function findDate(folded: string): string | undefined {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(folded);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const en = new RegExp(
    `\\b(${MONTHS_EN.join('|')}|${MONTH_SHORT.join('|')})\\w*\\s+(?:of\\s+)?(\\d{4})\\b`,
  ).exec(folded);
  if (en) {
    const month = MONTH_SHORT.indexOf(en[1]!.slice(0, 3)) + 1;
    return `${en[2]}-${String(month).padStart(2, '0')}-15`;
  }
  const vi =
    /\bthang\s+(\d{1,2})(?:\s+nam\s+|\s*\/\s*|\s+)(\d{4})\b/.exec(folded) ??
    /\b(\d{1,2})\s*\/\s*(\d{4})\b/.exec(folded);
  if (vi && Number(vi[1]) >= 1 && Number(vi[1]) <= 12)
    return `${vi[2]}-${vi[1]!.padStart(2, '0')}-15`;
  const year = /\b(19\d{2}|20\d{2})\b/.exec(folded);
  return year ? `${year[1]}-07-01` : undefined;
}

/** The phase a question names ("phase II", "giai đoạn 1", "the first phase"), folded. */
export function phaseNumber(folded: string): number | undefined {
  const m =
    /\b(?:phase|giai doan)\s+(one|two|1|2|i|ii|mot|hai|first|second)\b/.exec(folded) ??
    /\b(first|second|dau tien|thu nhat|thu hai)\s+(?:phase|giai doan)\b/.exec(folded);
  if (!m) return undefined;
  return ['two', '2', 'ii', 'hai', 'second', 'thu hai'].includes(m[1]!) ? 2 : 1;
}

/** A phase the question names by its own name ("the first work plan"), in any language. */
function namedPhase(network: Network, folded: string) {
  return network.phases.find((phase) =>
    Object.values(phase.name).some((name) => name && ` ${folded} `.includes(` ${foldText(name)} `)),
  );
}

const say = (lang: Lang, en: string, vi: string) => (lang === 'vi' ? vi : en);

// The asking words of a "who does X?" question, folded.
const WHO_ASKS =
  /^(who (is|are) (responsible|in charge) (for|of)|who (does|do|will|should|can)|who|ai (la nguoi )?(chiu trach nhiem|phu trach)( ve| viec)?|ai (se |lam )?)\b/;

/** A question as the intents read it: folded, with the phase it names, if any. */
export interface StructuredQuestion {
  /** As asked (for matching names against the model). */
  text: string;
  /** Folded (lower case, no diacritics): what the patterns read. */
  folded: string;
  /** The phase the question names ("phase II", "giai đoạn 1"), when it names one. */
  phase?: Network['phases'][number] | undefined;
  /** Whether a bare "who …" question may be answered from the key players. */
  who: boolean;
  /** A source as cited inside a sentence: the document's title. */
  cite: (ref: SourceRef) => string;
  /** Every network the bot knows, for facts not tied to the one asked about (acronyms). */
  networks: readonly Network[];
}

/**
 * One kind of question the domain model can answer: when it applies, and the answer (or
 * `undefined`, and the next intent is tried). Intents are tried in the order of `INTENTS`.
 */
export interface Intent {
  id: string;
  matches(question: StructuredQuestion): boolean;
  answer(network: Network, question: StructuredQuestion, lang: Lang): StructuredAnswer | undefined;
}

type Plan = Network['phases'][number]['plans'][number];

/**
 * One plan of a phase as the sources give it, with its source: "2007-2010 (poster abstract)";
 * a plan known to the month also says how long and from when to when. Year-only plans are
 * never padded into January-to-December dates.
 */
function describePlan(plan: Plan, lang: Lang, cite: StructuredQuestion['cite']): string {
  const cited = plan.sources.map(cite).join(', ');
  const label = plan.label ? localize(plan.label, lang) : `${plan.start} – ${plan.end}`;
  if (plan.precision === 'year') return `${label} (${cited})`;
  const { years, months } = periodLength(plan);
  const length = say(
    lang,
    `${years} years${months ? ` and ${months} months` : ''}`,
    `${years} năm${months ? ` ${months} tháng` : ''}`,
  );
  const from = formatDay(plan.start, lang);
  const to = formatDay(plan.end, lang);
  return say(
    lang,
    `${length}, from ${from} to ${to} (${cited})`,
    `${length}, từ ${from} đến ${to} (${cited})`,
  );
}

/** Every plan the sources give for a phase, each with its source: they may disagree. */
function phasePlans(phase: Network['phases'][number], q: StructuredQuestion, lang: Lang) {
  const name = localize(phase.name, lang);
  const plans = phase.plans.map((plan) => describePlan(plan, lang, q.cite));
  const text =
    plans.length === 1
      ? say(lang, `${name} was planned for ${plans[0]}.`, `${name} được lên kế hoạch: ${plans[0]}.`)
      : say(
          lang,
          `The sources give ${plans.length} plans for ${name}: ${plans.join('; ')}.`,
          `Các nguồn đưa ra ${plans.length} kế hoạch cho ${name}: ${plans.join('; ')}.`,
        );
  return { text, sources: phase.plans.flatMap((plan) => plan.sources) };
}

const phaseDuration: Intent = {
  id: 'phase-duration',
  matches: (q) =>
    q.phase !== undefined &&
    /\b(how long|last|lasted|duration|keo dai|bao lau|thoi gian)\b/.test(q.folded),
  answer: (_network, q, lang) => (q.phase ? phasePlans(q.phase, q, lang) : undefined),
};

const phaseDates: Intent = {
  id: 'phase-dates',
  matches: (q) =>
    q.phase !== undefined &&
    (askedFact(q.text) === 'date' ||
      /\b(start|begin|began|started|bat dau|end|ended|finish|ket thuc)\b/.test(q.folded)),
  answer: (_network, q, lang) => (q.phase ? phasePlans(q.phase, q, lang) : undefined),
};

// "When did Treatnet start?": the start the model records, and the first phase's dated start
// beside it when a source gives one (the abstract and the slides date Treatnet differently).
const STARTED_IN =
  /\b(start|started|created|founded|launched|initiated|set up|began|bat dau|thanh lap|ra doi|khoi xuong)\b.*\b(19|20)\d{2}\b/;
const STARTED =
  /\b(when|what year|khi nao|bao gio|nam nao|tu khi nao)\b.*\b(start|started|begin|began|launch|launched|initiated|set up|founded|bat dau|khoi xuong|ra doi|thanh lap)\b|\b(start|started|begin|began|launch|launched|initiated|set up|founded|bat dau|khoi xuong|ra doi|thanh lap)\b.*\b(when|what year|khi nao|bao gio|nam nao|tu khi nao)\b/;

// What a start question says besides its subject.
const START_TALK =
  /\b(when|what|which|year|khi nao|bao gio|nam nao|tu khi nao|start|started|begin|began|launch|launched|initiated|set up|founded|created|bat dau|khoi xuong|ra doi|thanh lap|duoc|nam|co|khong|phai|project|network|du an|mang luoi)\b/g;

/** Whether a start question is about the network itself: "When was ICUDDR founded?" is not. */
function asksAboutNetwork(network: Network, folded: string): boolean {
  const own = new Set(
    keywords(`${network.acronym ?? ''} ${network.id} ${network.name.en} ${network.name.vi ?? ''}`),
  );
  return keywords(folded.replace(START_TALK, ' ')).every((w) => own.has(w) || /^\d+$/.test(w));
}

const networkStart: Intent = {
  id: 'network-start',
  // "…and by whom?" is better answered by the entry that says who started it.
  matches: (q) =>
    q.phase === undefined &&
    (STARTED.test(q.folded) || STARTED_IN.test(q.folded)) &&
    !/\b(by whom|who|ai)\b/.test(q.folded),
  answer: (network, q, lang) => {
    const started = network.started;
    if (!started || !asksAboutNetwork(network, q.folded)) return undefined;
    const first = network.phases.find((p) => p.number === 1);
    const dated = first?.plans.find((p) => p.precision !== 'year' && p.start !== started.date);
    const cited = started.sources.map(q.cite).join(', ');
    const when = formatDay(started.date, lang);
    const head = say(
      lang,
      `${shortName(network, 'en')} started in ${when}, according to the ${cited}.`,
      `${shortName(network, 'vi')} bắt đầu vào ${when}, theo ${cited}.`,
    );
    if (!first || !dated) return { text: head, sources: started.sources };
    const phase = localize(first.name, lang);
    const from = formatDay(dated.start, lang);
    const also = dated.sources.map(q.cite).join(', ');
    const tail = say(
      lang,
      ` The ${also} date its ${phase} from ${from}.`,
      ` ${also} ghi ${phase} bắt đầu từ ${from}.`,
    );
    return { text: `${head}${tail}`, sources: [...started.sources, ...dated.sources] };
  },
};

const phaseOnDate: Intent = {
  id: 'phase-on-date',
  matches: (q) => /\b(which phase|what phase|giai doan nao)\b/.test(q.folded),
  answer: (network, q, lang) => {
    const date = findDate(q.folded);
    if (!date) return undefined;
    const matches = phaseAt(network, date);
    const when =
      date.endsWith('-07-01') && !/\b\d{4}-07-01\b/.test(q.folded)
        ? date.slice(0, 4)
        : formatDay(date, lang);
    if (matches.length === 0)
      return {
        text: say(
          lang,
          `No phase was running in ${when} according to the sources.`,
          `Theo các nguồn, không có giai đoạn nào diễn ra vào ${when}.`,
        ),
        sources: network.phases.flatMap((p) => p.plans.flatMap((plan) => plan.sources)),
      };
    const lines = matches.map((m) => {
      const plans = m.plans
        .map(
          (p) =>
            `${localize(p.label ?? { en: `${p.start} – ${p.end}` }, lang)} (${p.sources.map(q.cite).join(', ')})`,
        )
        .join('; ');
      return say(
        lang,
        `${m.phase.name.en} — according to: ${plans}`,
        `${localize(m.phase.name, 'vi')} — theo: ${plans}`,
      );
    });
    return {
      text: `${say(lang, `In ${when}:`, `Vào ${when}:`)}\n${lines.map((l) => `• ${l}`).join('\n')}`,
      sources: matches.flatMap((m) => m.plans.flatMap((p) => p.sources)),
    };
  },
};

/**
 * What "how many …" counts, by the words naming the thing counted ("how many patients did
 * the centres treat" counts no centres); how they take part may be said anywhere.
 */
const COUNTED_ANYWHERE: readonly [RegExp, Parameters<typeof countOf>[1]][] = [
  [/\b(electronic|electronically|dien tu)\b/, 'electronic-participants'],
];
const COUNTED: readonly [RegExp, Parameters<typeof countOf>[1]][] = [
  [/\b(working group|nhom cong tac)/, 'working-groups'],
  [/\b(good practice|thuc hanh tot|document|tai lieu)/, 'good-practice-documents'],
  [/\b(cent(re|er)s?|trung tam)\b/, 'grant-resource-centres'],
];

const count: Intent = {
  id: 'count',
  // "How much money did each centre get?" asks an amount, not a count.
  matches: (q) => askedFact(q.text) === 'count',
  answer: (network, q, lang) => {
    const counted = countedPhrase(q.folded).join(' ');
    const subject =
      COUNTED_ANYWHERE.find(([words]) => words.test(q.folded))?.[1] ??
      COUNTED.find(([words]) => words.test(counted))?.[1];
    const fact = subject ? countOf(network, subject) : undefined;
    if (!fact) return undefined;
    const text = `${fact.count} — ${localize(fact.text, lang)}.`;
    // A count the sources give for one phase does not answer a question about another.
    const given = network.phases.find((p) => p.id === fact.phaseId);
    if (!q.phase || !given || given.id === q.phase.id) return { text, sources: fact.sources };
    const asked = localize(q.phase.name, lang);
    const nearest = say(
      lang,
      `The documents do not give that for ${asked}. The nearest they say, for ${localize(given.name, lang)}:`,
      `Các tài liệu không nêu con số đó cho ${asked}. Điều gần nhất các tài liệu có nói, cho ${localize(given.name, lang)}:`,
    );
    return { text: `${nearest} ${text}`, sources: fact.sources, gap: true };
  },
};

const responsible: Intent = {
  id: 'who-is-responsible',
  matches: (q) =>
    (q.who && /^(who|ai)\b/.test(q.folded)) ||
    /\b(who is responsible|ai chiu trach nhiem)\b/.test(q.folded),
  answer: (network, q, lang) => {
    // The duty asked about, without the asking words ("who is responsible for").
    const subject = q.folded.replace(WHO_ASKS, '').trim();
    // Every meaningful word must match: a partial match is better left to the knowledge base.
    const matches = whoIsResponsibleFor(network, subject || q.text, { minScore: 1 });
    const best = matches.filter((m) => m.score === matches[0]?.score).slice(0, 5);
    if (!best.length) return undefined;
    const line = (m: (typeof best)[number]) =>
      `${localize(m.player.name, lang)}: ${localize(m.responsibility.text, lang)}`;
    // Several key players can share a duty (one conducts, one coordinates, one contributes).
    return {
      text: best.length === 1 ? `${line(best[0]!)}.` : best.map((m) => `• ${line(m)}`).join('\n'),
      sources: best.flatMap((m) => m.responsibility.sources),
    };
  },
};

/** The questions the domain model answers, tried in this order. */
// "What does ICUDDR stand for?", "ICUDDR là gì?": an organisation's acronym, from the model.
const ASKS_EXPANSION =
  /\b(what does|stand for|stands for|short for|full name|mean|means|meaning|what is|what s|who is|who are|viet tat|cua|ten day du|la gi|la to chuc gi|to chuc|organisation|organization|la ai|nghia la gi)\b/;

/** The organisation a question asks the acronym of, when that is all it asks. */
function expandedOrganisation(q: StructuredQuestion) {
  const words = new Set(q.folded.split(' '));
  const typed = new Set(q.text.split(/[^\p{L}]+/u));
  // Typed in capitals, or in lower case when the acronym is no everyday word ("who", "ilo").
  const asked = (acronym: string) =>
    typed.has(acronym) || (keywords(acronym).length > 0 && words.has(foldText(acronym)));
  const found = q.networks
    .flatMap((network) => organisationsOf(network).map((listed) => ({ ...listed, network })))
    .find(({ org }) => org.acronym && asked(org.acronym));
  if (!found?.org.acronym) return undefined;
  const acronym = foldText(found.org.acronym);
  const rest = keywords(q.folded.replace(new RegExp(ASKS_EXPANSION, 'g'), ' ')).filter(
    (w) => w !== acronym,
  );
  return rest.length === 0 ? found : undefined;
}

/** What an organisation is to a network, as the model lists it. */
const PART: Record<OrganisationPart, Record<Lang, string>> = {
  coordinatingBodies: {
    en: 'one of the coordinating bodies of {network}',
    vi: 'một trong các đơn vị điều phối của {network}',
  },
  partners: { en: 'a partner of {network}', vi: 'một đối tác của {network}' },
  funders: { en: 'a funder of {network}', vi: 'một nhà tài trợ của {network}' },
};

const acronym: Intent = {
  id: 'acronym',
  matches: (q) => ASKS_EXPANSION.test(q.folded),
  answer: (_network, q, lang) => {
    const found = expandedOrganisation(q);
    if (!found) return undefined;
    const { org, network, part } = found;
    // The networks' own acronyms are answered by their entries ("What is an ITTC?").
    if (!org.acronym || q.networks.some((n) => n.acronym === org.acronym)) return undefined;
    const name = ownName(localize(org.name, lang));
    const cited = org.sources.map(q.cite).join(', ');
    // "the ITTC Network", but "Treatnet": a name ending in "Network" takes the article.
    const short =
      network.acronym && /network$/i.test(network.acronym)
        ? `the ${network.acronym}`
        : network.acronym;
    const role = fillText(PART[part][lang], {
      network: lang === 'en' && short ? short : localize(network.name, lang),
    });
    return {
      text: say(
        lang,
        `${org.acronym} stands for the ${name}, ${role} (${cited}).`,
        `${org.acronym} là viết tắt của ${name}, ${role} (${cited}).`,
      ),
      sources: org.sources,
    };
  },
};

export const INTENTS: readonly Intent[] = [
  acronym,
  phaseDuration,
  phaseDates,
  networkStart,
  phaseOnDate,
  count,
  responsible,
];

/**
 * Answers questions the domain model can compute: when a phase started, ended or how long it
 * lasted; which phase ran on a date; how many centres or participants; who is responsible
 * for something. `undefined` when the question is not of these kinds.
 */
export function answerStructured(
  network: Network,
  question: string,
  lang: Lang,
  options: {
    who?: boolean;
    documents?: readonly SourceTitle[];
    networks?: readonly Network[];
  } = {},
): StructuredAnswer | undefined {
  const folded = foldText(question);
  const number = phaseNumber(folded);
  const q: StructuredQuestion = {
    text: question,
    folded,
    phase: number ? network.phases.find((p) => p.number === number) : namedPhase(network, folded),
    who: options.who ?? false,
    cite: (ref) => documentTitle(ref, options.documents ?? [], lang),
    networks: options.networks ?? [network],
  };
  for (const intent of INTENTS) {
    if (!intent.matches(q)) continue;
    const answer = intent.answer(network, q, lang);
    if (answer) return answer;
  }
  return undefined;
}
