// Part of npm run bench: the stores. Start-up of the embedded database (cold and warm),
// state writes per second, and turn latency through the HTTP server, for the embedded
// database and (when DATABASE_URL or TEST_DATABASE_URL is set) PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AssessmentResult, instrumentItems } from '@resonet/core';
import { centreTrainingNeeds, ittcTechnologyTransferNeeds } from '@resonet/fixtures';
import pg from 'pg';
import { readConfig } from '../config';
import { createLogger } from '../log';
import { startServer } from '../server';
import { openStores, type StoreChoice } from '../storage/stores';
import { benchActivity, httpClient, quantile } from './httpClient';

const log = createLogger('silent');
const dir = mkdtempSync(join(tmpdir(), 'resonet-bench-'));

/** PostgreSQL to measure: DATABASE_URL as given, or a throwaway database on the test server. */
async function postgres(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, drop: async () => {} };
  const server = process.env.TEST_DATABASE_URL;
  if (!server) return undefined;
  const name = `resonet_bench_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

async function startup(): Promise<{ cold: number; warm: number }> {
  const choice: StoreChoice = { kind: 'embedded', dataDir: join(dir, 'startup') };
  let started = performance.now();
  await (await openStores(choice, log)).close();
  const cold = performance.now() - started;
  started = performance.now();
  await (await openStores(choice, log)).close();
  return { cold, warm: performance.now() - started };
}

/** Member-state writes per second (eTag-checked, as the bot writes them). */
async function writes(choice: StoreChoice): Promise<number> {
  const stores = await openStores(choice, log);
  const member = {
    step: 'answering',
    session: {
      answers: Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`item-${i}`, i % 5])),
    },
  };
  const key = `bench/members/${Math.random()}`;
  await stores.members.commit(key, undefined, { member });
  const count = 300;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    // As a turn does: read with the eTag, write only if it is still current.
    const eTag = (await stores.members.read(key))?.eTag;
    await stores.members.commit(key, eTag, { member });
  }
  const perSecond = count / ((performance.now() - started) / 1000);
  await stores.close();
  return perSecond;
}

/** Latency of assessment turns (each reads and writes state) through HTTP, one at a time. */
async function turnLatency(choice: StoreChoice): Promise<{ p50: number; p99: number }> {
  const stores = await openStores(choice, log);
  const config = readConfig({ PORT: '0' });
  if (!config.ok) throw new Error(config.errors.join('; '));
  const running = await startServer({
    config: config.value,
    log,
    members: stores.members,
    results: stores.results,
  });
  const client = httpClient(running.url, 1);
  const items = instrumentItems(ittcTechnologyTransferNeeds).length;
  const latencies: number[] = [];
  let n = 0;
  for (let conversation = 0; conversation < 12; conversation++) {
    const id = `bench-${Math.random()}`;
    const send = async (fields: Record<string, unknown>) => {
      const started = performance.now();
      const { status } = await client.post(
        '/api/messages',
        benchActivity(`${id}-${++n}`, id, fields),
      );
      if (status !== 200) throw new Error(`turn answered ${status}`);
      latencies.push(performance.now() - started);
    };
    await send({ value: { action: 'start' } });
    await send({ value: { action: 'instrument', id: ittcTechnologyTransferNeeds.id } });
    await send({ text: 'Example centre' });
    for (let i = 0; i < items; i++) await send({ text: i % 3 ? 'yes' : '3' });
  }
  client.close();
  await running.close();
  await stores.close();
  latencies.sort((a, b) => a - b);
  return { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) };
}

/** Results as a network's staff submit them: a centre each, six scales, ~2 KB each. */
function benchResults(from: number, count: number): AssessmentResult[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const day = `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    return {
      id: `bench-${i}`,
      instrumentId: centreTrainingNeeds.id,
      instrumentVersion: centreTrainingNeeds.version,
      centreId: `bench-centre-${i % 200}`,
      respondentId: `bench-staff-${i % 20_000}`,
      startedAt: day,
      submittedAt: day,
      answers: Object.fromEntries(
        instrumentItems(centreTrainingNeeds)
          .slice(0, 40)
          .map(({ item }, n) => [item.id, 1 + ((i + n) % 5)]),
      ),
      scores: centreTrainingNeeds.scales.map((scale, n) => ({
        scaleId: scale.id,
        status: 'scored' as const,
        value: 10 + ((i * 7 + n * 3) % 41),
        answered: 8,
        minAnswered: 3,
        min: 10,
        max: 50,
        direction: scale.direction,
        needLevel: null,
        gap: null,
      })),
      example: true as const,
    };
  });
}

