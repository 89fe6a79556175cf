// `npm run teams:package`: builds the Teams app package (manifest.json, vi-vn.json and the two
// icons at the root of a zip) for uploading to Teams. See docs/teams.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Result } from '@resonet/core';
import botPackage from '../../package.json';
import { dataError, type Outcome, usageError } from '../cli/outcome';
import type { Branding } from '../pack/branding';
import { readPack } from '../pack/loadPack';
import { formatProblem } from '../pack/problems';
import { SHIPPED_BRANDING } from '../pack/shipped';
import { colorIcon, outlineIcon } from './icons';
import {
  buildManifest,
  localizations,
  type ManifestSettings,
  manifestProblems,
  type TeamsManifest,
} from './manifest';
import { encodePng } from './png';
import { createZip } from './zip';

export const USAGE = `Usage: npm run teams:package -- [options]
       node packages/bot/dist/teams-package.js [options]

Builds the Microsoft Teams app package (a zip with manifest.json, vi-vn.json, color.png and
outline.png) for the resonet bot.

Options:
  --app-id <guid>         The bot's Microsoft App ID (default: $MicrosoftAppId). Required.
  --teams-app-id <guid>   The Teams app id (default: $TEAMS_APP_ID, else the bot's app id).
  --app-version <x.y.z>   The app version (default: $TEAMS_APP_VERSION, else the version in
                          packages/bot/package.json). Raise it for every new upload.
  --out <file>            Where to write the zip (default: packages/bot/build/teams/resonet-teams.zip).
  --pack <dir>            The content pack whose name, description and colour the app takes
                          (default: $RESONET_PACK, else the shipped pack).
  --help, -h              Show this help.

Environment:
  MicrosoftAppId                  The bot's Microsoft App ID (Azure Bot registration).
  TEAMS_APP_ID                    The Teams app id, if it should differ from MicrosoftAppId.
  TEAMS_APP_VERSION               The app version.
  RESONET_PACK                    The content pack (as --pack).
  RESONET_WEBSITE_URL             Developer website (default: https://example.org/resonet).
  RESONET_PRIVACY_URL             Privacy statement (default: https://example.org/resonet/privacy).
  RESONET_TERMS_URL               Terms of use (default: https://example.org/resonet/terms).
`;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The manifest schema's own `semver` pattern: major.minor.patch, no pre-release or build.
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const EXAMPLE_SITE = 'https://example.org/resonet';

const URLS = [
  ['websiteUrl', 'RESONET_WEBSITE_URL', EXAMPLE_SITE],
  ['privacyUrl', 'RESONET_PRIVACY_URL', `${EXAMPLE_SITE}/privacy`],
  ['termsOfUseUrl', 'RESONET_TERMS_URL', `${EXAMPLE_SITE}/terms`],
] as const;

/** The files of the package, in the order they go into the zip. */
export interface TeamsPackage {
  manifest: TeamsManifest;
  files: { name: string; data: Buffer }[];
  zip: Buffer;
}

/** Builds the app package in memory. Throws if the manifest text breaks a Teams limit. */
export function buildTeamsPackage(settings: ManifestSettings): TeamsPackage {
  const manifest = buildManifest(settings);
  const translations = localizations(settings.branding);
  const problems = manifestProblems(manifest, translations);
  if (problems.length) throw new Error(`the manifest has problems:\n  ${problems.join('\n  ')}`);
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
  const files = [
    { name: 'manifest.json', data: json(manifest) },
    ...translations.map(({ file, strings }) => ({ name: file, data: json(strings) })),
    { name: 'color.png', data: encodePng(colorIcon(settings.branding.colour)) },
    { name: 'outline.png', data: encodePng(outlineIcon()) },
  ];
  return { manifest, files, zip: createZip(files) };
}

const nonEmpty = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

type Settings = Result<{ settings: ManifestSettings; notes: string[] }, string>;

/** The branding of the pack given, or the shipped one; or the pack's problems. */
async function packBranding(pack: string | undefined): Promise<Result<Branding, string>> {
  if (!pack) return { ok: true, value: SHIPPED_BRANDING };
  const read = await readPack(pack);
  if (read.ok) return { ok: true, value: read.value.branding };
  const problems = read.error.map((p) => `  ${formatProblem(p)}`).join('\n');
  return { ok: false, error: `The pack "${pack}" has problems:\n${problems}` };
}

