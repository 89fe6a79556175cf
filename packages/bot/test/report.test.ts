// `resonet report summary`: the coordinator's network summary from the command line, from
// the figures the database sums, equal to core's definition over the same results.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import {
  type AnswerValue,
  type AssessmentResult,
  type Item,
  instrumentItems,
  type NetworkSummary,
  resultsToCsv,
  scoreAnswers,
  summarizeResults,
} from '@resonet/core';
import { centreTrainingNeeds } from '@resonet/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamResults } from '../src/cli/results';
import { openEmbedded } from '../src/storage/embedded';
import { migrate } from '../src/storage/migrations';
import { SqlResultStore } from '../src/storage/results';
import { freshDataDir } from './support/databases';
import { assertBuilt, runCli } from './support/processes';

const instrument = centreTrainingNeeds;
const CENTRES = [
  'example-highlands-north',
  'example-highlands-valley',
  'example-highlands-east',
  'named:Example Typed Centre',
];
const COUNTRY: Record<string, string> = {
  'example-highlands-north': 'VN',
  'example-highlands-valley': 'VN',
  'example-highlands-east': 'LA',
};

/** Four staff at each centre, some twice; quarters, so every sum is exact. */
function exampleResults(): AssessmentResult[] {
  const out: AssessmentResult[] = [];
  CENTRES.forEach((centreId, c) => {
    for (let staff = 0; staff < 4 + c; staff++)
      for (const day of staff % 2 ? ['2026-02-01', '2026-06-01'] : ['2026-06-01'])
        out.push({
          id: `example-report-${c}-${staff}-${day}`,
          instrumentId: instrument.id,
          instrumentVersion: instrument.version,
          centreId,
          respondentId: `example-staff-${c}-${staff}`,
          startedAt: day,
          submittedAt: day,
          answers: {},
          scores: instrument.scales.map((scale, s) => ({
            scaleId: scale.id,
            status: 'scored',
            value: 10 + ((c * 7 + staff * 3 + s * 5 + day.length) % 30) + 0.25 * (staff % 4),
            answered: 1,
            minAnswered: 1,
            min: 10,
            max: 50,
            direction: scale.direction,
            needLevel: null,
            gap: null,
          })),
          example: true,
        });
  });
  return out;
}

describe('results streamed out a page at a time', () => {
  it('writes the same CSV and JSONL as one piece would, however small the pages', async () => {
    const data = freshDataDir();
    const db = await openEmbedded(data.dir);
    try {
      await migrate(db);
      const store = new SqlResultStore(db);
      const results = exampleResults();
      for (const r of [...results].reverse()) await store.save(r);
      const oldest = [...results].sort(
        (a, b) => a.submittedAt.localeCompare(b.submittedAt) || (a.id < b.id ? -1 : 1),
      );
      const collect = async (format: 'csv' | 'jsonl', pageSize: number) => {
        let text = '';
        const out = new Writable({
          write(chunk, _encoding, done) {
            text += chunk;
            done();
          },
        });
        const count = await streamResults(store, {}, out, format, { bom: true }, pageSize);
        return { text, count };
      };
      const csv = await collect('csv', 7);
      expect(csv.count).toBe(results.length);
      expect(csv.text).toBe(resultsToCsv(oldest, { bom: true }));
      const jsonl = await collect('jsonl', 5);
      expect(
        jsonl.text
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l)),
      ).toEqual(oldest);
      const filtered = await store.scan({ from: '2026-06-01' }, 100);
      expect(filtered.every((r) => r.submittedAt === '2026-06-01')).toBe(true);
    } finally {
      await db.close();
      data.remove();
    }
  }, 60_000);
});

