import { type Activity, TeamsActivityHandler, TurnContext } from 'botbuilder';
import type { Content } from '../../content';
import { type Incoming, submittedResult, type TurnOutcome } from '../../conversation/engine';
import { LOCALES, langOf, t } from '../../i18n/catalog';
import { errorFields, type Logger, newErrorId } from '../../log';
import { membershipActions } from '../../members/actions';
import { JoinAttempts } from '../../members/joinAttempts';
import { type MemberTurn, runMemberTurn } from '../../memberTurn';
import type { MemberStore } from '../../storage/members';
import type { MembershipStore } from '../../storage/memberships';
import type { ResultStore } from '../../storage/results';
import { incomingMessage, replyActivities } from './activities';
import { RecentIds } from './recentIds';
export interface BotDependencies {
  content: Content;
  /** The content as it is now (the registry read again); none: `content` throughout. */
  currentContent?: () => Promise<Content>;
  results: ResultStore;
  /** Where member state is kept, eTag-checked, with what each turn submits. */
  members: MemberStore;
  /** The unanswered-questions log; none: not recorded. */
  unanswered?: MemberTurn['unanswered'];
  coordinators: ReadonlySet<string>;
  /** Members' roles and invites; none: everyone is a member without a centre. */
  memberships?: MembershipStore;
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
  private readonly seen = new RecentIds(10_000, 15 * 60_000);
  private readonly joinAttempts = new JoinAttempts();

  constructor(private readonly deps: BotDependencies) {
    super();

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
    // RESONET_COORDINATORS are the first admins: they bring everyone else in with invites.
    const bootstrap =
      this.deps.coordinators.has(activity.from?.id ?? '') ||
      this.deps.coordinators.has(activity.from?.aadObjectId ?? '');
    const content = (await this.deps.currentContent?.()) ?? this.deps.content;
    const networkId = content.networks[0]?.id ?? 'network';
    const memberships = this.deps.memberships;
    const stored = memberships && !bootstrap ? await memberships.get(networkId, userId) : undefined;
    const membership = bootstrap ? { role: 'admin' as const } : stored;
    let outcome: TurnOutcome;
    let attempts = 0;
    try {
      ({ outcome, attempts } = await runMemberTurn({
        members: this.deps.members,
        results: this.deps.results,
        ...(this.deps.unanswered ? { unanswered: this.deps.unanswered } : {}),
        key: `resonet/members/${activity.channelId}/${userId}`,
        userId,
        isCoordinator: bootstrap,
        ...(membership
          ? {
              membership: {
                role: membership.role,
                ...('centreId' in membership && membership.centreId
                  ? { centreId: membership.centreId }
                  : {}),
              },
            }
          : {}),
        ...(memberships ? membershipActions(memberships, networkId, userId) : {}),
        joinAttempts: this.joinAttempts,
        conversation: {
          key: `resonet/conversations/${activity.channelId}/${activity.conversation?.id}`,
        },
        incoming,
        context: { ...content, asOf: this.deps.today(), newId: this.deps.newId },
        unreadable: () => {
          const errorId = newErrorId();
          this.deps.log.error(
            { event: 'state-unreadable', errorId },
            'stored member state unreadable',
          );
          return t(langOf(incoming.locale), 'stateReset', { errorId });
        },
      }));
    } catch (error) {
      const errorId = newErrorId();
      this.deps.log.error(
        {
          event: 'turn-failed',
          errorId,
          channelId: activity.channelId,
          attempts,
          err: errorFields(error),
        },
        'turn failed',
      );
      await context.sendActivity({
        type: 'message',
        text: t(langOf(incoming.locale), 'turnFailed', { errorId }),
      });
      return;
    }
    const lang = outcome.member.lang;
    for (const reply of outcome.replies)
      for (const out of replyActivities(reply, activity.channelId, lang && LOCALES[lang]))
        await context.sendActivity(out as Partial<Activity>);
    this.deps.log.info(
      {
        event: 'turn',
        channelId: activity.channelId,
        kind: incoming.type,
        replies: outcome.replies.length,
        submitted: submittedResult(outcome) !== undefined,
        attempts,
        ms: Math.round(performance.now() - started),
      },
      'turn',
    );
  }
}
