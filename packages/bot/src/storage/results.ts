import {
  type AssessmentResult,
  AssessmentResultSchema,
  type ScaleTotals,
  scaleTotals,
} from '@resonet/core';
import type { Database, Queryable } from './database';

/** Stores a result unless one with its id is there; says which. */
export async function insertResult(
  q: Queryable,
  result: AssessmentResult,
): Promise<'stored' | 'duplicate'> {
  const rows = await q.query(
    `insert into assessment_results
       (id, instrument_id, instrument_version, centre_id, respondent_id, started_at, submitted_at, doc)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (id) do nothing returning id`,
    [
      result.id,
      result.instrumentId,
      result.instrumentVersion,
      result.centreId,
      result.respondentId,
      result.startedAt,
      result.submittedAt,
      JSON.stringify(result),
    ],
  );
  if (!rows.length) return 'duplicate';
  await indexResults(q, [result.id]);
  return 'stored';
}

/** Each respondent's latest of the results `where` selects, as rows for latest_results. */
const latestOf = (where: string) => `
  insert into latest_results (instrument_id, centre_id, respondent_id, result_id, submitted_at)
  select distinct on (instrument_id, centre_id, respondent_id)
         instrument_id, centre_id, respondent_id, id, submitted_at
  from assessment_results where ${where}
  order by instrument_id, centre_id, respondent_id, submitted_at desc, id desc`;

/**
 * Indexes newly stored results for the network figures: their scale scores as rows, and
 * each becomes its respondent's latest unless a later one (by date, then id) is there.
 */
async function indexResults(q: Queryable, ids: readonly string[]) {
  await q.query(
    `insert into result_scores (result_id, scale_id, value)
     select r.id, s->>'scaleId', (s->>'value')::double precision
     from assessment_results r, jsonb_array_elements(r.doc->'scores') as s
     where r.id = any($1::text[]) and jsonb_typeof(s->'value') = 'number'
     on conflict do nothing`,
    [ids],
  );
  await q.query(
    `${latestOf('id = any($1::text[])')}
     on conflict (instrument_id, centre_id, respondent_id) do update
       set result_id = excluded.result_id, submitted_at = excluded.submitted_at
       where (latest_results.submitted_at, latest_results.result_id)
           < (excluded.submitted_at, excluded.result_id)`,
    [ids],
  );
}

/** One page of the newest results, and how many there are in all. */
export interface ResultPage {
  results: AssessmentResult[];
  total: number;
}

/** Where a page starts: the results submitted before this one (newest first). */
export interface PageCursor {
  submittedAt: string;
  id: string;
}

/** One instrument's figures as the database sums them: results, centres, totals per scale. */
export interface InstrumentFigures {
  /** Every result of the instrument, repeated answers included. */
  results: number;
  /** The centres with results, in id order. */
  centres: string[];
  /** Each centre's number of results. */
  perCentre: Record<string, number>;
  /** Per centre and scale, over each respondent's latest result. */
  totals: ScaleTotals[];
}

/** Which results to read; every field narrows, dates are inclusive YYYY-MM-DD. */
export interface ResultQuery {
  respondentId?: string;
  centreId?: string;
  instrumentId?: string;
  from?: string;
  to?: string;
}

/**
 * Where submitted results are kept. A result is immutable evidence: saving one again under
 * the same id (a double-clicked submit, a retried turn) keeps the first and says so.
 */
export interface ResultStore {
  save(result: AssessmentResult): Promise<'stored' | 'duplicate'>;
  /**
   * Stores many results at once (an import), each unless one with its id is there: how many
   * were stored and how many were there already.
   */
  saveMany(results: readonly AssessmentResult[]): Promise<{ stored: number; duplicate: number }>;
  /** Matching results, oldest first. */
  query(query?: ResultQuery): Promise<AssessmentResult[]>;
  /** Deletes a member's results (their "delete my data"); returns how many. */
  deleteByRespondent(respondentId: string): Promise<number>;
  /**
   * Moves every result of one centre id to another: an "unlisted centre" typed by members
   * (`named:…`) mapped to the registry centre it is. Returns how many moved.
   */
  relabelCentre(from: string, to: string): Promise<number>;
  /**
   * One instrument's figures, summed where the results are (see `InstrumentFigures`): what a
   * network summary needs, read in O(centres × scales), never O(results).
   */
  figures(instrumentId: string): Promise<InstrumentFigures>;
  /** The newest results, `limit` at a time, older than `before` when given. */
  page(limit: number, before?: PageCursor): Promise<ResultPage>;
  /**
   * Matching results oldest first, `limit` at a time, after `after` when given: read page by
   * page, an export of any size holds one page in memory.
   */
  scan(query: ResultQuery, limit: number, after?: PageCursor): Promise<AssessmentResult[]>;
  close(): Promise<void>;
}

