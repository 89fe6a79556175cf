import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AssessmentResult } from '@resonet/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/storage/database';
import { openEmbedded } from '../src/storage/embedded';
import {
  isETagConflict,
  type MemberStore,
  MemoryMemberStore,
  SqlMemberStore,
} from '../src/storage/members';
import { MIGRATIONS, migrate } from '../src/storage/migrations';
import { openPostgres } from '../src/storage/postgres';
import { MemoryResultStore, type ResultStore, SqlResultStore } from '../src/storage/results';
import { freshDataDir, freshPostgres, postgresSkipReason } from './support/databases';

interface Subject {
  members: MemberStore;
  results: ResultStore;
  /** Writes a raw result row that does not read as a result (SQL stores only). */
  corrupt?: (id: string) => Promise<void>;
  unreadable: string[];
  db?: Database;
  close: () => Promise<void>;
}

const result = (id: string, fields: Partial<AssessmentResult> = {}): AssessmentResult => ({
  id,
  instrumentId: 'centre-training-needs',
  instrumentVersion: '1.0.0',
  centreId: 'example-centre-a',
  respondentId: 'example-member-1',
  startedAt: '2026-01-10',
  submittedAt: '2026-01-12',
  answers: { 'q-1': 3, 'q-2': ['a', 'b'], 'q-3': true, 'q-4': "Ví dụ “quoted” 'text'" },
  scores: [],
  example: true,
  ...fields,
});

const KEYS = [
  'plain',
  'msteams/users/29:1a-b_c',
  'quote \' and " double',
  "'; drop table bot_state; --",
  'tiếng Việt đ 😀',
  `long-${'x'.repeat(1000)}`,
  'back\\slash and %percent and _underscore',
];

