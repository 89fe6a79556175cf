import { IdSchema, type LocalizedText, LocalizedTextSchema } from '@resonet/core';
import * as z from 'zod';

/** A document a pack's facts cite, shown by its title ("Example Network charter § Membership"). */
export const PackDocumentSchema = z
  .object({
    /** As cited in a source's `document`: a file name or an https address. */
    file: z.string().trim().min(1),
    title: LocalizedTextSchema,
    language: z.enum(['en', 'vi']).default('en'),
    /** Where members can read it; only https addresses are shown as links. */
    url: z.url({ protocol: /^https$/ }).optional(),
    /** Its sections' names in other languages, by the name sources give them ("Members"). */
    sections: z.record(z.string(), LocalizedTextSchema).optional(),
  })
  .strict();

// The branding checks' words. The schema carries the English (as zod reports it); a pack
// checked in Vietnamese gets the Vietnamese, looked up by the English.
const MESSAGES = {
  nameLength: {
    en: 'must be at most 30 characters in each language: Teams shows no more',
    vi: 'tối đa 30 ký tự mỗi ngôn ngữ: Teams không hiển thị dài hơn',
  },
  descriptionLength: {
    en: 'must be at most 80 characters in each language: it is one line, and Teams shows no more',
    vi: 'tối đa 80 ký tự mỗi ngôn ngữ: đây là một dòng, và Teams không hiển thị dài hơn',
  },
  colourForm: {
    en: 'must be a colour such as #1f5f8b',
    vi: 'phải là một màu dạng #1f5f8b',
  },
  colourContrast: {
    en: 'is too light: white text on it would be hard to read (contrast below 4.5:1); choose a darker colour',
    vi: 'quá sáng: chữ trắng trên màu này khó đọc (độ tương phản dưới 4,5:1); hãy chọn màu đậm hơn',
  },
  logoFile: {
    en: 'must be the name of a .png or .svg file beside pack.yaml',
    vi: 'phải là tên một tệp .png hoặc .svg nằm cạnh pack.yaml',
  },
} as const;

const byEnglish = new Map<string, string>(Object.values(MESSAGES).map((m) => [m.en, m.vi]));

/** A branding check's message in the language asked (others pass through unchanged). */
export const brandingMessage = (message: string, lang: string): string =>
  (lang === 'vi' ? byEnglish.get(message) : undefined) ?? message;

/** The WCAG contrast ratio of white text on a colour given as #rrggbb. */
export function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

/**
 * What a pack says about itself (pack.yaml): the names and words members see, its colour
 * and logo, the topics offered when a question is not understood, the languages it speaks
 * and the documents its facts cite.
 */
export const BrandingSchema = z
  .object({
    /** The assistant's name, in the page's header and in Teams (which shows 30 characters). */
    name: LocalizedTextSchema.refine(
      (text) => Object.values(text).every((v) => [...(v ?? '')].length <= 30),
      MESSAGES.nameLength.en,
    ),
    /** One line under the name (Teams' short description: 80 characters). */
    description: LocalizedTextSchema.refine(
      (text) => Object.values(text).every((v) => [...(v ?? '')].length <= 80),
      MESSAGES.descriptionLength.en,
    ),
    /** The first message of a conversation. */
    welcome: LocalizedTextSchema,
    /** What the bot answers about, in a sentence: "I only answer questions about {about}". */
    about: LocalizedTextSchema,
    /** Up to three example questions, offered to members who do not know what to ask. */
    examples: z.array(LocalizedTextSchema).max(3).default([]),
    /** Buttons and the page's header; white text on it must stay readable (contrast ≥ 4.5). */
    colour: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, MESSAGES.colourForm.en)
      .refine((c) => contrastWithWhite(c) >= 4.5, MESSAGES.colourContrast.en)
      .default('#1f5f8b'),
    /** A .png or .svg file beside pack.yaml. */
    logo: z
      .string()
      .regex(/^[\w.-]+\.(png|svg)$/, MESSAGES.logoFile.en)
      .optional(),
    /** Knowledge entries offered as topics, by id; none: the first entries of the pack. */
    topics: z.array(IdSchema).max(8).default([]),
    languages: z
      .array(z.enum(['en', 'vi']))
      .min(1)
      .default(['en', 'vi']),
    documents: z.array(PackDocumentSchema).default([]),
    /** Whether members may choose their centre from the registry without an invite. */
    openJoining: z.boolean().default(false),
    /** Made-up content for demos and tests. */
    example: z.boolean().optional(),
  })
  .strict();

/** A pack's branding, as read. */
export type Branding = z.output<typeof BrandingSchema>;

/** A text in the language asked, or English. */
export const inLanguage = (text: LocalizedText, lang: string) =>
  (lang === 'vi' ? text.vi : undefined) ?? text.en;
