import { type Lang, type LocalizedText, localize } from '@resonet/core';
import { t } from '../i18n/catalog';
import { isRole, ROLES, type Role } from '../members/roles';
import { newInviteCode } from '../storage/memberships';
import { isOutcome, readCommandLine } from './commandLine';
import { say } from './messages';
import { dataError, type Outcome, ok, usageError } from './outcome';
import { networkOf, registryCentres, servedContent, withStores } from './served';

// The operator at the command line can reach the database: they act as an admin would.
const OPERATOR = 'resonet-cli';
const DAY_MS = 24 * 60 * 60 * 1000;

interface Options {
  centre?: string;
  role?: string;
  expires?: string;
  json?: boolean;
  network?: string;
  pack?: string;
}

/** "14d", "48h" as milliseconds, up to a year; undefined when it is not one. */
function duration(text: string): number | undefined {
  const m = /^(\d{1,4})(d|h)$/.exec(text.trim());
  if (!m) return undefined;
  const ms = Number(m[1]) * (m[2] === 'd' ? DAY_MS : 60 * 60 * 1000);
  return ms > 0 && ms <= 365 * DAY_MS ? ms : undefined;
}

/** Reads the options and what the command is about: its network, the content, the language. */
async function setUp(
  argv: string[],
  env: NodeJS.ProcessEnv,
  usage: 'inviteUsage' | 'membersUsage',
) {
  const line = readCommandLine<Options>(
    argv,
    env,
    {
      centre: { type: 'string' },
      role: { type: 'string' },
      expires: { type: 'string' },
      json: { type: 'boolean' },
      network: { type: 'string' },
      pack: { type: 'string' },
    },
    usage,
  );
  if (isOutcome(line)) return line;
  const { values, positionals, lang } = line;
  const content = await servedContent(values.pack, env, lang);
  if ('code' in content) return content;
  const networkId = networkOf(content, values.network, lang);
  if (typeof networkId !== 'string') return networkId;
  return { values, positionals, lang, content, networkId };
}

/** The network served, for its name. */
function networkNamed(
  content: { networks: readonly { id: string; name: LocalizedText }[] },
  id: string,
) {
  return content.networks.find((n) => n.id === id) ?? { name: { en: id } };
}

/** Checks a role and, for members and focal points, its centre against the registry. */
async function placeOf(
  role: string | undefined,
  centre: string | undefined,
  known: (id: string) => Promise<boolean>,
  lang: Lang,
): Promise<{ role: Role; centreId?: string } | Outcome> {
  if (!role || !isRole(role))
    return usageError(say('badRole', lang, { value: role ?? '', roles: ROLES.join(', ') }));
  const needsCentre = role === 'member' || role === 'focal-point';
  if (needsCentre && !centre) return usageError(say('needCentre', lang, { role }));
  if (!needsCentre) return { role };
  if (centre && !(await known(centre)))
    return dataError(say('unknownCentre', lang, { value: centre }));
  return { role, ...(centre ? { centreId: centre } : {}) };
}

/**
 * `resonet invite --centre ID --role ROLE [--expires 14d]`: a single-use code a person types
 * in chat ("join ABCD-2345") to take that role at that centre.
 */
export async function inviteCommand(
  argv: string[],
  env: NodeJS.ProcessEnv,
  now = new Date(),
): Promise<Outcome> {
  const set = await setUp(argv, env, 'inviteUsage');
  if ('code' in set) return set;
  const { values, lang, networkId } = set;
  const ms = duration(values.expires ?? '14d');
  if (!ms) return usageError(say('badExpires', lang, { value: values.expires ?? '' }));
  return withStores(lang, env, async (stores) => {
    const centres = await registryCentres(stores, set.content, networkId);
    const known = async (id: string) =>
      centres.some((c) => c.id === id) || set.content.centres.some((c) => c.id === id);
    const place = await placeOf(values.role, values.centre, known, lang);
    if ('code' in place) return place;
    const code = newInviteCode();
    const expiresAt = new Date(now.getTime() + ms).toISOString();
    await stores.memberships.createInvite(code, {
      networkId,
      ...place,
      createdBy: OPERATOR,
      expiresAt,
    });
    const centre = place.centreId ? centres.find((c) => c.id === place.centreId) : undefined;
    return ok(
      `${say('inviteCreated', lang, {
        code,
        role: t(lang, `role-${place.role}`),
        where: localize((centre ?? networkNamed(set.content, networkId)).name, lang),
        expires: expiresAt.slice(0, 10),
      })}\n`,
    );
  });
}

/** `resonet members list [--json] | grant USER ROLE [--centre ID] | revoke USER`. */
export async function membersCommand(
  argv: string[],
  env: NodeJS.ProcessEnv,
  now = new Date(),
): Promise<Outcome> {
  const set = await setUp(argv, env, 'membersUsage');
  if ('code' in set) return set;
  const { values, positionals, lang, networkId } = set;
  const [action, userId, role, ...extra] = positionals;
  if (extra.length) return usageError(say('membersUsage', lang));
  if (action === 'list')
    return withStores(lang, env, async (stores) => {
      const members = await stores.memberships.list(networkId);
      if (values.json) return ok(`${JSON.stringify({ network: networkId, members }, null, 2)}\n`);
      if (!members.length) return ok(`${say('membersNone', lang, { network: networkId })}\n`);
      const lines = members.map(
        (m) =>
          `  ${m.userId}  ${m.role}${m.centreId ? ` · ${m.centreId}` : ''} · ${m.grantedAt.slice(0, 10)}`,
      );
      return ok(
        `${say('membersHeader', lang, { network: networkId, count: members.length })}\n${lines.join('\n')}\n`,
      );
    });
  if (action === 'grant' && userId)
    return withStores(lang, env, async (stores) => {
      const centres = await registryCentres(stores, set.content, networkId);
      const known = async (id: string) =>
        centres.some((c) => c.id === id) || set.content.centres.some((c) => c.id === id);
      const place = await placeOf(role, values.centre, known, lang);
      if ('code' in place) return place;
      await stores.memberships.grant({
        networkId,
        userId,
        ...place,
        grantedBy: OPERATOR,
        grantedAt: now.toISOString(),
      });
      return ok(
        `${say('memberGranted', lang, { user: userId, role: place.role, network: networkId })}\n`,
      );
    });
  if (action === 'revoke' && userId && !role)
    return withStores(lang, env, async (stores) =>
      (await stores.memberships.revoke(networkId, userId))
        ? ok(`${say('memberRevoked', lang, { user: userId, network: networkId })}\n`)
        : dataError(say('memberUnknown', lang, { user: userId, network: networkId })),
    );
  return usageError(say('membersUsage', lang));
}