const newestFirst = (a: AssessmentResult, b: AssessmentResult) =>
  b.submittedAt.localeCompare(a.submittedAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

const olderThan = (r: PageCursor, c: PageCursor) =>
  r.submittedAt < c.submittedAt || (r.submittedAt === c.submittedAt && r.id < c.id);

const matches = (r: AssessmentResult, q: ResultQuery) =>
  (q.respondentId === undefined || r.respondentId === q.respondentId) &&
  (q.centreId === undefined || r.centreId === q.centreId) &&
  (q.instrumentId === undefined || r.instrumentId === q.instrumentId) &&
  (q.from === undefined || r.submittedAt >= q.from) &&
  (q.to === undefined || r.submittedAt <= q.to);

const oldestFirst = (a: AssessmentResult, b: AssessmentResult) =>
  a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id);

/** Results in memory: for tests and throwaway runs; gone when the process stops. */
export class MemoryResultStore implements ResultStore {
  private readonly results = new Map<string, AssessmentResult>();

  async save(result: AssessmentResult) {
    if (this.results.has(result.id)) return 'duplicate' as const;
    this.results.set(result.id, structuredClone(result));
    return 'stored' as const;
  }
  async saveMany(results: readonly AssessmentResult[]) {
    let stored = 0;
    for (const r of results) if ((await this.save(r)) === 'stored') stored++;
    return { stored, duplicate: results.length - stored };
  }
  async query(query: ResultQuery = {}) {
    return [...this.results.values()]
      .filter((r) => matches(r, query))
      .sort(oldestFirst)
      .map((r) => structuredClone(r));
  }
  async deleteByRespondent(respondentId: string) {
    let count = 0;
    for (const [id, r] of this.results)
      if (r.respondentId === respondentId && this.results.delete(id)) count++;
    return count;
  }
  async relabelCentre(from: string, to: string) {
    let count = 0;
    for (const r of this.results.values())
      if (r.centreId === from) {
        r.centreId = to;
        count++;
      }
    return count;
  }
  async figures(instrumentId: string) {
    const own = [...this.results.values()].filter((r) => r.instrumentId === instrumentId);
    const perCentre: Record<string, number> = {};
    for (const r of own) perCentre[r.centreId] = (perCentre[r.centreId] ?? 0) + 1;
    return { results: own.length, perCentre, ...scaleTotals(own) };
  }
  async scan(query: ResultQuery, limit: number, after?: PageCursor) {
    return [...this.results.values()]
      .filter((r) => matches(r, query) && (!after || olderThan(after, r)))
      .sort(oldestFirst)
      .slice(0, limit)
      .map((r) => structuredClone(r));
  }
  async page(limit: number, before?: PageCursor) {
    const all = [...this.results.values()];
    const results = all
      .filter((r) => !before || olderThan(r, before))
      .sort(newestFirst)
      .slice(0, limit)
      .map((r) => structuredClone(r));
    return { results, total: all.length };
  }
  async close() {}
}

/** A query's where clause and its parameters; `after`: past that (submitted_at, id). */
function conditions(query: ResultQuery, after?: PageCursor) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    let clause = sql;
    for (const value of values) {
      params.push(value);
      clause = clause.replace('?', `$${params.length}`);
    }
    where.push(clause);
  };
  if (query.respondentId !== undefined) add('respondent_id = ?', query.respondentId);
  if (query.centreId !== undefined) add('centre_id = ?', query.centreId);
  if (query.instrumentId !== undefined) add('instrument_id = ?', query.instrumentId);
  if (query.from !== undefined) add('submitted_at >= ?::date', query.from);
  if (query.to !== undefined) add('submitted_at <= ?::date', query.to);
  if (after) add('(submitted_at, id) > (?::date, ?::text)', after.submittedAt, after.id);
  return { where: where.length ? `where ${where.join(' and ')}` : '', params };
}

/** Results in the SQL database (embedded or PostgreSQL). */
export class SqlResultStore implements ResultStore {
  constructor(
    private readonly db: Database,
    /** Told about stored rows that no longer read as results; they are left out, not fatal. */
    private readonly onUnreadable: (id: string) => void = () => {},
  ) {}

  save(result: AssessmentResult) {
    return insertResult(this.db, result);
  }