/**
 * The network summary over many stored results: import rate, then the time and memory of
 * summing a network's figures (what a coordinator's summary reads).
 */
async function figuresAtScale(choice: StoreChoice, count: number) {
  const stores = await openStores(choice, log);
  let started = performance.now();
  for (let from = 0; from < count; from += 1000)
    await stores.results.saveMany(benchResults(from, Math.min(1000, count - from)));
  const imported = count / ((performance.now() - started) / 1000);
  const times: number[] = [];
  const rss = process.memoryUsage().rss;
  let grew = 0;
  for (let run = 0; run < 5; run++) {
    started = performance.now();
    const figures = await stores.results.figures(centreTrainingNeeds.id);
    times.push(performance.now() - started);
    grew = Math.max(grew, process.memoryUsage().rss - rss);
    if (figures.results !== count) throw new Error(`summed ${figures.results} of ${count}`);
  }
  await stores.close();
  times.sort((a, b) => a - b);
  return { imported, median: quantile(times, 0.5), grewMb: grew / 1024 / 1024 };
}

const { cold, warm } = await startup();
console.log('\nstores');
console.log(
  `embedded start-up        cold ${cold.toFixed(0)} ms   warm ${warm.toFixed(0)} ms   (target warm < 3000 ms)`,
);
const server = await postgres();
const choices: [string, StoreChoice | undefined][] = [
  ['embedded', { kind: 'embedded', dataDir: join(dir, 'load') }],
  ['PostgreSQL', server ? { kind: 'postgres', url: server.url } : undefined],
];
for (const [name, choice] of choices) {
  if (!choice) {
    console.log(`${name.padEnd(24)} skipped: set DATABASE_URL or TEST_DATABASE_URL`);
    continue;
  }
  const perSecond = await writes(choice);
  const { p50, p99 } = await turnLatency(choice);
  console.log(
    `${name.padEnd(24)} ${perSecond.toFixed(0)} state writes/s   turn p50 ${p50.toFixed(1)} ms   p99 ${p99.toFixed(1)} ms`,
  );
}
// RESONET_BENCH_RESULTS sets how many (the targets are at 1,000,000 on PostgreSQL and
// 100,000 embedded); the defaults keep npm run bench to a few minutes.
const atScale = Number(process.env.RESONET_BENCH_RESULTS) || 0;
const scaled: [string, StoreChoice | undefined, number][] = [
  ['embedded', { kind: 'embedded', dataDir: join(dir, 'scale') }, atScale || 20_000],
  ['PostgreSQL', server ? { kind: 'postgres', url: server.url } : undefined, atScale || 100_000],
];
for (const [name, choice, count] of scaled) {
  if (!choice) continue;
  const { imported, median, grewMb } = await figuresAtScale(choice, count);
  console.log(
    `${name.padEnd(24)} ${count.toLocaleString('en')} results: import ${imported.toFixed(0)}/s   network summary ${median.toFixed(0)} ms (target < 300 ms at 1,000,000 on PostgreSQL)   memory +${grewMb.toFixed(0)} MB (target < 50)`,
  );
}
await server?.drop();
rmSync(dir, { recursive: true, force: true });
