// The Teams app manifest and its Vietnamese strings. The text lives in plain JSON under
// packages/bot/teams/ so it can be edited (and translated) without touching code; the
// `{{placeholders}}` in the template are filled in here from the packaging settings.

import { fillText } from '@resonet/core';
import template from '../../teams/manifest.template.json';
import viVn from '../../teams/vi-vn.json';
import { type Branding, inLanguage } from '../pack/branding';

/** The values the manifest template leaves open. */
export interface ManifestSettings {
  /** The Teams app id (`id`), a GUID. */
  teamsAppId: string;
  /** The bot's Microsoft App ID (`bots[0].botId`), a GUID. */
  botId: string;
  /** The app version, `major.minor.patch`. */
  version: string;
  websiteUrl: string;
  privacyUrl: string;
  termsOfUseUrl: string;
  /** The pack's name, one-line description, subject and colour (the app's name in Teams). */
  branding: Pick<Branding, 'name' | 'description' | 'about' | 'colour'>;
}

// What the app does, after the pack's own line, in the app's long description.
const DOES = {
  en: 'It answers members’ questions about {about} and walks them through needs assessments one question at a time, in English or Vietnamese. Coordinators can list submitted assessments and see a network summary for each instrument.',
  vi: 'Trợ lý trả lời câu hỏi của thành viên về {about} và hướng dẫn thực hiện đánh giá nhu cầu lần lượt từng câu hỏi, bằng tiếng Anh hoặc tiếng Việt. Điều phối viên có thể xem danh sách các bài đánh giá đã nộp và bản tổng hợp của mạng lưới theo từng bộ công cụ.',
};

/** The manifest's names and descriptions in a language, from the pack's branding. */
function namesIn(
  branding: ManifestSettings['branding'],
  lang: 'en' | 'vi',
): Record<string, string> {
  const name = inLanguage(branding.name, lang);
  const description = inLanguage(branding.description, lang);
  const full = `${name}: ${description}`;
  return {
    nameShort: name,
    nameFull: [...full].length <= 100 ? full : name,
    descriptionShort: description,
    descriptionFull: `${description}. ${fillText(DOES[lang], { about: inLanguage(branding.about, lang) })}`,
  };
}

/** A translation file that goes into the package next to manifest.json. */
export interface Localization {
  languageTag: string;
  file: string;
  strings: Record<string, string>;
}

/** The translations that go beside manifest.json, with the pack's names filled in. */
export function localizations(branding: ManifestSettings['branding']): Localization[] {
  const values = namesIn(branding, 'vi');
  const strings = Object.fromEntries(
    Object.entries(viVn).map(([key, text]) => [
      key,
      text.replace(/\{\{(\w+)\}\}/g, (token, name: string) => values[name] ?? token),
    ]),
  );
  return [{ languageTag: 'vi-vn', file: 'vi-vn.json', strings }];
}

// Teams limits that the JSON schema leaves looser (it allows 128/4000 characters for bot
// commands, while Teams shows at most 32 for a title and 128 for a description).
const LIMITS: [RegExp, number][] = [
  [/^name\.short$/, 30],
  [/^name\.full$/, 100],
  [/^description\.short$/, 80],
  [/^description\.full$/, 4000],
  [/^bots\[0\]\.commandLists\[\d+\]\.commands\[\d+\]\.title$/, 32],
  [/^bots\[0\]\.commandLists\[\d+\]\.commands\[\d+\]\.description$/, 128],
];

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function fill(value: Json, values: Record<string, string>): Json {
  if (typeof value === 'string')
    return value.replace(/\{\{(\w+)\}\}/g, (token, name: string) => values[name] ?? token);
  if (Array.isArray(value)) return value.map((item) => fill(item, values));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, values)]));
  return value;
}

/** Flattens the manifest's translatable strings into localization-file keys. */
function translatable(manifest: TeamsManifest): Record<string, string> {
  const keys: Record<string, string> = {
    'name.short': manifest.name.short,
    'name.full': manifest.name.full,
    'description.short': manifest.description.short,
    'description.full': manifest.description.full,
  };
  manifest.bots.forEach((bot, b) => {
    bot.commandLists.forEach((list, l) => {
      list.commands.forEach((command, c) => {
        keys[`bots[${b}].commandLists[${l}].commands[${c}].title`] = command.title;
        keys[`bots[${b}].commandLists[${l}].commands[${c}].description`] = command.description;
      });
    });
  });
  return keys;
}

/** The parts of the manifest this module reads; the rest is passed through as written. */
export interface TeamsManifest {
  $schema: string;
  manifestVersion: string;
  name: { short: string; full: string };
  description: { short: string; full: string };
  bots: { commandLists: { commands: { title: string; description: string }[] }[] }[];
  [key: string]: unknown;
}

/** Fills in the manifest template. Throws if a placeholder is left without a value. */
export function buildManifest(settings: ManifestSettings): TeamsManifest {
  const { branding, ...urls } = settings;
  const manifest = fill(template as Json, {
    ...urls,
    ...namesIn(branding, 'en'),
    accentColor: branding.colour.toUpperCase(),
  }) as unknown as TeamsManifest;
  const left = JSON.stringify(manifest).match(/\{\{\w+\}\}/g);
  if (left) throw new Error(`manifest template has unfilled placeholders: ${left.join(', ')}`);
  return manifest;
}

/**
 * Problems Teams would reject or truncate that the schema check in the tests does not cover:
 * text too long in either language, translations of strings that do not exist (or missing
 * ones), and a localization file for another manifest version.
 */
export function manifestProblems(
  manifest: TeamsManifest,
  files: readonly Localization[],
): string[] {
  const problems: string[] = [];
  const source = translatable(manifest);
  const checkLength = (where: string, key: string, text: string) => {
    const limit = LIMITS.find(([pattern]) => pattern.test(key))?.[1];
    if (limit !== undefined && [...text].length > limit)
      problems.push(`${where}: "${key}" is longer than ${limit} characters`);
  };
  for (const [key, text] of Object.entries(source)) checkLength('manifest.json', key, text);
  const version = `/v${manifest.manifestVersion}/`;
  for (const { file, strings } of files) {
    if (!strings.$schema?.includes(version))
      problems.push(`${file}: $schema must be for manifest version ${manifest.manifestVersion}`);
    for (const [key, text] of Object.entries(strings)) {
      if (key === '$schema') continue;
      if (!(key in source)) problems.push(`${file}: "${key}" translates nothing in the manifest`);
      else checkLength(file, key, text);
    }
    for (const key of Object.keys(source))
      if (!(key in strings)) problems.push(`${file}: no translation for "${key}"`);
  }
  return problems;
}
