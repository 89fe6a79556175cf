import {
  fillText,
  foldText,
  type KnowledgeEntry,
  type Lang,
  type LocalizedText,
  localize,
  localizeWithLocale,
  type Network,
  type SourceRef,
} from '@resonet/core';
import { type AskedFact, askedFact, holdsFact } from './asked';
import type { SourceTitle } from './citation';
import { type Candidate, KnowledgeIndex } from './knowledgeIndex';
import { detectLanguage } from './language';
import { namesIn } from './names';
import { organisationsOf, ownName } from './organisations';
import { safetyAnswer, safetyTopic } from './safety';
import { smallTalk } from './smallTalk';
import { isVietnameseSyllable } from './spelling';
import { answerStructured, phaseNumber, type StructuredAnswer } from './structured';
import { THRESHOLDS } from './thresholds';

/** What the bot says to a question. */
export interface Answer {
  status: 'answered' | 'clarify' | 'unknown';
  lang: Lang;
  text: string;
  sources: SourceRef[];
  /** Follow-up questions (answered), candidate questions (clarify) or help topics (unknown). */
  suggestions: { entryId: string; text: string }[];
  /** The entry answered, when the answer came from the knowledge base. */
  entryId?: string;
  /** The kind of fact asked that the entry answered does not hold (it is given as nearest). */
  notGiven?: AskedFact;
  /** Unknown or clarify: the entry that came closest, for the unanswered-questions log. */
  nearest?: string;
  /**
   * Where the answer came from: a knowledge-base entry, a computed answer, small talk, a
   * gap (the sources do not say; the nearest known fact, labelled so), the safety answer
   * (clinical or crisis questions), or none.
   */
  kind: 'knowledge' | 'structured' | 'small-talk' | 'gap' | 'safety' | 'none';
}

const TEXT = {
  greeting: {
    en: 'Hello! I answer questions about {about}, in English or Vietnamese. Ask me anything, for example “{example}”',
    vi: 'Xin chào! Tôi trả lời các câu hỏi về {about}, bằng tiếng Việt hoặc tiếng Anh. Hãy hỏi, ví dụ “{example}”',
  },
  thanks: { en: 'You are welcome!', vi: 'Không có gì ạ!' },
  help: {
    en: 'You can ask about the networks — roles, phases, key players, outputs, resources — in English or Vietnamese. Some topics to start with:',
    vi: 'Anh/Chị có thể hỏi về các mạng lưới — vai trò, giai đoạn, các bên chủ chốt, đầu ra, nguồn lực — bằng tiếng Việt hoặc tiếng Anh. Một số chủ đề gợi ý:',
  },
  unknown: {
    en: 'Sorry, I do not know the answer to that. I only answer questions about {about}. Some topics I know:',
    vi: 'Xin lỗi, tôi không biết câu trả lời. Tôi chỉ trả lời các câu hỏi về {about}. Một số chủ đề tôi biết:',
  },
  clarify: {
    en: 'Did you mean one of these?',
    vi: 'Có phải Anh/Chị muốn hỏi một trong những câu sau?',
  },
  notMentioned: {
    en: 'The documents say nothing about {names}. I only answer questions about {about}. Some topics I know:',
    vi: 'Các tài liệu không nhắc đến {names}. Tôi chỉ trả lời các câu hỏi về {about}. Một số chủ đề tôi biết:',
  },
  notGiven: {
    en: 'The documents do not give that. The nearest they say:',
    vi: 'Các tài liệu không nêu thông tin đó. Điều gần nhất các tài liệu có nói:',
  },
  fallback: {
    en: '(No English text is available; shown in {lang}.)',
    vi: '(Chưa có bản tiếng Việt; nội dung hiển thị bằng tiếng Anh.)',
  },
};

