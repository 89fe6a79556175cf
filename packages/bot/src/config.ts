import { isIP } from 'node:net';
import { z } from 'zod';
import type { StoreChoice } from './storage/stores';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z
  .object({
    MicrosoftAppId: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || GUID.test(v), 'must be the bot’s Microsoft app ID, a GUID'),
    MicrosoftAppPassword: z.string().optional(),
    MicrosoftAppType: z
      .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
        error: 'must be MultiTenant, SingleTenant or UserAssignedMSI',
      })
      .optional(),
    MicrosoftAppTenantId: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || GUID.test(v), 'must be the Microsoft Entra tenant ID, a GUID'),
    PORT: z
      .string()
      .optional()
      .transform((v) => (v === undefined || v === '' ? 3978 : Number(v)))
      .refine((v) => Number.isInteger(v) && v >= 0 && v <= 65535, 'must be a port number, 0–65535'),
    HOST: z.string().trim().optional(),
    RESONET_ALLOW_REMOTE_ANONYMOUS: flag,
    RESONET_COORDINATORS: z.string().optional(),
    RESONET_EXAMPLE_CENTRES: flag,
    RESONET_PACK: z.string().trim().optional(),
    RESONET_UNANSWERED_DAYS: z
      .string()
      .optional()
      .transform((v) => (v === undefined || v === '' ? 90 : Number(v)))
      .refine(
        (v) => Number.isInteger(v) && v >= 0 && v <= 3650,
        'must be a number of days, 0–3650 (0 turns the log off)',
      ),
    RESONET_MAX_BODY_KB: z
      .string()
      .optional()
      .transform((v) => (v === undefined || v === '' ? 256 : Number(v)))
      .refine((v) => Number.isInteger(v) && v >= 16 && v <= 10_240, 'must be 16–10240 (KB)'),
    DATABASE_URL: z
      .string()
      .trim()
      .optional()
      .refine(
        (v) => !v || /^postgres(ql)?:\/\//.test(v),
        'must be a PostgreSQL URL, postgres://user:password@host:5432/database',
      ),
    RESONET_DATA_DIR: z.string().trim().optional(),
    DIRECT_LINE_SECRET: z.string().trim().optional(),
    DIRECT_LINE_ENDPOINT: z
      .string()
      .trim()
      .optional()
      .refine(
        (v) =>
          !v ||
          /^https:\/\/[^/]+\/?$/.test(v) ||
          /^http:\/\/(localhost|127\.[\d.]+)(:\d+)?\/?$/.test(v),
        'must be an https origin such as https://europe.directline.botframework.com',
      ),
    RESONET_WEB_PAGE: flag,
    RESONET_WEB_ORIGINS: z
      .string()
      .optional()
      .transform((v) =>
        (v ?? '')
          .split(',')
          .map((s) => s.trim().replace(/\/$/, ''))
          .filter(Boolean),
      )
      .refine(
        (list) => list.every((o) => /^https:\/\/[^/\s]+$|^http:\/\/localhost(:\d+)?$/.test(o)),
        'must be comma-separated origins such as https://www.example.org',
      ),
    RESONET_STORAGE: z
      .enum(['embedded', 'postgres', 'memory'], {
        error: 'must be embedded, postgres or memory',
      })
      .optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'must be fatal, error, warn, info, debug, trace or silent',
      })
      .optional()
      .default('info'),
  })
  .superRefine((env, ctx) => {
    const appId = env.MicrosoftAppId;
    if (appId && env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword)
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: 'is required when MicrosoftAppId is set (except for UserAssignedMSI)',
      });
    if (
      appId &&
      (env.MicrosoftAppType === 'SingleTenant' || env.MicrosoftAppType === 'UserAssignedMSI') &&
      !env.MicrosoftAppTenantId
    )
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: `is required when MicrosoftAppType is ${env.MicrosoftAppType}`,
      });
    if (env.RESONET_STORAGE === 'postgres' && !env.DATABASE_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message: 'is required when RESONET_STORAGE is postgres',
      });
    if (!appId && (env.MicrosoftAppPassword || env.MicrosoftAppTenantId))
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppId'],
        message: 'is missing, but MicrosoftAppPassword or MicrosoftAppTenantId is set',
      });
    if (!appId && env.DIRECT_LINE_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['DIRECT_LINE_SECRET'],
        message:
          'is set, but the bot has no MicrosoftAppId: Azure’s Direct Line reaches registered bots only (locally the page uses the built-in Direct Line)',
      });
    if (appId && env.RESONET_WEB_PAGE && !env.DIRECT_LINE_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['RESONET_WEB_PAGE'],
        message: 'needs DIRECT_LINE_SECRET, the page’s Direct Line channel secret',
      });
  });

