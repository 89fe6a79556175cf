import {
  AuthenticationConstants,
  ToBotFromBotOrEmulatorTokenValidationParameters,
} from 'botframework-connector';

/** Longer Authorization headers are refused unread: Bot Framework tokens are 1–3 KB. */
export const MAX_AUTHORIZATION = 8 * 1024;

/** What the connector allows (RS256/384/512); anything else cannot verify, so is refused first. */
const ALGORITHMS = new Set(['RS256', 'RS384', 'RS512']);
/** The connector's clock tolerance, five minutes either way. */
const TOLERANCE_S = 5 * 60;
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

export type TokenRefusal =
  | 'missing'
  | 'too-large'
  | 'malformed'
  | 'algorithm'
  | 'key-in-token'
  | 'issuer'
  | 'tenant'
  | 'expired'
  | 'not-yet-valid';

/**
 * Checks what can be checked of a bearer token without keys, before botframework-connector
 * sees it: its shape, algorithm, issuer, tenant and validity period. botframework-connector
 * 4.23.3 adds four issuer strings to a process-wide list for every new `tid` it is shown,
 * verified or not, so a token whose tenant is not one the bot accepts must never reach it.
 * The signature is still the connector's to verify.
 */
export function tokenChecker(options: { tenantId?: string | undefined; now?: () => number }) {
  const tenants = new Set<string>();
  for (const issuer of ToBotFromBotOrEmulatorTokenValidationParameters.issuer as string[]) {
    const tid = GUID.exec(issuer)?.[0];
    if (tid) tenants.add(tid.toLowerCase());
  }
  if (options.tenantId) tenants.add(options.tenantId.toLowerCase());
  const issuers = new Set<string>([
    AuthenticationConstants.ToBotFromChannelTokenIssuer,
    ...(ToBotFromBotOrEmulatorTokenValidationParameters.issuer as string[]),
  ]);
  for (const tid of tenants)
    for (const template of [
      `${AuthenticationConstants.ValidTokenIssuerUrlTemplateV1}${tid}/`,
      `${AuthenticationConstants.ValidTokenIssuerUrlTemplateV2}${tid}/v2.0`,
      `${AuthenticationConstants.ValidGovernmentTokenIssuerUrlTemplateV1}${tid}/`,
      `${AuthenticationConstants.ValidGovernmentTokenIssuerUrlTemplateV2}${tid}/v2.0`,
    ])
      issuers.add(template);
  const now = options.now ?? Date.now;

  return (authorization: string): TokenRefusal | undefined => {
    if (!authorization.trim()) return 'missing';
    if (authorization.length > MAX_AUTHORIZATION) return 'too-large';
    const match = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(authorization);
    if (!match) return 'malformed';
    const header = decodePart(match[1] as string);
    const payload = decodePart(match[2] as string);
    if (!header || !payload) return 'malformed';
    return checkHeader(header) ?? checkClaims(payload, issuers, tenants, now() / 1000);
  };
}

function checkHeader(header: Record<string, unknown>): TokenRefusal | undefined {
  if (typeof header.alg !== 'string' || !ALGORITHMS.has(header.alg)) return 'algorithm';
  // Keys or key addresses carried in the token are never trusted: keys come from metadata.
  if (['jwk', 'jku', 'x5u', 'x5c'].some((field) => field in header)) return 'key-in-token';
  if (typeof header.kid !== 'string' || header.kid.length > 256) return 'malformed';
  return undefined;
}

function checkClaims(
  payload: Record<string, unknown>,
  issuers: ReadonlySet<string>,
  tenants: ReadonlySet<string>,
  seconds: number,
): TokenRefusal | undefined {
  if (typeof payload.iss !== 'string' || !issuers.has(payload.iss)) return 'issuer';
  const tid = payload.tid;
  if (tid !== undefined && (typeof tid !== 'string' || !tenants.has(tid.toLowerCase())))
    return 'tenant';
  if (typeof payload.exp !== 'number' || payload.exp < seconds - TOLERANCE_S) return 'expired';
  const nbf = payload.nbf;
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > seconds + TOLERANCE_S))
    return 'not-yet-valid';
  return undefined;
}

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
