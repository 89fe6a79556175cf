import type { Result } from '@resonet/core';
import { z } from 'zod';
import { hasControl } from '../../http/requestBody';

/** An id: keys of stored state are made of them, so control characters are refused. */
const Id = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((s) => !hasControl(s), 'contains control characters');

// What /api/messages accepts before botbuilder sees it: enough structure that a reply can
// be addressed. Everything else passes through for botbuilder and the handler to read.
const InboundActivitySchema = z.looseObject({
  type: Id(1, 64),
  id: Id(0, 256).optional(),
  channelId: Id(1, 64),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
  conversation: z.looseObject({ id: Id(1, 1024) }),
  from: z.looseObject({ id: Id(1, 512), aadObjectId: Id(0, 128).optional() }),
  recipient: z.looseObject({ id: z.string().max(512) }).optional(),
  // Fields botbuilder and the Teams handler read as lists of objects.
  membersAdded: z
    .array(z.looseObject({ id: z.string().max(512) }))
    .max(256)
    .optional(),
  membersRemoved: z
    .array(z.looseObject({ id: z.string().max(512) }))
    .max(256)
    .optional(),
  entities: z
    .array(z.looseObject({ type: z.string().max(128) }))
    .max(64)
    .optional(),
  attachments: z.array(z.looseObject({})).max(32).optional(),
  channelData: z.looseObject({}).optional(),
  text: z.string().optional(),
  locale: z.string().max(64).optional(),
});

/**
 * Checks a posted activity. The error names the field and never quotes its value.
 */
export function checkInboundActivity(body: unknown): Result<Record<string, unknown>, string> {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return { ok: false, error: 'The body must be a JSON object (a Bot Framework activity).' };
  const parsed = InboundActivitySchema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const path = issue?.path.join('.') || 'activity';
  return {
    ok: false,
    error: `Invalid activity: ${path} ${
      issue?.code === 'invalid_type'
        ? 'is missing or has the wrong type'
        : issue?.code === 'custom'
          ? issue.message
          : 'is not valid'
    }.`,
  };
}
