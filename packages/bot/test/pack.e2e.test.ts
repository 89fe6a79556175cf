// A partner's own network, as a partner would bring it: `resonet pack init` → `pack check` →
// `resonet serve --pack`, and the page in Chromium. Nothing a member of that network sees
// may name the shipped networks.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGS } from '../src/i18n/catalog';
import { choose, chromiumAvailability, launchChromium, screenshotDir } from './support/browser';
import { assertBuilt, type BotProcess, runCli, startBot } from './support/processes';

const availability = chromiumAvailability();
const required = Boolean(process.env.CI);
if (!availability.ok && !required)
  console.warn(`Skipping the browser tests of a partner's pack. ${availability.reason}`);

const en = CATALOGS.en;
const NAME = 'Mekong Example Network';
const SHIPPED = /Treatnet|ITTC|UNODC/i;

const cards = (page: Page) => page.locator('.ac-adaptiveCard');
const lastCard = (page: Page) => cards(page).last();

let folder: string;
let bot: BotProcess | undefined;
let browser: Browser | undefined;

/** Clicks a button of the newest card and waits for the bot's next card. */
async function click(page: Page, name: string) {
  const before = await cards(page).count();
  await lastCard(page).getByRole('button', { name, exact: true }).click();
  await expect.poll(() => cards(page).count(), { timeout: 15_000 }).toBeGreaterThan(before);
}

/** Every card's text so far, none of which may name the shipped networks. */
async function assertOwnWords(page: Page) {
  for (const text of await cards(page).allTextContents()) expect(text).not.toMatch(SHIPPED);
  expect(await page.locator('header.bar').textContent()).not.toMatch(SHIPPED);
  expect(await page.title()).not.toMatch(SHIPPED);
}