/** The bot's settings, read once at start-up. */
export interface BotConfig {
  /** Without an app ID the bot runs anonymously, for local use. */
  anonymous: boolean;
  auth: {
    MicrosoftAppId?: string;
    MicrosoftAppPassword?: string;
    MicrosoftAppType?: string;
    MicrosoftAppTenantId?: string;
  };
  port: number;
  host: string;
  coordinators: ReadonlySet<string>;
  exampleCentres: boolean;
  /** The content pack served (a folder or an installed package); none: the shipped one. */
  pack?: string;
  /** How long unanswered questions are kept, in days; 0: they are not recorded. */
  unansweredDays: number;
  maxBodyBytes: number;
  logLevel: string;
  /** Where state and results are kept: PostgreSQL with DATABASE_URL, else embedded. */
  store: StoreChoice;
  /** The chat page at / and its Direct Line (docs/web-chat.md). */
  webChat: {
    /** Serve the page: always when anonymous (local Direct Line), else with RESONET_WEB_PAGE. */
    page: boolean;
    /** Azure Direct Line channel secret, exchanged for tokens; never sent to browsers. */
    directLineSecret?: string;
    directLineEndpoint: string;
    /** Other sites that may frame the page and call the token endpoint (CORS). */
    origins: readonly string[];
  };
}

/**
 * Reads the settings from environment variables. Errors name the variable and what is wrong
 * with it, never its value (it may be a secret).
 */
export function readConfig(
  env: Record<string, string | undefined>,
): { ok: true; value: BotConfig } | { ok: false; errors: string[] } {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map(
        (i) => `${String(i.path[0] ?? 'configuration')} ${i.message}`,
      ),
    };
  const e = parsed.data;
  const anonymous = !e.MicrosoftAppId;
  if (anonymous && e.HOST && !isLoopback(e.HOST) && !e.RESONET_ALLOW_REMOTE_ANONYMOUS)
    return {
      ok: false,
      errors: [
        'HOST is not a loopback address, but the bot has no MicrosoftAppId: anyone who can reach it could talk to it. Set MicrosoftAppId, or RESONET_ALLOW_REMOTE_ANONYMOUS=true to allow it knowingly.',
      ],
    };
  const host = e.HOST || (anonymous && !e.RESONET_ALLOW_REMOTE_ANONYMOUS ? '127.0.0.1' : '0.0.0.0');
  return {
    ok: true,
    value: {
      anonymous,
      auth: anonymous
        ? {}
        : {
            MicrosoftAppType: e.MicrosoftAppType ?? 'MultiTenant',
            ...(e.MicrosoftAppId ? { MicrosoftAppId: e.MicrosoftAppId } : {}),
            ...(e.MicrosoftAppPassword ? { MicrosoftAppPassword: e.MicrosoftAppPassword } : {}),
            ...(e.MicrosoftAppTenantId ? { MicrosoftAppTenantId: e.MicrosoftAppTenantId } : {}),
          },
      port: e.PORT,
      host,
      coordinators: new Set(
        (e.RESONET_COORDINATORS ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
      exampleCentres: e.RESONET_EXAMPLE_CENTRES,
      ...(e.RESONET_PACK ? { pack: e.RESONET_PACK } : {}),
      unansweredDays: e.RESONET_UNANSWERED_DAYS,
      maxBodyBytes: e.RESONET_MAX_BODY_KB * 1024,
      logLevel: e.LOG_LEVEL,
      store: storeChoice(e),
      webChat: {
        page: anonymous || e.RESONET_WEB_PAGE,
        ...(e.DIRECT_LINE_SECRET ? { directLineSecret: e.DIRECT_LINE_SECRET } : {}),
        directLineEndpoint: (
          e.DIRECT_LINE_ENDPOINT || 'https://directline.botframework.com'
        ).replace(/\/$/, ''),
        origins: e.RESONET_WEB_ORIGINS,
      },
    },
  };
}

function storeChoice(e: {
  DATABASE_URL?: string | undefined;
  RESONET_DATA_DIR?: string | undefined;
  RESONET_STORAGE?: StoreChoice['kind'] | undefined;
}): StoreChoice {
  const kind = e.RESONET_STORAGE ?? (e.DATABASE_URL ? 'postgres' : 'embedded');
  if (kind === 'memory') return { kind };
  if (kind === 'postgres' && e.DATABASE_URL) return { kind, url: e.DATABASE_URL };
  return { kind: 'embedded', dataDir: e.RESONET_DATA_DIR || '.resonet/data' };
}

/**
 * Whether `host` is a loopback address: `localhost`, 127.0.0.0/8, `::1` or an IPv4-mapped
 * 127 address. Parsed as an address, so a name such as `127.example.org` is not one.
 */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase();
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.split('.')[0] === '127';
  if (isIP(h) === 6) {
    if (h === '::1' || /^(0{0,4}:){7}0{0,3}1$/.test(h)) return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h)?.[1];
    return mapped !== undefined && isIP(mapped) === 4 && mapped.split('.')[0] === '127';
  }
  return false;
}
