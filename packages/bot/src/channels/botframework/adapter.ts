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
  const clients = new Map<string, Promise<ConnectorClient>>();
  const createFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (identity) => {
    const factory = createFactory(identity);
    const appId = JwtTokenValidation.getAppIdFromClaims(identity.claims) ?? '';
    return {
      create(serviceUrl: string, audience?: string) {
        const key = `${appId}|${serviceUrl}|${audience ?? ''}`;
        const cached = clients.get(key);
        if (cached) return cached;
        const client = factory.create(serviceUrl, audience);
        client.catch(() => clients.delete(key));
        if (clients.size >= capacity) clients.delete(clients.keys().next().value as string);
        clients.set(key, client);
        return client;
      },
    };
  };
  const tokenClients = new Map<
    string,
    ReturnType<BotFrameworkAuthentication['createUserTokenClient']>
  >();
  const createTokenClient = auth.createUserTokenClient.bind(auth);
  auth.createUserTokenClient = (identity) => {
    const appId = JwtTokenValidation.getAppIdFromClaims(identity.claims) ?? '';
    const cached = tokenClients.get(appId);
    if (cached) return cached;
    const client = createTokenClient(identity);
    client.catch(() => tokenClients.delete(appId));
    if (tokenClients.size >= capacity)
      tokenClients.delete(tokenClients.keys().next().value as string);
    tokenClients.set(appId, client);
    return client;
  };
  return auth;
}