/** Reads the packaging settings from the command line and the environment. */
export async function resolveSettings(
  values: { 'app-id'?: string; 'teams-app-id'?: string; 'app-version'?: string; pack?: string },
  env: NodeJS.ProcessEnv,
): Promise<Settings> {
  const branding = await packBranding(nonEmpty(values.pack) ?? nonEmpty(env.RESONET_PACK));
  if (!branding.ok) return branding;
  const appIdFlag = nonEmpty(values['app-id']);
  const botId = appIdFlag ?? nonEmpty(env.MicrosoftAppId);
  if (!botId)
    return {
      ok: false,
      error:
        'The bot id is missing: set MicrosoftAppId to the Microsoft App ID of the Azure Bot ' +
        'registration, or pass --app-id <guid>.',
    };
  if (!GUID.test(botId))
    return {
      ok: false,
      error: `${appIdFlag ? '--app-id' : 'MicrosoftAppId'} "${botId}" is not a GUID: MicrosoftAppId must look like 00000000-0000-0000-0000-000000000000.`,
    };

  const teamsFlag = nonEmpty(values['teams-app-id']);
  const teamsAppId = teamsFlag ?? nonEmpty(env.TEAMS_APP_ID) ?? botId;
  if (!GUID.test(teamsAppId))
    return {
      ok: false,
      error: `${teamsFlag ? '--teams-app-id' : 'TEAMS_APP_ID'} "${teamsAppId}" is not a GUID.`,
    };

  const versionFlag = nonEmpty(values['app-version']);
  // packages/bot is private and still at 0.0.0. That is valid semver and matches the schema's
  // pattern, so it is used as is; set TEAMS_APP_VERSION or --app-version to go higher.
  const version = versionFlag ?? nonEmpty(env.TEAMS_APP_VERSION) ?? botPackage.version;
  if (!SEMVER.test(version))
    return {
      ok: false,
      error: `${versionFlag ? '--app-version' : nonEmpty(env.TEAMS_APP_VERSION) ? 'TEAMS_APP_VERSION' : 'the version in packages/bot/package.json'} "${version}" is not a plain major.minor.patch version as Teams requires.`,
    };

  const notes: string[] = [];
  const urls = {} as Record<(typeof URLS)[number][0], string>;
  for (const [key, name, fallback] of URLS) {
    const value = nonEmpty(env[name]);
    if (!value) notes.push(`note: ${name} is not set; using the example address ${fallback}`);
    const url = value ?? fallback;
    if (!/^https:\/\/[^\s/]+/i.test(url) || !URL.canParse(url) || url.length > 2048)
      return { ok: false, error: `${name} "${url}" must be an https:// address.` };
    urls[key] = url;
  }

  return {
    ok: true,
    value: {
      settings: {
        teamsAppId: teamsAppId.toLowerCase(),
        botId: botId.toLowerCase(),
        version,
        ...urls,
        branding: branding.value,
      },
      notes,
    },
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: false,
    options: {
      help: { type: 'boolean', short: 'h' },
      'app-id': { type: 'string' },
      'teams-app-id': { type: 'string' },
      'app-version': { type: 'string' },
      out: { type: 'string' },
      pack: { type: 'string' },
    },
  });
}

/** Runs the packaging command: writes the zip and returns what to print and the exit code. */
export async function run(
  argv: string[],
  env: NodeJS.ProcessEnv,
  defaultOut: string,
): Promise<Outcome> {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    return usageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (values.help) return { code: 0, out: USAGE, err: '' };

  const resolved = await resolveSettings(values, env);
  if (!resolved.ok) return dataError(resolved.error);
  const { settings, notes } = resolved.value;

  let built: TeamsPackage;
  try {
    built = buildTeamsPackage(settings);
  } catch (error) {
    return dataError((error as Error).message);
  }
  const out = resolve(nonEmpty(values.out) ?? defaultOut);
  try {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, built.zip);
  } catch (error) {
    return dataError(`Could not write ${out}: ${(error as Error).message}`);
  }
  const shown = relative(process.cwd(), out);
  return {
    code: 0,
    out:
      `Wrote ${shown && !shown.startsWith('..') ? shown : out} (${built.zip.length} bytes): ` +
      `${built.files.map((f) => f.name).join(', ')}\n` +
      `  Teams app id ${settings.teamsAppId}, bot id ${settings.botId}, version ${settings.version}\n`,
    err: notes.length ? `${notes.join('\n')}\n` : '',
  };
}

/** Runs the command for the teams-package script: prints and sets the exit code. */
export async function main(argv: string[], defaultOut: string): Promise<void> {
  const outcome = await run(argv, process.env, defaultOut);
  if (outcome.out) process.stdout.write(outcome.out);
  if (outcome.err)
    process.stderr.write(outcome.err.endsWith('\n') ? outcome.err : `${outcome.err}\n`);
  process.exitCode = outcome.code;
}
