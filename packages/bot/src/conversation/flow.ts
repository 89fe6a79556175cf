import {
  type AssessmentResult,
  type Centre,
  type Instrument,
  localize,
  type Network,
  type ScaleTotals,
} from '@resonet/core';
import type { AnswerEngine } from '../answers/answer';
import type { SourceTitle } from '../answers/citation';
import type { UnansweredGroup } from '../answers/unanswered';
import type { Role } from '../members/roles';
import type { Branding } from '../pack/branding';

/** Why an invite code gave no role: none typed, not a code, unknown, expired or used. */
export type JoinRefusal = 'no-code' | 'malformed' | 'unknown' | 'expired' | 'used' | 'too-many';

import type { Message } from './incoming';
import type { Outcome } from './outcome';

/** How far back coordinators see unanswered questions in chat. */
export const UNANSWERED_DAYS = 30;

/** How many submissions a coordinator sees at a time. */
export const SUBMISSIONS_PAGE = 30;

/** What a turn needs from outside; the engine itself does no I/O and reads no clock. */
export interface EngineContext {
  instruments: readonly Instrument[];
  centres: readonly Centre[];
  networks: readonly Network[];
  answers: AnswerEngine;
  /** The documents facts are cited from (titles for the citations). */
  documents: readonly SourceTitle[];
  /** The pack's words: its welcome, what it is about, its example questions. */
  branding: Pick<Branding, 'welcome' | 'about' | 'examples' | 'openJoining'>;
  userId: string;
  /** Coordinators may list every submission and see the network summary. */
  isCoordinator: boolean;
  /** The member's role and centre in the network, when they have one. */
  membership?: { role: Role; centreId?: string };
  /** Members asking to move to another centre, loaded for coordinators who ask to see them. */
  centreRequests?: readonly { userId: string; centreId?: string; requestedCentreId: string }[];
  /** This turn's invite code, used by the shell: the role it gave, or why it did not. */
  joined?: { ok: true; role: Role; centreId?: string } | { ok: false; error: JoinRefusal };
  /** Today, as YYYY-MM-DD. */
  asOf: string;
  /** A new unique id (for sessions and so their results). */
  newId: () => string;
  /** Stored results, loaded by the edge when `resultsNeeded` asks for them. */
  results?: readonly AssessmentResult[];
  /**
   * Each scored instrument's figures as the store sums them (results, centres, totals per
   * centre and scale), loaded for the network summary instead of every result.
   */
  /** A page of the newest results (coordinators' submissions), and how many there are. */
  page?: { results: readonly AssessmentResult[]; total: number };
  figures?: Readonly<
    Record<string, { results: number; centres: readonly string[]; totals: readonly ScaleTotals[] }>
  >;
  /**
   * The unanswered questions of the last {@link UNANSWERED_DAYS} days, grouped, loaded for
   * coordinators when the command asks; absent where they are not recorded.
   */
  unanswered?: readonly UnansweredGroup[];
}

/** One part of the conversation: from the outcome so far and the message, the next outcome. */
export type Flow = (outcome: Outcome, message: Message, ctx: EngineContext) => Outcome;

export const instrumentOf = (ctx: EngineContext, id: string) =>
  ctx.instruments.find((i) => i.id === id);

/** An instrument's title, or its id when it is no longer offered. */
export function titleOf(ctx: EngineContext, id: string, lang: Outcome['lang']): string {
  const instrument = instrumentOf(ctx, id);
  return instrument ? localize(instrument.title, lang) : id;
}

/** A centre's name: listed centres by id, typed ones (`named:…`) as typed. */
export function centreLabel(ctx: EngineContext, id: string, lang: Outcome['lang']): string {
  if (id.startsWith('named:')) return id.slice('named:'.length);
  const centre = ctx.centres.find((c) => c.id === id);
  return centre ? localize(centre.name, lang) : id;
}

/** The member's own results, newest first. */
export const ownResults = (ctx: EngineContext) =>
  (ctx.results ?? [])
    .filter((r) => r.respondentId === ctx.userId)
    .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
