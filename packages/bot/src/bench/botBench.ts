// Part of npm run bench: Q&A turns per second through the real HTTP server (expectReplies)
// beside a bare restify JSON echo route on the same server, and bytes of state per open
// assessment.
import { currentQuestion, instrumentItems, resultChartSvg, scoreAnswers } from '@resonet/core';
import { centreTrainingNeeds } from '@resonet/fixtures';
import type { Request, Response } from 'restify';
import { svgToPng } from '../cards/chartImage';
import { readConfig } from '../config';
import { loadContent } from '../content';
import { type Incoming, parseIncoming, turn } from '../conversation/engine';
import { initialConversationState, initialMemberState } from '../conversation/state';
import { createLogger } from '../log';
import { startServer } from '../server';
import { benchActivity, httpClient } from './httpClient';

const config = readConfig({ PORT: '0', LOG_LEVEL: 'silent' });
if (!config.ok) throw new Error(config.errors.join('; '));
const running = await startServer({ config: config.value, log: createLogger('silent') });
running.server.post('/bench/echo', async (req: Request, res: Response) => {
  res.send(200, req.body);
});
const client = httpClient(running.url);
const post = async (path: string, body: string) => (await client.post(path, body)).status;

let id = 0;
const activity = () => {
  id++;
  return benchActivity(`bench-${id}`, `bench-conversation-${id % 8}`, {
    text: 'What are the roles of an ITTC?',
  });
};

/** Requests per second over `ms`, with 8 requests in flight. */
async function rate(path: string, body: () => string, ms: number): Promise<number> {
  let done = 0;
  const until = performance.now() + ms;
  const worker = async () => {
    while (performance.now() < until) {
      const status = await post(path, body());
      if (status !== 200) throw new Error(`${path} answered ${status}`);
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: 8 }, worker));
  return done / ((performance.now() - started) / 1000);
}

await rate('/api/messages', activity, 500); // warm up
await rate('/bench/echo', activity, 500);
const turns = await rate('/api/messages', activity, 3000);
const echo = await rate('/bench/echo', activity, 3000);
await running.close();
client.close();

// State of a member half-way through the longest built-in assessment.
const content = loadContent();
const ctx = {
  ...content,
  userId: 'bench-user-with-a-long-teams-id-29:1a2b3c4d5e6f7g8h9i0j',
  isCoordinator: false,
  asOf: '2026-11-23',
  newId: () => 'bench',
};
let state = { conversation: initialConversationState(), member: initialMemberState() };
const step = (incoming: Incoming) => {
  const out = turn(state, parseIncoming(incoming), ctx);
  state = { conversation: out.conversation, member: out.member };
};
step({ type: 'message', value: { action: 'start' } });
step({ type: 'message', value: { action: 'instrument', id: centreTrainingNeeds.id } });
step({ type: 'message', text: 'An example centre with a fairly long name, Ho Chi Minh City' });
for (let i = 0; i < 15; i++) {
  const session = state.member.session;
  const item = session && currentQuestion(centreTrainingNeeds, session)?.item;
  const typed =
    item?.type === 'multiple'
      ? '1, 2'
      : item?.type === 'yes-no'
        ? 'yes'
        : item?.type === 'text'
          ? 'An example answer of about sixty characters, as a member writes.'
          : '3';
  step({ type: 'message', text: typed });
}
const bytes = Buffer.byteLength(JSON.stringify(state));

console.log('\nbot over HTTP (8 in flight, keep-alive)');
console.log(`Q&A turns (expectReplies)   ${turns.toFixed(0)} /s`);
console.log(`bare restify JSON echo      ${echo.toFixed(0)} /s`);
console.log(`ratio                       ${(turns / echo).toFixed(2)}   (target ≥ 0.4)`);
// The results chart: drawn (SVG, core) and rendered (PNG, resvg) once per result shown.
const answers = Object.fromEntries(
  instrumentItems(centreTrainingNeeds)
    .filter(({ item }) => item.type === 'likert')
    .map(({ item }, n) => [item.id, (n % 5) + 1]),
);
const result = {
  id: 'bench-result',
  instrumentId: centreTrainingNeeds.id,
  instrumentVersion: centreTrainingNeeds.version,
  centreId: 'bench-centre',
  respondentId: 'bench-respondent',
  startedAt: '2026-12-01',
  submittedAt: '2026-12-01',
  answers,
  scores: scoreAnswers(centreTrainingNeeds, answers),
};
const renders: number[] = [];
let pngBytes = 0;
for (let i = 0; i < 30; i++) {
  const started = performance.now();
  pngBytes =
    svgToPng(resultChartSvg(centreTrainingNeeds, result, i % 2 ? 'vi' : 'en'))?.length ?? 0;
  renders.push(performance.now() - started);
}
renders.sort((a, b) => a - b);
console.log(
  `results chart (SVG → PNG)   median ${(renders[15] ?? 0).toFixed(1)} ms, ${pngBytes} bytes   (target: under the ~28 KB of a Teams message, with the card)`,
);
console.log(
  `state per open assessment   ${bytes} bytes (${Object.keys(state.member.session?.answers ?? {}).length} answers)   (target ≤ 4096)`,
);