function contract(name: string, open: () => Promise<Subject>) {
  describe(`${name} store contract`, () => {
    let s: Subject;
    beforeAll(async () => {
      s = await open();
    }, 60_000);
    afterAll(async () => s?.close());

    it('reads nothing for a member and a conversation that have no state', async () => {
      expect(await s.members.readTurn('nobody', 'no-conversation')).toEqual({});
      expect(await s.members.read('nobody')).toBeUndefined();
    });

    it('keeps keys with any characters apart and values intact, the member’s and the conversation’s', async () => {
      const value = {
        text: 'Xin chào “bạn” ? no: \u2028 line',
        nested: { list: [1, 'two', null] },
      };
      for (const [i, k] of KEYS.entries())
        await s.members.commit(`member ${k}`, undefined, {
          member: { ...value, i },
          conversation: { key: `conversation ${k}`, state: { welcomed: true, i } },
        });
      for (const [i, k] of KEYS.entries()) {
        const read = await s.members.readTurn(`member ${k}`, `conversation ${k}`);
        expect(read.member?.member).toEqual({ ...value, i });
        expect(typeof read.member?.eTag).toBe('string');
        expect(read.conversation).toEqual({ welcomed: true, i });
      }
    });

    it('writes the conversation’s state in the member’s commit, and not when that commit loses', async () => {
      await s.members.commit('m-c', undefined, {
        member: { step: 'idle' },
        conversation: { key: 'c-1', state: { welcomed: true } },
      });
      const first = await s.members.readTurn('m-c', 'c-1');
      expect(first.conversation).toEqual({ welcomed: true });
      // A member's commit without a conversation change leaves the conversation as it was.
      await s.members.commit('m-c', first.member?.eTag, { member: { step: 'idle', n: 2 } });
      const second = await s.members.readTurn('m-c', 'c-1');
      expect(second.conversation).toEqual({ welcomed: true });
      // A commit with a stale eTag writes neither the member nor the conversation.
      const lost = await s.members
        .commit('m-c', first.member?.eTag, {
          member: { step: 'idle', n: 3 },
          conversation: { key: 'c-1', state: { welcomed: false } },
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(isETagConflict(lost)).toBe(true);
      const after = await s.members.readTurn('m-c', 'c-1');
      expect(after.member?.member).toEqual({ step: 'idle', n: 2 });
      expect(after.conversation).toEqual({ welcomed: true });
    });

    it('lets exactly one of two racing commits with the same eTag win', async () => {
      await s.members.commit('m-race', undefined, { member: { v: 0 } });
      const eTag = (await s.members.read('m-race'))?.eTag;
      const outcomes = await Promise.allSettled([
        s.members.commit('m-race', eTag, { member: { v: 1 } }),
        s.members.commit('m-race', eTag, { member: { v: 2 } }),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(isETagConflict(rejected.reason)).toBe(true);
      const won = outcomes.findIndex((o) => o.status === 'fulfilled') + 1;
      expect((await s.members.read('m-race'))?.member).toEqual({ v: won });
    });

    it('stores a result once, however often it is saved', async () => {
      expect(await s.results.save(result('r-1'))).toBe('stored');
      expect(await s.results.save(result('r-1', { answers: { changed: 1 } }))).toBe('duplicate');
      const [stored] = await s.results.query({ respondentId: 'example-member-1' });
      expect(stored?.answers).toEqual(result('r-1').answers);
    });

    it('queries by respondent, centre, instrument and date range, oldest first', async () => {
      await s.results.save(
        result('r-2', { submittedAt: '2026-02-01', centreId: 'example-centre-b' }),
      );
      await s.results.save(
        result('r-3', {
          submittedAt: '2026-03-01',
          respondentId: 'example-member-2',
          instrumentId: 'service-quality-self-assessment',
        }),
      );
      const ids = async (q: Parameters<ResultStore['query']>[0]) =>
        (await s.results.query(q)).map((r) => r.id);
      expect(await ids({})).toEqual(['r-1', 'r-2', 'r-3']);
      expect(await ids({ respondentId: 'example-member-2' })).toEqual(['r-3']);
      expect(await ids({ centreId: 'example-centre-b' })).toEqual(['r-2']);
      expect(await ids({ instrumentId: 'centre-training-needs' })).toEqual(['r-1', 'r-2']);
      expect(await ids({ from: '2026-02-01', to: '2026-03-01' })).toEqual(['r-2', 'r-3']);
      expect(await ids({ to: '2026-01-31' })).toEqual(['r-1']);
      expect(await ids({ respondentId: "x' or '1'='1" })).toEqual([]);
    });

    it('moves an unlisted centre’s results to the registry centre it is, and no others', async () => {
      await s.results.save(
        result('r-typed-1', {
          centreId: 'named:Example Typed Centre',
          respondentId: 'example-member-8',
        }),
      );
      await s.results.save(
        result('r-typed-2', {
          centreId: 'named:Example Typed Centre',
          respondentId: 'example-member-9',
        }),
      );
      await s.results.save(
        result('r-typed-3', {
          centreId: 'named:Another Example',
          respondentId: 'example-member-8',
        }),
      );
      expect(
        await s.results.relabelCentre('named:Example Typed Centre', 'example-registry-centre'),
      ).toBe(2);
      const moved = await s.results.query({ centreId: 'example-registry-centre' });
      expect(moved.map((r) => [r.id, r.centreId])).toEqual([
        ['r-typed-1', 'example-registry-centre'],
        ['r-typed-2', 'example-registry-centre'],
      ]);
      expect(
        (await s.results.query({ centreId: 'named:Another Example' })).map((r) => r.id),
      ).toEqual(['r-typed-3']);
      // Gone again, so the tests after this one see the store as before.
      await s.results.deleteByRespondent('example-member-8');
      await s.results.deleteByRespondent('example-member-9');
    });

    it('deletes one member’s results only', async () => {
      expect(await s.results.deleteByRespondent('example-member-2')).toBe(1);
      expect(await s.results.deleteByRespondent('example-member-2')).toBe(0);
      expect((await s.results.query({})).map((r) => r.id)).toEqual(['r-1', 'r-2']);
    });

    const conflict = (work: Promise<unknown>) =>
      work.then(
        () => false,
        (e: unknown) => isETagConflict(e),
      );

    it('writes a member’s state only while its eTag is current', async () => {
      expect(await s.members.read('m-1')).toBeUndefined();
      await s.members.commit('m-1', undefined, { member: { step: 'idle', n: 1 } });
      const first = await s.members.read('m-1');
      expect(first?.member).toEqual({ step: 'idle', n: 1 });
      // The key exists now: a writer that saw none has lost.
      expect(await conflict(s.members.commit('m-1', undefined, { member: { n: 9 } }))).toBe(true);
      await s.members.commit('m-1', first?.eTag, { member: { n: 2 } });
      expect(await conflict(s.members.commit('m-1', first?.eTag, { member: { n: 3 } }))).toBe(true);
      expect((await s.members.read('m-1'))?.member).toEqual({ n: 2 });
    });

    it('stores a submitted result with the state that won, and none with the state that lost', async () => {
      await s.members.commit('m-2', undefined, { member: { step: 'answering' } });
      const eTag = (await s.members.read('m-2'))?.eTag;
      const outcomes = await Promise.allSettled([
        s.members.commit('m-2', eTag, {
          member: { step: 'idle' },
          submitted: result('r-race-submit', { respondentId: 'example-member-race' }),
        }),
        s.members.commit('m-2', eTag, { member: { step: 'answering', back: true } }),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const stored = await s.results.query({ respondentId: 'example-member-race' });
      const member = (await s.members.read('m-2'))?.member as { step: string };
      // Either the submit won (its result is there, the session closed) or Back did (no result).
      expect(member.step === 'idle' ? 1 : 0).toBe(stored.length);
      const stale = await conflict(
        s.members.commit('m-2', eTag, {
          member: { step: 'idle' },
          submitted: result('r-stale-submit', { respondentId: 'example-member-race' }),
        }),
      );
      expect(stale).toBe(true);
      expect((await s.results.query({})).map((r) => r.id)).not.toContain('r-stale-submit');
    });

    it('forgets a member’s state and results together', async () => {
      await s.members.commit('m-3', undefined, {
        member: { step: 'idle' },
        submitted: result('r-forget', { respondentId: 'example-member-forget' }),
      });
      const eTag = (await s.members.read('m-3'))?.eTag;
      expect(await s.results.query({ respondentId: 'example-member-forget' })).toHaveLength(1);
      await s.members.commit('m-3', eTag, { forget: { respondentId: 'example-member-forget' } });
      expect(await s.members.read('m-3')).toBeUndefined();
      expect(await s.results.query({ respondentId: 'example-member-forget' })).toEqual([]);
      await s.results.deleteByRespondent('example-member-race');
    });

    // Only the SQL stores can hold a damaged row or run migrations.
    if (name !== 'memory') {
      it('leaves out a stored result that no longer reads, and says so', async () => {
        await s.corrupt?.('r-corrupt');
        const ids = (await s.results.query({})).map((r) => r.id);
        expect(ids).not.toContain('r-corrupt');
        expect(ids).toContain('r-1');
        expect(s.unreadable).toEqual(['r-corrupt']);
      });

      it('migrates idempotently', async () => {
        expect(await migrate(s.db as Database)).toEqual([]);
      });
    }
  });
}

function sqlSubject(db: Database, close: () => Promise<void>): Subject {
  const unreadable: string[] = [];
  return {
    db,
    members: new SqlMemberStore(db),
    results: new SqlResultStore(db, (id) => unreadable.push(id)),
    unreadable,
    corrupt: async (id) => {
      await db.query(
        `insert into assessment_results (id, instrument_id, instrument_version, centre_id, respondent_id, started_at, submitted_at, doc)
         values ($1, 'x', '1', 'c', 'example-member-9', '2026-01-01', '2026-01-01', '{"not":"a result"}')`,
        [id],
      );
    },
    close,
  };
}

contract('memory', async () => {
  const results = new MemoryResultStore();
  return {
    members: new MemoryMemberStore(results),
    results,
    unreadable: [],
    close: async () => {},
  };
});

contract('embedded', async () => {
  const data = freshDataDir();
  const db = await openEmbedded(data.dir);
  await migrate(db);
  return sqlSubject(db, async () => {
    await db.close();
    data.remove();
  });
});

describe.skipIf(Boolean(postgresSkipReason))('PostgreSQL', () => {
  contract('postgres', async () => {
    const fresh = await freshPostgres();
    const db = await openPostgres(fresh.url);
    await migrate(db);
    return sqlSubject(db, async () => {
      await db.close();
      await fresh.drop();
    });
  });

  it('migrates safely when several instances start at once', async () => {
    const fresh = await freshPostgres();
    const dbs = await Promise.all([1, 2, 3].map(() => openPostgres(fresh.url, { max: 2 })));
    const applied = await Promise.all(dbs.map((db) => migrate(db)));
    // Each step ran exactly once, on one of the three.
    expect(applied.flat().sort()).toEqual(MIGRATIONS.map((m) => m.version));
    expect(applied.filter((steps) => steps.length).length).toBe(1);
    await Promise.all(dbs.map((db) => db.close()));
    await fresh.drop();
  });

  it('fails with a clear message when the server cannot be reached', async () => {
    const error = await openPostgres('postgres://nobody@127.0.0.1:1/none').then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(
      /Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/none: ECONNREFUSED/,
    );
  });
});

describe('embedded database', () => {
  it('refuses a data directory another live process holds, and takes over a dead one’s', async () => {
    const data = freshDataDir();
    const db = await openEmbedded(data.dir);
    const error = await openEmbedded(data.dir).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toContain('already open in this process');
    await db.close();
    // A lock left by a process that is gone (killed) is taken over.
    writeFileSync(join(data.dir, 'resonet.lock'), '999999999');
    const again = await openEmbedded(data.dir);
    await again.close();
    // A lock held by a live process (here: this test's parent) is respected.
    writeFileSync(join(data.dir, 'resonet.lock'), String(process.ppid));
    const refused = await openEmbedded(data.dir).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(refused?.message).toContain(`in use by another resonet process (pid ${process.ppid})`);
    data.remove();
  }, 60_000);
});
