import { Writable } from 'node:stream';
import type { AssessmentResult } from '@resonet/core';
import { type Activity, TestAdapter } from 'botbuilder';
import { ResonetBot } from '../../src/channels/botframework/bot';
import { type Content, loadContent } from '../../src/content';
import { createLogger } from '../../src/log';
import { type MemberStore, MemoryMemberStore } from '../../src/storage/members';
import { MemoryResultStore, type ResultStore } from '../../src/storage/results';

const content = loadContent({ exampleCentres: true });

/** Log lines captured in memory, to check what the bot writes to its log. */
export class LogCapture extends Writable {
  lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  get text() {
    return this.lines.join('\n');
  }
}

export interface BotHarness {
  bot: ResonetBot;
  members: MemberStore;
  results: ResultStore;
  logs: LogCapture;
}

export function makeBot(
  options: {
    members?: MemberStore;
    results?: ResultStore;
    coordinators?: string[];
    currentContent?: () => Promise<Content>;
  } = {},
): BotHarness {
  const results = options.results ?? new MemoryResultStore();
  const members = options.members ?? new MemoryMemberStore(results);
  const logs = new LogCapture();
  let n = 0;
  const bot = new ResonetBot({
    content,
    ...(options.currentContent ? { currentContent: options.currentContent } : {}),
    results,
    members,
    coordinators: new Set(options.coordinators ?? []),
    log: createLogger('info', logs),
    today: () => '2026-11-23',
    newId: () => `example-result-${++n}`,
  });
  return { bot, members, results, logs };
}

/** A user talking to the bot through botbuilder's TestAdapter on a given channel. */
export class ChannelChat {
  readonly adapter: TestAdapter;
  constructor(
    readonly harness: BotHarness,
    channelId: string,
    options: {
      conversationType?: string;
      userId?: string;
      locale?: string;
      conversationId?: string;
    } = {},
  ) {
    this.adapter = new TestAdapter({
      channelId,
      serviceUrl: 'https://example.invalid/',
      conversation: {
        id: options.conversationId ?? `example-conversation-${channelId}`,
        isGroup: options.conversationType !== undefined && options.conversationType !== 'personal',
        conversationType: options.conversationType ?? 'personal',
        name: '',
      },
      user: { id: options.userId ?? 'example-user-1', name: 'Example member' },
      bot: { id: 'example-bot', name: 'resonet' },
      ...(options.locale ? { locale: options.locale } : {}),
    });
  }

  /** Sends an activity and returns what the bot sent back. */
  async send(activity: Partial<Activity> | string): Promise<Partial<Activity>[]> {
    const full = typeof activity === 'string' ? { type: 'message', text: activity } : activity;
    await this.adapter.processActivity(full, (context) => this.harness.bot.run(context));
    return this.adapter.activeQueue.splice(0);
  }
  click(value: Record<string, unknown>) {
    return this.send({ type: 'message', value });
  }
}

export const cardOf = (activity: Partial<Activity> | undefined) =>
  activity?.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    ?.content as
    | {
        body: {
          type: string;
          text?: string;
          id?: string;
          choices?: { value: string }[];
          actions?: { data: Record<string, string> }[];
        }[];
        actions: { data: Record<string, string> }[];
      }
    | undefined;

/** Everything a list of bot activities says, cards included, as one string. */
export const said = (activities: Partial<Activity>[]) => JSON.stringify(activities);

export type { AssessmentResult };
