import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Locator } from 'playwright-core';

/**
 * Debian's Chromium (`apt-get install chromium`; .ci/run installs it). Browsers are never
 * downloaded: playwright-core drives the system one. CHROMIUM_PATH overrides the path.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Whether the browser tests can run. Without Chromium they fail under CI (CI installs it)
 * and are skipped elsewhere, saying why.
 */
export function chromiumAvailability(): { ok: true } | { ok: false; reason: string } {
  if (existsSync(CHROMIUM)) return { ok: true };
  return {
    ok: false,
    reason: `Chromium is not installed at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH) to run the browser tests.`,
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/** Where the browser tests put their screenshots (git-ignored). */
export function screenshotDir(): string {
  const dir = join(root, '.test-output', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The committed screenshots the README shows, refreshed with UPDATE_SCREENSHOTS=1. */
export const DOCS_IMAGES = join(root, 'docs', 'img');
export const DOCS_SCREENSHOT = join(DOCS_IMAGES, 'web-chat.png');

/**
 * Checks a choice as a member would. Web Chat re-renders a card when later activities land
 * (a reconnect's welcome, the typing indicator going away), which can undo a click made in
 * that moment, so the click is repeated until the choice holds.
 */
export async function choose(input: Locator) {
  for (let attempt = 1; ; attempt++) {
    try {
      await input.check({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