  async saveMany(results: readonly AssessmentResult[]) {
    if (!results.length) return { stored: 0, duplicate: 0 };
    // One statement for the results, whatever the batch's size, then their index.
    const batch = JSON.stringify(results);
    const stored = await this.db.transaction(async (tx) => {
      const rows = await tx.query<{ id: string }>(
        `insert into assessment_results
           (id, instrument_id, instrument_version, centre_id, respondent_id, started_at, submitted_at, doc)
         select r->>'id', r->>'instrumentId', r->>'instrumentVersion', r->>'centreId',
                r->>'respondentId', (r->>'startedAt')::date, (r->>'submittedAt')::date, r
         from jsonb_array_elements($1::jsonb) as input(r)
         on conflict (id) do nothing returning id`,
        [batch],
      );
      if (rows.length)
        await indexResults(
          tx,
          rows.map((r) => r.id),
        );
      return rows.length;
    });
    return { stored, duplicate: results.length - stored };
  }

  async query(query: ResultQuery = {}) {
    const { where, params } = conditions(query);
    return this.read(
      `select id, doc from assessment_results ${where} order by submitted_at, id`,
      params,
    );
  }

  async scan(query: ResultQuery, limit: number, after?: PageCursor) {
    const { where, params } = conditions(query, after);
    return this.read(
      `select id, doc from assessment_results ${where} order by submitted_at, id limit $${params.length + 1}`,
      [...params, limit],
    );
  }

  private async read(sql: string, params: unknown[]) {
    return this.parsed(await this.db.query<{ id: string; doc: unknown }>(sql, params));
  }

  /** Rows as results; a row that no longer reads as one is left out and reported. */
  private parsed(rows: readonly { id: string; doc: unknown }[]) {
    const results: AssessmentResult[] = [];
    for (const row of rows) {
      const parsed = AssessmentResultSchema.safeParse(row.doc);
      if (parsed.success) results.push(parsed.data);
      else this.onUnreadable(row.id);
    }
    return results;
  }

  async deleteByRespondent(respondentId: string) {
    const rows = await this.db.query(
      'delete from assessment_results where respondent_id = $1 returning id',
      [respondentId],
    );
    return rows.length;
  }

  async relabelCentre(from: string, to: string) {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query(
        `update assessment_results set centre_id = $2, doc = jsonb_set(doc, '{centreId}', to_jsonb($2::text))
         where centre_id = $1 returning id`,
        [from, to],
      );
      // Both centres' latest results are chosen again from what they now hold.
      await tx.query('delete from latest_results where centre_id = any($1::text[])', [[from, to]]);
      await tx.query(latestOf('centre_id = $1'), [to]);
      return rows.length;
    });
  }

  async figures(instrumentId: string): Promise<InstrumentFigures> {
    // Over each respondent's latest result at each centre (latest_results, kept as core's
    // latestResults chooses); a centre without scores still counts as a centre.
    const rows = await this.db.query<{
      centre_id: string;
      scale_id: string | null;
      n: number;
      total: number | null;
      squares: number | null;
    }>(
      `select l.centre_id, s.scale_id, count(s.value)::int as n,
              sum(s.value) as total, sum(s.value * s.value) as squares
       from latest_results l left join result_scores s on s.result_id = l.result_id
       where l.instrument_id = $1
       group by l.centre_id, s.scale_id`,
      [instrumentId],
    );
    const counts = await this.db.query<{ centre_id: string; n: number }>(
      'select centre_id, count(*)::int as n from assessment_results where instrument_id = $1 group by centre_id',
      [instrumentId],
    );
    const perCentre = Object.fromEntries(counts.map((c) => [c.centre_id, c.n]));
    const centres = [...new Set(rows.map((r) => r.centre_id))].sort((a, b) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    const totals = rows
      .filter((r) => r.scale_id !== null && r.n > 0)
      .map((r) => ({
        centreId: r.centre_id,
        scaleId: r.scale_id as string,
        n: r.n,
        sum: Number(r.total),
        sumOfSquares: Number(r.squares),
      }));
    const results = counts.reduce((sum, c) => sum + c.n, 0);
    return { results, perCentre, centres, totals };
  }

  async page(limit: number, before?: PageCursor): Promise<ResultPage> {
    // Keyset paging over (submitted_at, id): each page costs the same however far back.
    const rows = await this.db.query<{ id: string; doc: unknown }>(
      `select id, doc from assessment_results
       where $1::date is null or (submitted_at, id) < ($1::date, $2::text)
       order by submitted_at desc, id desc limit $3`,
      [before?.submittedAt ?? null, before?.id ?? '', limit],
    );
    const [count] = await this.db.query<{ n: number }>(
      'select count(*)::int as n from assessment_results',
    );
    return { results: await this.parsed(rows), total: count?.n ?? 0 };
  }

  async close() {}
}
