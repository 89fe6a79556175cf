import {
  type Activity,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type InvokeResponse,
  ShowTypingMiddleware,
  type TurnContext,
} from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  type BotFrameworkAuthentication,
  type ConnectorClient,
  JwtTokenValidation,
  TokenCredentials,
} from 'botframework-connector';
import type { BotConfig } from '../../config';
import { langOf, t } from '../../i18n/catalog';
import { errorFields, type Logger, newErrorId } from '../../log';
import { type TokenRefusal, tokenChecker } from './tokenCheck';

/** A request the bot refused to authenticate, with a reason safe to log (no token content). */
export class RefusedTokenError extends AuthenticationError {
  constructor(readonly reason: TokenRefusal | 'not-verified') {
    super('Unauthorized.', 401);
    this.name = 'RefusedTokenError';
  }
}

export interface AdapterOptions {
  /**
   * Anonymous mode: the secret the adapter signs its own posts to the local Direct Line
   * with, and the bot's URL (it is sent to no other address).
   */
  local?: { secret: string; botUrl: () => string };
  /** Where the signing keys are published (tests point these at a local server). */
  openIdMetadata?: { channel?: string; emulator?: string };
}

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
export function createAdapter(
  config: BotConfig,
  log: Logger,
  options: AdapterOptions = {},
): BotAdapter {
  const credentials = new ConfigurationServiceClientCredentialFactory(config.auth);
  if (config.anonymous && options.local) signLocalPosts(credentials, options.local);
  quietTokenErrors();
  const auth = new ConfigurationBotFrameworkAuthentication(
    options.openIdMetadata ? publicCloud(options.openIdMetadata) : {},
    credentials,
  );
  const adapter = new BotAdapter(
    reuseConnectorClients(
      config.anonymous ? auth : checkTokensFirst(auth, config.auth.MicrosoftAppTenantId),
    ),
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
 * The public cloud's settings with the key addresses replaced: botbuilder takes any one
 * setting given as a custom cloud and leaves every other one empty.
 */
function publicCloud(keys: NonNullable<AdapterOptions['openIdMetadata']>) {
  return {
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl:
      keys.channel ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl:
      keys.emulator ?? AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/**
 * Every failure to authenticate is a 401: what the connector throws for a forged token
 * (a signature that does not verify, a wrong audience) is a plain error that would
 * otherwise become a 500 with a stack trace in the log.
 */
function checkTokensFirst(
  auth: BotFrameworkAuthentication,
  tenantId: string | undefined,
): BotFrameworkAuthentication {
  const check = tokenChecker({ tenantId });
  const authenticate = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    const refused = check(authHeader);
    if (refused) throw new RefusedTokenError(refused);
    try {
      return await authenticate(activity, authHeader);
    } catch (error) {
      if (error instanceof RefusedTokenError) throw error;
      throw new RefusedTokenError('not-verified');
    }
  };
  return auth;
}

/**
 * botframework-connector writes the signing key (a PEM) or the whole error to stderr for
 * every token that fails to verify. The bot logs its own short line for each refusal, so
 * those two messages are dropped; everything else written to console.error still is.
 */
let quieted = false;
function quietTokenErrors() {
  if (quieted) return;
  quieted = true;
  const write = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    const [first] = args;
    if (typeof first === 'string' && first.startsWith('Error finding key for token')) return;
    if (first instanceof Error && first.name === 'TokenExpiredError') return;
    write(...args);
  };
}

/**
 * In anonymous mode the bot posts its typing indicators to the local Direct Line, which
 * accepts them only with this secret; it is attached to requests to the bot's own URL only,
 * never to a service URL someone else put in an activity.
 */
function signLocalPosts(
  credentials: ConfigurationServiceClientCredentialFactory,
  local: NonNullable<AdapterOptions['local']>,
) {
  const token = new TokenCredentials(local.secret);
  const ownUrl = (url: string) => url.startsWith(`${local.botUrl()}/v3/conversations/`);
  credentials.createCredentials = async () => ({
    signRequest: (request) =>
      ownUrl(request.url) ? token.signRequest(request) : Promise.resolve(request),
  });
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
