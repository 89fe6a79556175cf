import { z } from 'zod';

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
    RESONET_MAX_BODY_KB: z
      .string()
      .optional()
      .transform((v) => (v === undefined || v === '' ? 256 : Number(v)))
      .refine((v) => Number.isInteger(v) && v >= 16 && v <= 10_240, 'must be 16–10240 (KB)'),
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
    if (!appId && (env.MicrosoftAppPassword || env.MicrosoftAppTenantId))
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppId'],
        message: 'is missing, but MicrosoftAppPassword or MicrosoftAppTenantId is set',
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
  maxBodyBytes: number;
  logLevel: string;
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
            MicrosoftAppId: e.MicrosoftAppId,
            MicrosoftAppPassword: e.MicrosoftAppPassword,
            MicrosoftAppType: e.MicrosoftAppType ?? 'MultiTenant',
            MicrosoftAppTenantId: e.MicrosoftAppTenantId,
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
      maxBodyBytes: e.RESONET_MAX_BODY_KB * 1024,
      logLevel: e.LOG_LEVEL,
    },
  };
}

export const isLoopback = (host: string) =>
  host === 'localhost' || host === '::1' || host.startsWith('127.');
