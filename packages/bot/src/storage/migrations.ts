import type { Database } from './database';

// The one schema, as numbered steps. A step is never edited once released: changes are
// new steps. Each runs once, in order, in the same transaction as its bookkeeping row.
export const MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      create table bot_state (
        key text primary key,
        doc jsonb not null,
        etag text not null,
        updated_at timestamptz not null default now()
      );
      create table assessment_results (
        id text primary key,
        instrument_id text not null,
        instrument_version text not null,
        centre_id text not null,
        respondent_id text not null,
        started_at date not null,
        submitted_at date not null,
        doc jsonb not null,
        stored_at timestamptz not null default now()
      );
      create index assessment_results_respondent on assessment_results (respondent_id);
      create index assessment_results_centre on assessment_results (centre_id, submitted_at);
      create index assessment_results_instrument on assessment_results (instrument_id, submitted_at);
    `,
  },
  {
    // Questions the knowledge base could not answer: no user, conversation or channel id.
    version: 2,
    sql: `
      create table unanswered_questions (
        id bigserial primary key,
        asked_at timestamptz not null,
        lang text not null,
        outcome text not null,
        nearest_entry text,
        question text not null
      );
      create index unanswered_questions_asked_at on unanswered_questions (asked_at);
    `,
  },
  {
    // The centre registry of each network served: seeded from its pack, added to by imports.
    version: 3,
    sql: `
      create table centres (
        network_id text not null,
        id text not null,
        doc jsonb not null,
        origin text not null,
        updated_at timestamptz not null default now(),
        primary key (network_id, id)
      );
    `,
  },
  {
    // Members' roles in each network, and the invites that give them (codes stored hashed).
    version: 4,
    sql: `
      create table memberships (
        network_id text not null,
        user_id text not null,
        role text not null,
        centre_id text,
        granted_by text not null,
        granted_at timestamptz not null,
        primary key (network_id, user_id)
      );
      create table invites (
        code_hash text primary key,
        network_id text not null,
        centre_id text,
        role text not null,
        created_by text not null,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        used_by text,
        used_at timestamptz
      );
    `,
  },
  {
    // A member's request to move to another centre, until a coordinator approves it.
    version: 5,
    sql: `
      alter table memberships add column requested_centre_id text;
      alter table memberships add column requested_at timestamptz;
    `,
  },
  {
    // Each result's scale scores in rows, so a network's figures are summed by the database
    // per centre and scale instead of reading every result; filled for the results stored.
    version: 6,
    sql: `
      create table result_scores (
        result_id text not null references assessment_results (id) on delete cascade,
        scale_id text not null,
        value double precision not null,
        primary key (result_id, scale_id)
      );
      insert into result_scores (result_id, scale_id, value)
        select r.id, s.value->>'scaleId', (s.value->>'value')::double precision
        from assessment_results r, jsonb_array_elements(r.doc->'scores') s
        where jsonb_typeof(s.value->'value') = 'number'
        on conflict do nothing;
      -- Each respondent's latest result per instrument and centre (on one day, the greater
      -- id), kept as results arrive: a summary reads one row per respondent, not per result.
      create table latest_results (
        instrument_id text not null,
        centre_id text not null,
        respondent_id text not null,
        result_id text not null references assessment_results (id) on delete cascade,
        submitted_at date not null,
        primary key (instrument_id, centre_id, respondent_id)
      );
      insert into latest_results (instrument_id, centre_id, respondent_id, result_id, submitted_at)
        select distinct on (instrument_id, centre_id, respondent_id)
               instrument_id, centre_id, respondent_id, id, submitted_at
        from assessment_results
        order by instrument_id, centre_id, respondent_id, submitted_at desc, id desc;
      create index latest_results_result on latest_results (result_id);
      create index assessment_results_instrument_centre on assessment_results (instrument_id, centre_id);
      create index assessment_results_newest on assessment_results (submitted_at desc, id desc);
    `,
  },
];

// Any fixed number: every instance takes the same lock, so migrations run one at a time.
const LOCK_ID = 7_340_223;

/**
 * Brings the schema up to date. Safe when several instances start at once: they queue on an
 * advisory lock and each skips the steps already applied.
 */
export async function migrate(db: Database): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [LOCK_ID]);
    await tx.query(
      'create table if not exists resonet_migrations (version integer primary key, applied_at timestamptz not null default now())',
    );
    const done = new Set(
      (await tx.query<{ version: number }>('select version from resonet_migrations')).map(
        (r) => r.version,
      ),
    );
    const applied: number[] = [];
    for (const step of MIGRATIONS) {
      if (done.has(step.version)) continue;
      await tx.exec(step.sql);
      await tx.query('insert into resonet_migrations (version) values ($1)', [step.version]);
      applied.push(step.version);
    }
    return applied;
  });
}