describe('resonet report summary', () => {
  const root = mkdtempSync(join(tmpdir(), 'resonet-report-'));
  const pack = join(root, 'pack');
  const env = { RESONET_STORAGE: 'embedded', RESONET_DATA_DIR: join(root, 'data') };
  const results = exampleResults();
  beforeAll(async () => {
    assertBuilt();
    const example = fileURLToPath(new URL('../../../examples/highlands-network', import.meta.url));
    cpSync(example, pack, { recursive: true });
    writeFileSync(join(pack, 'instruments', 'training.json'), JSON.stringify(instrument));
    const db = await openEmbedded(env.RESONET_DATA_DIR);
    await migrate(db);
    const store = new SqlResultStore(db);
    for (const r of results) await store.save(r);
    await db.close();
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const report = (...args: string[]) =>
    runCli(['report', 'summary', '--instrument', instrument.id, '--pack', pack, ...args], env);

  it('gives the figures core computes from every result, per country too, in JSON', () => {
    const run = report('--by', 'country', '--json');
    expect(run.status, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as {
      summary: NetworkSummary;
      groups: (NetworkSummary & { key: string; name: string })[];
    };
    expect(json.summary).toEqual(summarizeResults(instrument, results));
    expect(json.summary.results).toBe(results.length);
    const inCountry = (key: string) =>
      results.filter((r) => (COUNTRY[r.centreId] ?? 'unknown') === key);
    expect(json.groups.map((g) => g.key)).toEqual(['LA', 'unknown', 'VN']);
    for (const group of json.groups) {
      const { key, name, ...summary } = group;
      expect(summary, key).toEqual(summarizeResults(instrument, inCountry(key)));
      expect(name).toBeTruthy();
    }
  }, 60_000);

  it('prints the coordinator’s card as text, one per region, in both languages', () => {
    const en = report('--by', 'region');
    expect(en.status, en.stderr).toBe(0);
    expect(en.stdout).toContain(`Network summary: ${instrument.title.en}`);
    expect(en.stdout).toContain(`${results.length} results from 4 centres`);
    expect(en.stdout).toContain('Example Highlands Centre North');
    expect(en.stdout).toContain(`${instrument.title.en} · Asia`);
    expect(en.stdout).toContain('centres not in the registry');
    const vi = report('--lang', 'vi');
    expect(vi.stdout).toContain(`Tổng hợp mạng lưới: ${instrument.title.vi}`);
  }, 60_000);

  it('exports the results from the command line, as JSONL or CSV, to stdout or a file', () => {
    const jsonl = runCli(['results', 'export', '--format', 'jsonl', '--pack', pack], env);
    expect(jsonl.status, jsonl.stderr).toBe(0);
    expect(jsonl.stdout.trimEnd().split('\n')).toHaveLength(results.length);
    expect(jsonl.stderr).toContain(`Exported ${results.length} results to stdout.`);
    const file = join(root, 'results.csv');
    const csv = runCli(
      ['results', 'export', '--instrument', instrument.id, '--out', file, '--bom', '--pack', pack],
      env,
    );
    expect(csv.status, csv.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^\uFEFFrecord_type,result_id/);
    expect(runCli(['results', 'export', '--out', file, '--pack', pack], env)).toMatchObject({
      status: 1,
    });
    expect(runCli(['results', 'export', '--format', 'xml'], env).status).toBe(2);
    expect(runCli(['results', 'export', '--to', 'soon'], env).stderr).toContain('YYYY-MM-DD');
  }, 60_000);

  it('imports results from JSONL: stored once by id, every refused line named', () => {
    const exported = runCli(['results', 'export', '--format', 'jsonl', '--pack', pack], env);
    const file = join(root, 'import.jsonl');
    const lines = exported.stdout.trimEnd().split('\n');
    writeFileSync(
      file,
      [
        ...lines.slice(0, 10),
        '{not json',
        JSON.stringify({ id: 'example-incomplete' }),
        '',
        JSON.stringify({ ...JSON.parse(lines[0] ?? '{}'), id: 'example-x', instrumentId: 'nope' }),
      ].join('\n'),
    );
    const into = { ...env, RESONET_DATA_DIR: join(root, 'imported') };
    const first = runCli(['results', 'import', file, '--pack', pack], into);
    expect(first.status).toBe(1);
    expect(first.stdout).toContain('10 stored, 0 already there, 3 refused.');
    expect(first.stderr).toContain('line 11: not a JSON object');
    expect(first.stderr).toContain('line 12 instrumentId: This field is required and is missing');
    expect(first.stderr).toContain('line 14: no instrument "nope" is served');
    const again = runCli(['results', 'import', file, '--pack', pack, '--lang', 'vi'], into);
    expect(again.stdout).toContain('lưu 0, đã có sẵn 10, từ chối 3.');
    const all = runCli(['results', 'export', '--format', 'jsonl', '--pack', pack], into);
    expect(
      all.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual(lines.slice(0, 10).map((l) => JSON.parse(l).id));
    expect(runCli(['results', 'import', join(root, 'none.jsonl')], into).status).toBe(1);
  }, 60_000);

  it('imports the CSV export format back: the same answers, the scores computed again', () => {
    // Answered as a member would, so that the scores follow from the answers.
    const value = (item: Item, n: number): AnswerValue => {
      if (item.type === 'likert') return 1 + (n % 5);
      if (item.type === 'yes-no') return n % 2 === 0;
      if (item.type === 'single') return item.options[n % item.options.length]?.value ?? '';
      if (item.type === 'multiple') return [item.options[0]?.value ?? ''];
      if (item.type === 'number') return item.min ?? 1;
      if (item.type === 'date') return '2026-01-15';
      return `Example, "quoted" | ${n}`;
    };
    const answered = [0, 1, 2].map((n): AssessmentResult => {
      const answers = Object.fromEntries(
        instrumentItems(instrument).map(({ item }, i) => [item.id, value(item, n + i)]),
      );
      return {
        id: `example-csv-${n}`,
        instrumentId: instrument.id,
        instrumentVersion: instrument.version,
        centreId: n === 2 ? 'named:Example Typed Centre' : 'example-highlands-north',
        respondentId: `example-csv-staff-${n}`,
        startedAt: '2026-07-01',
        submittedAt: '2026-07-01',
        answers,
        scores: scoreAnswers(instrument, answers),
      };
    });
    const source = join(root, 'answered.jsonl');
    writeFileSync(source, answered.map((r) => JSON.stringify(r)).join('\n'));
    const from = { ...env, RESONET_DATA_DIR: join(root, 'answered') };
    expect(runCli(['results', 'import', source, '--pack', pack], from).status).toBe(0);
    const csv = join(root, 'answered.csv');
    expect(runCli(['results', 'export', '--out', csv, '--pack', pack], from).status).toBe(0);
    const into = { ...env, RESONET_DATA_DIR: join(root, 'from-csv') };
    const imported = runCli(['results', 'import', csv, '--pack', pack], into);
    expect(imported.stdout, imported.stderr).toContain('3 stored, 0 already there, 0 refused.');
    const back = runCli(['results', 'export', '--format', 'jsonl', '--pack', pack], into);
    expect(
      back.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual(answered);
    // A cell that is not an answer to its question is named by its line.
    const broken = join(root, 'broken.csv');
    writeFileSync(broken, readFileSync(csv, 'utf8').replace(/,true,/, ',maybe,'));
    const refused = runCli(['results', 'import', broken, '--pack', pack], {
      ...env,
      RESONET_DATA_DIR: join(root, 'broken'),
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/line \d+ [a-z-]+: Answer yes or no\./);
  }, 60_000);

  it('explains its arguments, and refuses an unknown instrument or grouping', () => {
    expect(runCli(['report', 'summary', '--pack', pack], env)).toMatchObject({ status: 2 });
    expect(report('--by', 'planet').stderr).toContain('Unknown --by "planet"');
    const unknown = runCli(['report', 'summary', '--instrument', 'nope', '--pack', pack], env);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('No instrument has the id "nope"');
    expect(runCli(['report', '--help'], env).stdout).toContain('Usage: resonet report summary');
  }, 60_000);
});
