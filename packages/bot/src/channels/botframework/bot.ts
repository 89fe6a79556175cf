import {
  type Activity,
  type BotState,
  type StatePropertyAccessor,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import type { Content } from '../../content';
import {
  type EngineContext,
  type Incoming,
  resultsNeeded,
  type TurnOutcome,
  turn,
} from '../../conversation/engine';
import {
  type ConversationState,
  initialConversationState,
  readMemberState,
} from '../../conversation/state';
import { langOf, t } from '../../i18n/catalog';
import { errorFields, type Logger, newErrorId } from '../../log';
import type { ResultStore } from '../../storage/results';
import { incomingMessage, replyActivities } from './activities';
import { RecentIds } from './recentIds';

export interface BotDependencies {
  content: Content;
  results: ResultStore;
  conversationState: BotState;
  userState: BotState;
  coordinators: ReadonlySet<string>;
  log: Logger;
  /** Today, as YYYY-MM-DD; passed in so tests can fix the date. */
  today: () => string;
  newId: () => string;
}

/**
 * The Bot Framework edge: turns activities into engine input, loads and saves state,
 * stores submitted results and sends the replies. All decisions are the engine's.
 */
export class ResonetBot extends TeamsActivityHandler {
  private readonly conversation: StatePropertyAccessor<ConversationState>;
  private readonly member: StatePropertyAccessor<unknown>;
  private readonly seen = new RecentIds(10_000, 15 * 60_000);

  constructor(private readonly deps: BotDependencies) {
    super();
    this.conversation = deps.conversationState.createProperty('resonet');
    this.member = deps.userState.createProperty('resonet');

    this.onMessage(async (context, next) => {
      const activity = context.activity;
      const group = ['groupChat', 'channel'].includes(
        activity.conversation?.conversationType ?? '',
      );
      // In group chats and channels the bot speaks only when mentioned (card clicks excepted).
      if (group && activity.value === undefined) {
        const mentioned = TurnContext.getMentions(activity).some(
          (m) => m.mentioned?.id === activity.recipient?.id,
        );
        if (!mentioned) return next();
        await this.converse(
          context,
          incomingMessage(activity, TurnContext.removeRecipientMention(activity)),
        );
        return next();
      }
      await this.converse(context, incomingMessage(activity, activity.text));
      return next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((m) => m.id === botId))
        await this.converse(context, { type: 'installed', locale: context.activity.locale });
      return next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.converse(context, { type: 'installed', locale: context.activity.locale });
      return next();
    });
  }

  /** Runs a turn once: Teams retries a delivery it thinks failed, with the same id. */
  override async run(context: TurnContext): Promise<void> {
    const { id, channelId, conversation } = context.activity;
    if (id && this.seen.seenBefore(`${channelId}|${conversation?.id}|${id}`)) {
      this.deps.log.info({ event: 'duplicate-activity', channelId }, 'duplicate ignored');
      return;
    }
    await super.run(context);
  }

  private async converse(context: TurnContext, incoming: Incoming): Promise<void> {
    const started = performance.now();
    const activity = context.activity;
    const userId = activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown';
    const isCoordinator =
      this.deps.coordinators.has(activity.from?.id ?? '') ||
      this.deps.coordinators.has(activity.from?.aadObjectId ?? '');
    let outcome: TurnOutcome;
    try {
      const stored = readMemberState(await this.member.get(context));
      let notice: string | undefined;
      if (!stored.ok) {
        const errorId = newErrorId();
        this.deps.log.error(
          { event: 'state-unreadable', errorId },
          'stored member state unreadable',
        );
        notice = t(langOf(incoming.locale), 'stateReset', { errorId });
      }
      const member = stored.ok ? stored.value : { step: 'idle' as const };
      const conversation = (await this.conversation.get(context)) ?? initialConversationState();
      const needs = resultsNeeded(incoming, isCoordinator);
      const results =
        needs === 'all'
          ? await this.deps.results.all()
          : needs === 'mine'
            ? await this.deps.results.byRespondent(userId)
            : undefined;
      const ctx: EngineContext = {
        ...this.deps.content,
        userId,
        isCoordinator,
        asOf: this.deps.today(),
        newResultId: this.deps.newId,
        ...(results ? { results } : {}),
      };
      outcome = turn({ conversation, member }, incoming, ctx);
      // The result is stored before the state that forgets the open session is saved, so a
      // failure here leaves the member at the review, able to submit again.
      if (outcome.submitted) await this.deps.results.save(outcome.submitted);
      await this.conversation.set(context, outcome.conversation);
      await this.member.set(context, outcome.member);
      await this.deps.conversationState.saveChanges(context);
      await this.deps.userState.saveChanges(context);
      if (notice) await context.sendActivity({ type: 'message', text: notice });
    } catch (error) {
      const errorId = newErrorId();
      this.deps.log.error(
        { event: 'turn-failed', errorId, channelId: activity.channelId, err: errorFields(error) },
        'turn failed',
      );
      // Forget this turn's unsaved changes; what was stored before stays as it was.
      this.deps.conversationState.clear(context);
      this.deps.userState.clear(context);
      await context.sendActivity({
        type: 'message',
        text: t(langOf(incoming.locale), 'turnFailed', { errorId }),
      });
      return;
    }
    for (const reply of outcome.replies)
      for (const out of replyActivities(reply, activity.channelId))
        await context.sendActivity(out as Partial<Activity>);
    this.deps.log.info(
      {
        event: 'turn',
        channelId: activity.channelId,
        kind: incoming.type,
        replies: outcome.replies.length,
        submitted: Boolean(outcome.submitted),
        ms: Math.round(performance.now() - started),
      },
      'turn',
    );
  }
}