const MAX_QUESTION = 500;
// How close an entry about the phase a question names must rank to the best to be preferred:
// Phase I's resources (0.45 of the GCS staff's duties) answer "How many treatment staff did
// Phase I have at GCS?"; Phase II's budget (0.36 of the resource centres' duties) does not
// answer "Who plans local projects for phase two?".
const ON_PHASE = 0.4;
// How much higher an entry that says something must score than a gap entry to answer instead.
const SAYS_MORE = 1.25;
// Topics offered when the pack names none: its first entries about the network itself.
const TOPIC_COUNT = 5;

// Words that name no network in particular ("the ITTC Network" is named by "ITTC").
const GENERIC = new Set(['network', 'networks', 'mang', 'luoi', 'the', 'of']);

/** The words that name a network in a question: those of its acronym and id, and plurals. */
function namesOf(network: Network): Set<string> {
  const words = foldText(`${network.acronym ?? ''} ${network.id.replaceAll('-', ' ')}`)
    .split(' ')
    .filter((w) => w && !GENERIC.has(w));
  return new Set(words.flatMap((w) => [w, `${w}s`]));
}

/**
 * Whether a match rests on more than one shared word: in a question of two or more
 * meaningful words, one word in common ("budget", "price", "today") is not a match, and a
 * number never is on its own. A question of two words may rest on one when a way of asking
 * the entry has it and the other word is new to the knowledge base ("talk in Vietnamese?"):
 * a word other entries are asked by ("Who founded ICUDDR?") says the question is about
 * something else; the word must be the entry's as typed ("book" is no typo of "booklet").
 * Not in Vietnamese, where one shared syllable is not a word ("bài" of
 * "bài đánh giá" in "hát cho tôi một bài"). An answer's long lines share single words too
 * easily: a match on its lines alone rests on two words at least ("what time is it now").
 */
const carried = (c: Candidate, lang: Lang) =>
  (c.phrased > 0 || c.matched >= 2) &&
  (c.matched >= Math.max(1, Math.min(c.asked, 2)) ||
    (lang !== 'vi' && c.asked === 2 && c.phrasedExactly >= 1 && c.missedKnown === 0));

/** Every text in the networks' model: names a question may use that no entry does. */
function modelTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(modelTexts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(modelTexts);
  return [];
}

/** What a question is about, beyond its words (see `AnswerEngine.about`). */
interface About {
  /** The network it names, or the default one. */
  network: Network;
  /** A "who …" question, or one asking for a kind of fact. */
  who: boolean;
  /** The kind of fact it asks for, if any (see `asked.ts`). */
  fact?: AskedFact;
  /** The networks and phases it does not mean, by id. */
  others: Set<string>;
  /** The network it names, when it names one. */
  named?: string;
  /** The phase it names, by id. */
  phase?: string;
  /** The organisations it names by acronym, folded. */
  mentioned: string[];
}

/** A computed answer's sources, and what it does not give when it is a gap. */
function computedRest(computed: StructuredAnswer, question: string): Partial<Answer> {
  const notGiven = computed.gap ? askedFact(question) : undefined;
  return { sources: computed.sources, ...(notGiven ? { notGiven } : {}) };
}

/** The answering engine over a knowledge base and the networks' model. */
export class AnswerEngine {
  private readonly index: KnowledgeIndex;
  private readonly entries: Map<string, KnowledgeEntry>;
  private readonly names: { network: Network; words: Set<string> }[];

  private readonly thresholds: { minCoverage: number; clarifyRatio: number };
  /** The organisations of the networks' model by acronym, folded, with their names folded. */
  private readonly organisations = new Map<string, string[]>();
  private readonly documents: readonly SourceTitle[];
  private readonly aboutText: LocalizedText;
  private readonly topicIds: readonly string[];
  private readonly examples: readonly LocalizedText[];

