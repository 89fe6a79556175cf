import {
  type Activity,
  CloudAdapter,
  ConfigurationServiceClientCredentialFactory,
  createBotFrameworkAuthenticationFromConfiguration,
  type InvokeResponse,
  ShowTypingMiddleware,
  type TurnContext,
} from 'botbuilder';
import {
  type BotFrameworkAuthentication,
  type ConnectorClient,
  JwtTokenValidation,
} from 'botframework-connector';
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
    reuseConnectorClients(createBotFrameworkAuthenticationFromConfiguration(null, credentials)),
  );
  const typing = new ShowTypingMiddleware(700, 2000);
  // With expectReplies every reply comes back at once in the response: nobody sees typing.
  adapter.use({
    onTurn: (context, next) =>
      context.activity.deliveryMode === 'expectReplies' ? next() : typing.onTurn(context, next),
  });
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

/**
 * botbuilder builds a new connector client and user token client (HTTP pipelines with
 * credentials) on every turn; that was about a fifth of a turn's time. They are kept per
 * app (and channel service URL and audience), a bounded number so that odd service URLs
 * cannot grow the cache.
 */
function reuseConnectorClients(
  auth: BotFrameworkAuthentication,
  capacity = 64,
): BotFrameworkAuthentication {
  const connectorClients = boundedCache<Promise<ConnectorClient>>(capacity);
  const createFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (identity) => {
    const factory = createFactory(identity);
    const appId = JwtTokenValidation.getAppIdFromClaims(identity.claims) ?? '';
    return {
      create: (serviceUrl: string, audience?: string) =>
        connectorClients(`${appId}|${serviceUrl}|${audience ?? ''}`, () =>
          factory.create(serviceUrl, audience),
        ),
    };
  };
  const tokenClients =
    boundedCache<ReturnType<BotFrameworkAuthentication['createUserTokenClient']>>(capacity);
  const createTokenClient = auth.createUserTokenClient.bind(auth);
  auth.createUserTokenClient = (identity) =>
    tokenClients(JwtTokenValidation.getAppIdFromClaims(identity.claims) ?? '', () =>
      createTokenClient(identity),
    );
  return auth;
}

/** Promises kept by key, the oldest dropped beyond `capacity`; a rejected one is forgotten. */
function boundedCache<T extends Promise<unknown>>(capacity: number) {
  const kept = new Map<string, T>();
  return (key: string, create: () => T): T => {
    const cached = kept.get(key);
    if (cached) return cached;
    const made = create();
    made.catch(() => kept.delete(key));
    if (kept.size >= capacity) kept.delete(kept.keys().next().value as string);
    kept.set(key, made);
    return made;
  };
}