describe.skipIf(!availability.ok && !required)('a partner’s pack, from init to the page', () => {
  beforeAll(async () => {
    if (!availability.ok) throw new Error(availability.reason);
    assertBuilt();
    folder = join(mkdtempSync(join(tmpdir(), 'resonet-pack-')), 'mekong');
    const init = runCli(['pack', 'init', folder, '--name', NAME]);
    expect(init.status, init.stderr).toBe(0);
    const check = runCli(['pack', 'check', folder]);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toContain('is valid');
    bot = await startBot({ PORT: '0' }, ['--pack', folder]);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    bot?.child.kill('SIGTERM');
    await bot?.exited;
    rmSync(join(folder, '..'), { recursive: true, force: true });
  });

  it('shows the pack’s name, answers from its knowledge and completes its instrument', async () => {
    if (!browser || !bot) throw new Error('not started');
    const context = await browser.newContext({
      viewport: { width: 900, height: 760 },
      locale: 'en-US',
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${bot.url}/`);
    await expect.poll(() => page.locator('header h1').textContent()).toBe(NAME);
    await expect
      .poll(() => lastCard(page).textContent(), { timeout: 15_000 })
      .toContain(`I am the ${NAME} assistant`);

    // One of the pack's own knowledge entries, asked in the member's words.
    await page.locator('[data-id="webchat-sendbox-input"]').fill(`what is the ${NAME}`);
    await page.locator('[data-id="webchat-sendbox-input"]').press('Enter');
    await expect
      .poll(() => lastCard(page).textContent(), { timeout: 15_000 })
      .toContain('is a network of centres');
    // Cited by the file's title, never as a file name that would read as a web address.
    expect(await lastCard(page).textContent()).toContain('Sources: What is the network');
    expect(await lastCard(page).textContent()).not.toContain('§');
    expect(await lastCard(page).locator('a').count()).toBe(0);
    await page.screenshot({ path: join(screenshotDir(), 'pack-01-answer.png') });

    // Its instrument, start to results, choosing one of its (example) centres.
    await page.getByRole('button', { name: en.startAssessment, exact: true }).last().click();
    await expect
      .poll(() => lastCard(page).textContent(), { timeout: 15_000 })
      .toContain(en.chooseInstrument);
    await click(page, 'Centre check-in (example)');
    await lastCard(page).locator('select').selectOption('example-centre-north');
    await click(page, en.answer);
    await lastCard(page).locator('input[type="number"]').fill('12');
    await click(page, en.answer);
    await choose(lastCard(page).locator('input[type="radio"]').first());
    await click(page, en.answer);
    await lastCard(page)
      .locator('textarea, input.ac-textInput')
      .first()
      .fill('Example: supervision');
    await click(page, en.answer);
    expect(await lastCard(page).textContent()).toContain(en.review);
    await click(page, en.submit);
    expect(await lastCard(page).textContent()).toContain(
      `${en.results}: Centre check-in (example)`,
    );
    await page.screenshot({ path: join(screenshotDir(), 'pack-02-results.png') });

    // An unknown question offers the pack's own topics.
    await page.locator('[data-id="webchat-sendbox-input"]').fill('what is the price of gold');
    await page.locator('[data-id="webchat-sendbox-input"]').press('Enter');
    await expect
      .poll(() => lastCard(page).textContent(), { timeout: 15_000 })
      .toContain(`I only answer questions about ${NAME}`);
    await assertOwnWords(page);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('speaks Vietnamese from the pack’s own texts, still naming no other network', async () => {
    if (!browser || !bot) throw new Error('not started');
    const context = await browser.newContext({
      viewport: { width: 900, height: 760 },
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    await page.goto(`${bot.url}/`);
    await page.getByRole('button', { name: 'Tiếng Việt', exact: true }).first().click();
    await expect.poll(() => page.locator('header h1').textContent()).toBe(NAME);
    await page
      .locator('[data-id="webchat-sendbox-input"]')
      .fill('Làm sao để liên hệ với mạng lưới?');
    await page.locator('[data-id="webchat-sendbox-input"]').press('Enter');
    await expect
      .poll(() => lastCard(page).textContent(), { timeout: 15_000 })
      .toContain('Hãy liên hệ văn phòng mạng lưới');
    await assertOwnWords(page);
    await context.close();
  }, 60_000);
});

describe.skipIf(!availability.ok && !required)('the example pack’s page', () => {
  let example: BotProcess | undefined;
  let chromium: Browser | undefined;
  beforeAll(async () => {
    if (!availability.ok) throw new Error(availability.reason);
    const folder = fileURLToPath(new URL('../../../examples/highlands-network', import.meta.url));
    example = await startBot({ PORT: '0' }, ['--pack', folder]);
    chromium = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await chromium?.close();
    example?.child.kill('SIGTERM');
    await example?.exited;
  });

  it('shows its logo and colour, and cites its charter by title', async () => {
    if (!chromium || !example) throw new Error('not started');
    const context = await chromium.newContext({
      viewport: { width: 900, height: 700 },
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    await page.goto(`${example.url}/`);
    const logo = page.locator('header.bar img');
    expect(await logo.getAttribute('src')).toBe('/logo.svg');
    await expect
      .poll(() => logo.evaluate((img: { naturalWidth: number }) => img.naturalWidth))
      .toBeGreaterThan(0);
    expect(
      await page.evaluate<string>(
        `getComputedStyle(document.querySelector('header.bar')).backgroundColor`,
      ),
    ).toBe('rgb(47, 93, 80)');
    await page.getByRole('button', { name: 'Tiếng Việt', exact: true }).first().click();
    await expect
      .poll(() => page.locator('header.bar h1').textContent())
      .toBe('Trợ lý Mạng lưới Cao nguyên');
    await page.locator('[data-id="webchat-sendbox-input"]').fill('Ai có thể tham gia mạng lưới?');
    await page.locator('[data-id="webchat-sendbox-input"]').press('Enter');
    await expect
      .poll(() => lastCard(page).textContent(), { timeout: 15_000 })
      .toContain('Điều lệ Mạng lưới Cao nguyên Ví dụ (giả định) § Thành viên');
    await page.screenshot({ path: join(screenshotDir(), 'pack-03-example-vi.png') });
    await assertOwnWords(page);
    await context.close();
  }, 60_000);
});