  /**
   * `networks`: the first is the one a question is about when it names none. Knowledge
   * entries about a network carry its id among their tags. `documents` gives the titles
   * computed answers cite sources by.
   */
  constructor(
    entries: readonly KnowledgeEntry[],
    private readonly networks: readonly [Network, ...Network[]],
    options: {
      thresholds?: { minCoverage: number; clarifyRatio: number };
      documents?: readonly SourceTitle[];
      /** What the bot answers about, for "I only answer questions about …" (default: the networks' names). */
      about?: LocalizedText;
      /** Entries offered as topics, by id (default: the first entries about the networks). */
      topics?: readonly string[];
      /** Example questions, the first offered in the greeting (default: the first topic's). */
      examples?: readonly LocalizedText[];
    } = {},
  ) {
    this.thresholds = options.thresholds ?? THRESHOLDS;
    this.documents = options.documents ?? [];
    this.aboutText = options.about ?? {
      en: networks.map((n) => localize(n.name, 'en')).join(' · '),
      vi: networks.map((n) => localize(n.name, 'vi')).join(' · '),
    };
    const named = (options.topics ?? []).filter((id) => entries.some((e) => e.id === id));
    this.topicIds = named.length
      ? named
      : entries
          .filter((e) => !e.appHelp && !e.gap)
          .slice(0, TOPIC_COUNT)
          .map((e) => e.id);
    this.examples = options.examples ?? [];
    this.names = networks.map((network) => ({ network, words: namesOf(network) }));
    this.index = new KnowledgeIndex(
      entries,
      this.names.flatMap((n) => [...n.words]),
      modelTexts(networks),
    );
    this.entries = new Map(entries.map((e) => [e.id, e]));
    for (const network of networks)
      for (const { org } of organisationsOf(network))
        if (org.acronym && org.acronym !== network.acronym)
          this.organisations.set(
            foldText(org.acronym),
            Object.values(org.name).map((name) => foldText(ownName(name ?? ''))),
          );
  }

  /**
   * The network a question names, when it names exactly one, and the ids of the others: an
   * answer about the ITTC Network's coordinating office does not answer "Who coordinates
   * Treatnet?".
   */
  private about(question: string): About {
    const folded = foldText(question);
    const words = new Set(folded.split(' '));
    const named = this.names.filter((n) => [...n.words].some((w) => words.has(w)));
    const [only] = named;
    const network = named.length === 1 && only ? only.network : this.networks[0];
    const others = named.length === 1 ? this.networks.filter((n) => n !== network) : [];
    // A question about Phase II is not answered from an entry about Phase I, and back.
    const phase = phaseNumber(folded);
    const otherPhases = phase ? network.phases.filter((p) => p.number !== phase) : [];
    const phaseId = phase ? network.phases.find((p) => p.number === phase)?.id : undefined;
    const fact = askedFact(question);
    return {
      network,
      // A "who …" question, or one asking for a kind of fact: help about the app has neither.
      who: /^(who|whom|ai)\b/.test(folded) || fact !== undefined,
      ...(fact ? { fact } : {}),
      others: new Set([...others, ...otherPhases].map((x) => x.id)),
      // The organisations it names by acronym ("ICUDDR", "WHO"), the networks' own aside.
      mentioned: namesIn(question)
        .flat()
        .map(foldText)
        .filter((word) => this.organisations.has(word)),
      ...(named.length === 1 ? { named: network.id } : {}),
      ...(phaseId ? { phase: phaseId } : {}),
    };
  }

  /**
   * Whether an entry may answer: the match rests on more than one shared word, the entry is
   * not about a network or phase the question does not mean, and a gap entry ("the brochure
   * does not say who funds the ITTC Network") answers only questions about its network.
   */
  private fits(c: Candidate, about: About, lang: Lang): boolean {
    if (!carried(c, lang) || c.entry.tags.some((tag) => about.others.has(tag))) return false;
    // An entry that never uses an acronym the question asks about is about something else:
    // "Ai tài trợ cho ICUDDR?" is not answered by Treatnet's funders.
    const uses = (acronym: string) =>
      [acronym, ...(this.organisations.get(acronym) ?? [])].some((n) =>
        this.index.mentions(n, c.entry.id),
      );
    if (!about.mentioned.every(uses)) return false;
    // Help about the app answers questions about the app: not ones that name a network, ask
    // who does something or ask for a fact of the documents ("What did the training needs
    // assessment find?").
    if (c.entry.appHelp && (about.named || about.who)) return false;
    if (!c.entry.gap) return true;
    // A gap entry answers only for its own network (the one named, or the default one).
    return !this.networks.some((n) => n.id !== about.network.id && c.entry.tags.includes(n.id));
  }

