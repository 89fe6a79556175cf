import {
  type Activity,
  CloudAdapter,
  ConfigurationServiceClientCredentialFactory,
  createBotFrameworkAuthenticationFromConfiguration,
  type InvokeResponse,
  ShowTypingMiddleware,
  type TurnContext,
} from 'botbuilder';
import type { BotConfig } from '../../config';
import { langOf, t } from '../../i18n/catalog';
import { errorFields, type Logger, newErrorId } from '../../log';

/** CloudAdapter with its activity entry point open, so the server can check requests first. */
export class BotAdapter extends CloudAdapter {
  receive(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/**
 * The Bot Framework adapter: authenticates requests with the standard Microsoft app
 * settings (anonymous when there is no app ID) and shows a typing indicator on slow turns.
 */
export function createAdapter(config: BotConfig, log: Logger): BotAdapter {
  const credentials = new ConfigurationServiceClientCredentialFactory(config.auth);
  const adapter = new BotAdapter(
    createBotFrameworkAuthenticationFromConfiguration(null, credentials),
  );
  adapter.use(new ShowTypingMiddleware(700, 2000));
  // The last resort: the bot handles its own errors, so this sees failures around it
  // (middleware, sending replies).
  adapter.onTurnError = async (context, error) => {
    const errorId = newErrorId();
    log.error(
      {
        event: 'turn-error',
        errorId,
        channelId: context.activity.channelId,
        err: errorFields(error),
      },
      'turn error',
    );
    try {
      await context.sendActivity(t(langOf(context.activity.locale), 'turnFailed', { errorId }));
    } catch (sendError) {
      log.error(
        { event: 'turn-error-reply-failed', errorId, err: errorFields(sendError) },
        'could not tell the user',
      );
    }
  };
  return adapter;
}
