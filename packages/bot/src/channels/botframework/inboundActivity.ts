import { z } from 'zod';

// What /api/messages accepts before botbuilder sees it: enough structure that a reply can
// be addressed. Everything else passes through for botbuilder and the handler to read.
const InboundActivitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(256).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
  conversation: z.looseObject({ id: z.string().min(1).max(1024) }),
  from: z.looseObject({ id: z.string().min(1).max(512) }),
  recipient: z.looseObject({ id: z.string().max(512) }).optional(),
  text: z.string().optional(),
  locale: z.string().max(64).optional(),
});

/**
 * Checks a posted activity. The reason names the field and never quotes its value.
 */
export function checkInboundActivity(
  body: unknown,
): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string } {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return { ok: false, reason: 'The body must be a JSON object (a Bot Framework activity).' };
  const parsed = InboundActivitySchema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const path = issue?.path.join('.') || 'activity';
  return {
    ok: false,
    reason: `Invalid activity: ${path} ${issue?.code === 'invalid_type' ? 'is missing or has the wrong type' : 'is not valid'}.`,
  };
}