  /**
   * Whether the documents mention a name. A Vietnamese name's syllables are each common
   * ("Hà Nội": "ha", "noi"), so it must appear whole; other names need every word known.
   */
  private knowsName(name: string[]): boolean {
    const syllables = name.length > 1 && name.every((w) => isVietnameseSyllable(foldText(w)));
    return syllables ? this.index.mentions(name.join(' ')) : name.every((w) => this.index.knows(w));
  }

  private question(id: string, lang: Lang): { entryId: string; text: string } | undefined {
    const entry = this.entries.get(id);
    const text = entry?.questions[lang]?.[0] ?? entry?.questions.en[0];
    return entry && text ? { entryId: id, text } : undefined;
  }

  private topics(lang: Lang) {
    return this.topicIds.map((id) => this.question(id, lang)).filter((q) => q !== undefined);
  }

  /** The texts' placeholders: what the bot is about, and an example question. */
  private words(lang: Lang): { about: string; example: string } {
    const [example] = this.examples;
    const [topic] = this.topicIds;
    return {
      about: localize(this.aboutText, lang),
      example: example
        ? localize(example, lang)
        : ((topic && this.question(topic, lang)?.text) ?? ''),
    };
  }

  /** Answers a question: small talk, a computed answer, a knowledge-base entry, or a plain "I don't know". */
  answer(input: string, options: { locale?: string } = {}): Answer {
    // Questions are short; a pasted document is cut rather than searched whole.
    const question = input.slice(0, MAX_QUESTION);
    const lang = detectLanguage(question, options.locale);
    const reply = (
      status: Answer['status'],
      kind: Answer['kind'],
      text: string,
      rest: Partial<Answer> = {},
    ): Answer => ({
      status,
      kind,
      lang,
      text,
      sources: [],
      suggestions: [],
      ...rest,
    });
    // Someone's health or safety comes before anything the documents say.
    const safety = safetyTopic(question);
    if (safety) {
      const careful = safetyAnswer(safety, this.networks, lang);
      return reply('answered', 'safety', careful.text, { sources: careful.sources });
    }
    const talk = smallTalk(question);
    if (talk === 'thanks') return reply('answered', 'small-talk', TEXT.thanks[lang]);
    if (talk)
      return reply('answered', 'small-talk', fillText(TEXT[talk][lang], this.words(lang)), {
        suggestions: this.topics(lang),
      });

    // A question that names what the documents never mention is about something they do
    // not cover ("Is there an ITTC in Vietnam?"): say so rather than answer a neighbour.
    const unmentioned = namesIn(question).filter((name) => !this.knowsName(name));
    if (unmentioned.length)
      return reply(
        'unknown',
        'none',
        fillText(TEXT.notMentioned[lang], {
          ...this.words(lang),
          names: unmentioned.map((n) => n.join(' ')).join(', '),
        }),
        { suggestions: this.topics(lang) },
      );

    const about = this.about(question);
    const { network } = about;
    const computed = answerStructured(network, question, lang, {
      documents: this.documents,
      networks: this.networks,
    });
    if (computed)
      return reply(
        'answered',
        computed.gap ? 'gap' : 'structured',
        computed.text,
        computedRest(computed, question),
      );

    const { minCoverage, clarifyRatio } = this.thresholds;
    const found = this.index.find(question, 8, lang);
    const nearest = found[0] ? { nearest: found[0].entry.id } : {};
    const fitting = found.filter((c) => c.coverage >= minCoverage && this.fits(c, about, lang));
    // Ranked by score weighed by how much of the question the entry accounts for, by weight
    // and by count of words: one that covers the whole question beats one that scores as
    // high on part of it.
    const rank = (c: Candidate) => c.score * c.coverage * (c.matched / Math.max(1, c.asked));
    fitting.sort((a, b) => rank(b) - rank(a));
    // A question that names a phase is answered from an entry about that phase, if one fits
    // nearly as well as the best: "Who plans local projects for phase two?" is a duty of the
    // resource centres, not Phase II's budget.
    const phase = about.phase;
    const best = fitting[0] ? rank(fitting[0]) : 0;
    const onPhase = phase
      ? fitting.filter((c) => c.entry.tags.includes(phase) && rank(c) >= best * ON_PHASE)
      : [];
    const chosen = onPhase.length ? onPhase : fitting;
    // A gap entry ("the documents do not give Phase I's evaluation results") answers only
    // when no entry that says something scores higher on the question and fits it more
    // closely: "List the main activities of Phase I" is the activities, not the evaluation.
    const [lead] = chosen;
    const says = lead?.entry.gap
      ? fitting.find(
          (c) => !c.entry.gap && c.score > lead.score * SAYS_MORE && c.precision > lead.precision,
        )
      : undefined;
    const candidates = says ? [says, ...chosen.filter((c) => c !== says)] : chosen;
    const [top, second] = candidates;
    if (!top || top.coverage < 1) {
      // "Who does X?" questions the knowledge base does not fully cover are matched against
      // the key players' duties.
      const who = answerStructured(network, question, lang, {
        who: true,
        documents: this.documents,
      });
      if (who) return reply('answered', 'structured', who.text, { sources: who.sources });
    }
    if (!top)
      return reply('unknown', 'none', fillText(TEXT.unknown[lang], this.words(lang)), {
        suggestions: this.topics(lang),
        ...nearest,
      });
    // Ask which was meant only when a runner-up scores almost as well and fits the question
    // almost as closely.
    const fit = (c: Candidate) => c.coverage * c.precision;
    const close = (c: Candidate) =>
      rank(c) >= rank(top) * clarifyRatio && fit(c) >= fit(top) * clarifyRatio;
    if (second && close(second)) {
      // Three choices at most: more is a list to read, not a question.
      const options = candidates
        .filter(close)
        .slice(0, 3)
        .map((c) => this.question(c.entry.id, lang))
        .filter((q) => q !== undefined);
      return reply('clarify', 'knowledge', TEXT.clarify[lang], {
        suggestions: options,
        ...nearest,
      });
    }
    return this.entryAnswer(top, question, about.fact, lang);
  }

  /** The answer an entry gives, said not to be given when it lacks the kind of fact asked. */
  private entryAnswer(top: Candidate, question: string, asked: AskedFact | undefined, lang: Lang) {
    const { text: entryText, locale } = localizeWithLocale(top.entry.answer, lang);
    const note = locale !== lang ? `\n${TEXT.fallback[lang]}` : '';
    // An entry on the topic that lacks the kind of fact asked (a count, an amount, a date, a
    // person) does not answer the question: say so, and give it as the nearest fact.
    const fact = top.entry.gap ? undefined : asked;
    const lacking = fact !== undefined && !holdsFact(fact, question, entryText);
    const text = lacking ? `${TEXT.notGiven[lang]} ${entryText}` : entryText;
    // A gap entry answers that the sources do not say, with the nearest fact they give.
    const answer: Answer = {
      status: 'answered',
      kind: top.entry.gap || lacking ? 'gap' : 'knowledge',
      lang,
      text: `${text}${note}`,
      sources: top.entry.sources,
      suggestions: top.entry.related
        .map((id) => this.question(id, lang))
        .filter((q) => q !== undefined),
      entryId: top.entry.id,
      ...(lacking ? { notGiven: fact } : {}),
    };
    return answer;
  }
}
