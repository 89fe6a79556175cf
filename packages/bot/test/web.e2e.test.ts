// The chat page end to end: the real bot server (anonymous mode, local Direct Line) and the
// page in Debian's Chromium, driven by playwright-core. Screenshots go to
// .test-output/screenshots; UPDATE_SCREENSHOTS=1 also refreshes docs/img/web-chat.png.

import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { localize } from '@resonet/core';
import { centreTrainingNeeds, ittcTechnologyTransferNeeds } from '@resonet/fixtures';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import { CATALOGS, t } from '../src/i18n/catalog';
import { createLogger } from '../src/log';
import { SHIPPED_BRANDING } from '../src/pack/shipped';
import { type RunningServer, startServer } from '../src/server';
import { MemoryMemberStore } from '../src/storage/members';
import { MemoryResultStore } from '../src/storage/results';
import { LogCapture } from './support/bot';
import {
  choose,
  chromiumAvailability,
  DOCS_IMAGES,
  DOCS_SCREENSHOT,
  launchChromium,
  screenshotDir,
} from './support/browser';

const availability = chromiumAvailability();
const required = Boolean(process.env.CI);
if (!availability.ok && !required)
  console.warn(`Skipping the browser tests of the chat page. ${availability.reason}`);

const en = CATALOGS.en;
const vi = CATALOGS.vi;
const TRAINING_TITLE = localize(centreTrainingNeeds.title, 'en');
const ITTC_TITLE = localize(ittcTechnologyTransferNeeds.title, 'en');

const results = new MemoryResultStore();
let bot: RunningServer;
let browser: Browser;
// The stores outlive a restart of the server, as the embedded database or PostgreSQL do.
const members = new MemoryMemberStore(results);
let context: BrowserContext | undefined;
const logs = new LogCapture();
/** Errors the pages reported (script errors, console errors such as CSP violations). */
let problems: string[] = [];

async function openPage(viewport = { width: 900, height: 700 }): Promise<Page> {
  context = await browser.newContext({ viewport, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => {
    if (!/^(data:|blob:)/.test(request.url()) && !request.url().startsWith(bot.url))
      problems.push(`request outside the bot: ${request.url()}`);
  });
  await page.goto(`${bot.url}/`);
  return page;
}

const cards = (page: Page) => page.locator('.ac-adaptiveCard');
const lastCard = (page: Page) => cards(page).last();
const sendBox = (page: Page) => page.locator('[data-id="webchat-sendbox-input"]');

/** Clicks a button of the newest card and waits for the bot's next card. */
async function clickInLastCard(page: Page, name: string) {
  const before = await cards(page).count();
  await lastCard(page).getByRole('button', { name, exact: true }).click();
  await expect.poll(() => cards(page).count(), { timeout: 15_000 }).toBeGreaterThan(before);
}

/** Fills the newest question card the way a member would: first choice, a date, some text. */
async function fillQuestion(page: Page) {
  const card = lastCard(page);
  const radio = card.locator('input[type="radio"]');
  const checkbox = card.locator('input[type="checkbox"]');
  const number = card.locator('input[type="number"]');
  const date = card.locator('input[type="date"]');
  const text = card.locator('input.ac-textInput, textarea');
  if (await radio.count()) await choose(radio.first());
  else if (await checkbox.count()) await choose(checkbox.first());
  else if (await number.count())
    await number.first().fill((await number.first().getAttribute('min')) ?? '1');
  else if (await date.count()) await date.first().fill('2026-01-15');
  else await text.first().fill('Example: more clinical supervision');
}

/** From the welcome, the Start button, to the list of instruments. */
async function toInstruments(page: Page) {
  await expect
    .poll(() => lastCard(page).textContent(), { timeout: 15_000 })
    .toContain(SHIPPED_BRANDING.welcome.en);
  await page.getByRole('button', { name: en.startAssessment, exact: true }).last().click();
  await expect
    .poll(() => lastCard(page).textContent(), { timeout: 15_000 })
    .toContain(en.chooseInstrument);
}

/** The bot, on a port of its own or the one given (a restart), over the shared stores. */
async function serve(port = '0'): Promise<RunningServer> {
  const config = readConfig({
    PORT: port,
    RESONET_EXAMPLE_CENTRES: 'true',
    RESONET_STORAGE: 'memory',
  });
  if (!config.ok) throw new Error(config.errors.join('; '));
  return startServer({
    config: config.value,
    log: createLogger('info', logs),
    results,
    members,
  });
}

/** Every button and choice of a card is at least 44 × 44 px; a choice counts with its label. */
async function assertTargets(card: ReturnType<Page['locator']>) {
  for (const button of await card.locator('button').all()) {
    const box = await button.boundingBox();
    expect(box?.height, `button ${await button.textContent()}`).toBeGreaterThanOrEqual(44);
    expect(box?.width).toBeGreaterThanOrEqual(44);
  }
  for (const choice of await card.locator('input[type="radio"], input[type="checkbox"]').all()) {
    const id = await choice.getAttribute('id');
    const label = card.locator(`label[for="${id}"]`);
    const box = await label.boundingBox();
    expect(box?.height, `choice ${await label.textContent()}`).toBeGreaterThanOrEqual(44);
  }
  for (const field of await card
    .locator('input.ac-textInput, input.ac-numberInput, input.ac-dateInput, select')
    .all())
    expect((await field.boundingBox())?.height).toBeGreaterThanOrEqual(44);
}

const save = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshotDir(), name), animations: 'disabled' });

describe.skipIf(!availability.ok && !required)('the chat page in Chromium', () => {
  beforeAll(async () => {
    if (!availability.ok) throw new Error(availability.reason);
    bot = await serve();
    browser = await launchChromium();
  }, 60_000);
  afterEach(async () => {
    await context?.close();
    context = undefined;
    const reported = problems;
    problems = [];
    expect(reported).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.close();
  });

  it('welcomes, answers a Vietnamese question in Vietnamese, and runs the training-needs assessment to its results', async () => {
    const page = await openPage();
    await expect
      .poll(() => lastCard(page).textContent(), { timeout: 15_000 })
      .toContain(SHIPPED_BRANDING.welcome.en);
    await save(page, '01-welcome.png');

    // A question typed in Vietnamese: the user's message is echoed, the answer is Vietnamese.
    await sendBox(page).fill('Treatnet là gì?');
    await sendBox(page).press('Enter');
    await expect
      .poll(() => lastCard(page).textContent(), { timeout: 15_000 })
      .toContain(`${vi.sources}:`);
    expect(await lastCard(page).textContent()).toMatch(/Treatnet là/);
    await expect
      .poll(() => page.locator('.webchat__bubble--from-user').last().textContent())
      .toContain('Treatnet là gì?');
    expect(await page.getByText(/send failed|không gửi được/i).count()).toBe(0);
    await save(page, '02-answer-vi.png');
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      mkdirSync(dirname(DOCS_SCREENSHOT), { recursive: true });
      copyFileSync(join(screenshotDir(), '02-answer-vi.png'), DOCS_SCREENSHOT);
    }

    // The assessment, by clicking the cards' buttons.
    await page.getByRole('button', { name: en.startAssessment, exact: true }).last().click();
    await expect
      .poll(() => lastCard(page).textContent(), { timeout: 15_000 })
      .toContain(en.chooseInstrument);
    await clickInLastCard(page, TRAINING_TITLE);
    expect(await lastCard(page).textContent()).toContain(en.chooseCentre);
    await lastCard(page).locator('select').selectOption('example-resource-centre-vn');
    await clickInLastCard(page, en.answer);

    let wentBack = false;
    let questions = 0;
    for (let guard = 0; guard < 60; guard++) {
      const text = (await lastCard(page).textContent()) ?? '';
      if (text.includes(en.review)) break;
      const at = /Question (\d+) of (\d+)/.exec(text);
      expect(at, `expected a question card, got: ${text.slice(0, 200)}`).not.toBeNull();
      if (at?.[1] === '4' && !wentBack) {
        wentBack = true;
        await clickInLastCard(page, en.back);
        expect(await lastCard(page).textContent()).toContain('Question 3 of');
        continue;
      }
      if (at?.[1] === '1') expect(text).toContain('2. Disagree'); // numbered, not a Markdown list
      if (at?.[1] === '2') await save(page, '03-question.png');
      // Every kind of input (choices, several choices, numbers, dates, text) is a 44 px
      // target, and a set of choices is a group named by its question.
      await assertTargets(lastCard(page));
      const boxes = lastCard(page).locator('input[type="checkbox"]');
      if (await boxes.count()) {
        const question = await lastCard(page)
          .locator('label.ac-richTextBlock')
          .first()
          .textContent();
        expect(
          await lastCard(page)
            .getByRole('group', { name: question?.trim() ?? '' })
            .count(),
        ).toBe(1);
      }
      await fillQuestion(page);
      await clickInLastCard(page, en.answer);
      questions++;
    }
    expect(wentBack).toBe(true);
    expect(questions).toBeGreaterThan(15);
    expect(await lastCard(page).textContent()).toContain(en.review);

    await clickInLastCard(page, en.submit);
    const result = (await lastCard(page).textContent()) ?? '';
    expect(result).toContain(`${en.results}: ${TRAINING_TITLE}`);
    // Where to go next is on the results card: an ending is never a dead end.
    expect(
      await lastCard(page).getByRole('button', { name: en.startAssessment, exact: true }).count(),
    ).toBe(1);
    expect(await page.getByText(en.submitted).count()).toBeGreaterThan(0);
    await lastCard(page).scrollIntoViewIfNeeded();
    await save(page, '04-results.png');
    const stored = await results.query();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.instrumentId).toBe(centreTrainingNeeds.id);
    expect(stored[0]?.centreId).toBe('example-resource-centre-vn');
  }, 120_000);

  it('starts a new conversation by itself when the bot restarts, and the open assessment is still there', async () => {
    const page = await openPage();
    await toInstruments(page);
    await clickInLastCard(page, TRAINING_TITLE);
    await lastCard(page).locator('select').selectOption('example-resource-centre-vn');
    await clickInLastCard(page, en.answer);
    for (let n = 0; n < 2; n++) {
      await fillQuestion(page);
      await clickInLastCard(page, en.answer);
    }
    expect(await lastCard(page).textContent()).toContain('Question 3 of');

    // The bot restarts on the same address: its Direct Line conversations are gone, the
    // member's state is not.
    const port = new URL(bot.url).port;
    await bot.close();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    bot = await serve(port);

    const status = page.locator('#status');
    await expect
      .poll(() => status.textContent(), { timeout: 30_000 })
      .toContain('a new conversation has started');
    expect(await status.isVisible()).toBe(true);
    await expect
      .poll(() => lastCard(page).textContent(), { timeout: 15_000 })
      .toContain(SHIPPED_BRANDING.welcome.en);
    await save(page, '05-reconnected.png');
    await clickInLastCard(page, en.continueAssessment);
    expect(await lastCard(page).textContent()).toContain('Question 3 of');
    await fillQuestion(page);
    await clickInLastCard(page, en.answer);
    expect(await lastCard(page).textContent()).toContain('Question 4 of');
    expect(await page.getByText(/send failed|không gửi được/i).count()).toBe(0);
    // The notice closes, and speaks the page's language.
    await page.getByRole('button', { name: 'Vietnamese' }).count();
    await page.locator('button[data-lang="vi"]').click();
    expect(await status.textContent()).toContain('đã mở một phiên trò chuyện mới');
    await page.locator('#reload').click();
    expect(await status.isVisible()).toBe(false);
    // What the browser reported while the bot was away is expected here, nothing else.
    problems = problems.filter(
      (p) => !/ERR_CONNECTION_REFUSED|status of 404|status of 502|Failed to fetch/.test(p),
    );
  }, 120_000);

  it('switches the page and the bot between English and Tiếng Việt', async () => {
    const page = await openPage();
    await expect
      .poll(() => lastCard(page).textContent(), { timeout: 15_000 })
      .toContain(SHIPPED_BRANDING.welcome.en);
    const header = page.locator('header');
    await header.getByRole('button', { name: 'Tiếng Việt' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('vi');
    expect(
      await header.getByRole('button', { name: 'Tiếng Việt' }).getAttribute('aria-pressed'),
    ).toBe('true');
    expect(await header.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    expect(await page.title()).toContain('trò chuyện');
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toContain(
      'Mạng lưới ITTC',
    );
    await expect
      .poll(() => page.getByText(vi.languageSet).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    // Web Chat's own words follow the locale.
    expect(await sendBox(page).getAttribute('placeholder')).not.toBe('Type your message');
    await save(page, '05-vietnamese.png');

    // The bot's own language button (on the welcome card help shows) keeps the page in step.
    await sendBox(page).fill('trợ giúp');
    await sendBox(page).press('Enter');
    await expect
      .poll(
        () => page.getByText(t('vi', 'help', { about: SHIPPED_BRANDING.about.vi ?? '' })).count(),
        {
          timeout: 15_000,
        },
      )
      .toBeGreaterThan(0);
    await lastCard(page).getByRole('button', { name: vi.language, exact: true }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect
      .poll(() => page.getByText(en.languageSet).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(await header.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  }, 60_000);

  it('fits a phone screen (375 × 740)', async () => {
    const page = await openPage({ width: 375, height: 740 });
    await toInstruments(page);
    // Page scripts are given as text: the tests are type-checked without the DOM library.
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    for (const locator of [
      page.locator('header').getByRole('button', { name: 'English' }),
      page.locator('header').getByRole('button', { name: 'Tiếng Việt' }),
      sendBox(page),
      lastCard(page),
    ]) {
      const box = await locator.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 375).toBe(true);
    }
    const buttons = page.locator('header button');
    for (const button of await buttons.all())
      expect((await button.boundingBox())?.height).toBeGreaterThanOrEqual(44);
    await save(page, '06-phone.png');
  }, 60_000);

  it('works with the keyboard alone: Tab reaches the language switch and the message box, Enter sends', async () => {
    const page = await openPage();
    await expect
      .poll(() => lastCard(page).textContent(), { timeout: 15_000 })
      .toContain(SHIPPED_BRANDING.welcome.en);
    const reached: string[] = [];
    let outline = '';
    for (let presses = 0; presses < 30 && !reached.includes('sendbox'); presses++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate<{ name: string; outline: string }>(`(() => {
        const element = document.activeElement;
        if (!element) return { name: '', outline: '' };
        const style = getComputedStyle(element);
        return {
          name:
            element.dataset.lang ??
            (element.dataset.id === 'webchat-sendbox-input' ? 'sendbox' : element.tagName),
          outline: style.outlineStyle + ' ' + style.outlineWidth,
        };
      })()`);
      reached.push(focused.name);
      if (focused.name === 'vi') {
        outline = focused.outline;
        await page.keyboard.press('Enter');
        // Web Chat re-renders in Vietnamese and the bot answers; then on with Tab.
        await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('vi');
        await expect
          .poll(() => page.getByText(vi.languageSet).count(), { timeout: 15_000 })
          .toBeGreaterThan(0);
      }
    }
    expect(reached).toContain('en');
    expect(reached).toContain('vi');
    expect(reached).toContain('sendbox');
    expect(outline).toMatch(/^solid [2-9]/);
    await page.keyboard.type('Ai điều phối Treatnet?');
    await expect.poll(() => sendBox(page).inputValue()).toBe('Ai điều phối Treatnet?');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.webchat__bubble--from-user').last().textContent())
      .toContain('Ai điều phối Treatnet?');
    await expect
      .poll(() => lastCard(page).textContent(), { timeout: 15_000 })
      .toContain(`${vi.sources}:`);
  }, 60_000);

  it('gives every card control a 44 px target and a label, at 390 and 1280 px wide, and shows results as a chart', async () => {
    for (const width of [390, 1280]) {
      await context?.close();
      const page = await openPage({ width, height: 900 });
      await toInstruments(page);
      await clickInLastCard(page, ITTC_TITLE);
      // The centre card: its list and its text box are labelled.
      const centre = lastCard(page);
      expect(await centre.getByRole('combobox', { name: en.centreListLabel }).count()).toBe(1);
      expect(await centre.getByRole('textbox', { name: en.centreNameLabel }).count()).toBe(1);
      await assertTargets(centre);
      await centre.locator('select').selectOption('example-resource-centre-vn');
      await clickInLastCard(page, en.answer);
      // The first question (yes/no), then rated questions; each is a labelled group of
      // labelled choices, with one primary button and a row of ways to move.
      for (let n = 0; n < 4; n++) {
        const card = lastCard(page);
        const question =
          (await card
            .locator('label.ac-richTextBlock, label.ac-textBlock')
            .first()
            .textContent()) ?? '';
        expect(question.length).toBeGreaterThan(10);
        expect(await card.getByRole('radiogroup', { name: question.trim() }).count()).toBe(1);
        for (const radio of await card.getByRole('radio').all())
          expect((await radio.getAttribute('aria-label'))?.trim()).toMatch(/^\d+\. \S/);
        await assertTargets(card);
        const primary = card.locator('[id="primary"] button');
        expect(await primary.count()).toBe(1);
        const row = await card.locator('[id="navigation"] button').all();
        expect(row.length).toBeGreaterThanOrEqual(2);
        // Side by side, not stacked: the ways to move share lines (at most two).
        const tops = await Promise.all(row.map(async (b) => (await b.boundingBox())?.y ?? 0));
        const lines = new Set(tops.map(Math.round)).size;
        expect(lines).toBeLessThan(row.length);
        expect(lines).toBeLessThanOrEqual(2);
        if (width === 390 && n === 1) await save(page, '07-question-390.png');
        if (width === 390 && n === 1 && process.env.UPDATE_SCREENSHOTS === '1')
          await card.screenshot({
            path: join(DOCS_IMAGES, 'question-card.png'),
            animations: 'disabled',
          });
        await choose(card.getByRole('radio').last());
        await clickInLastCard(page, en.answer);
      }
      // To the end, answering on.
      for (let guard = 0; guard < 40; guard++) {
        if (((await lastCard(page).textContent()) ?? '').includes(en.review)) break;
        await fillQuestion(page);
        await clickInLastCard(page, en.answer);
      }
      await clickInLastCard(page, en.submit);
      const result = lastCard(page);
      const chart = result.getByRole('img');
      expect(await chart.count()).toBe(1);
      expect(await chart.getAttribute('alt')).toMatch(/^Bar chart of the scores: /);
      // The picture loaded, and fits the card.
      const size = await chart.evaluate(
        (img: { naturalWidth: number; getBoundingClientRect(): { width: number } }) => ({
          natural: img.naturalWidth,
          shown: img.getBoundingClientRect().width,
        }),
      );
      expect(size.natural).toBeGreaterThan(300);
      expect(size.shown).toBeLessThanOrEqual(width);
      await assertTargets(result);
      if (width === 390) {
        // Tall enough for the whole card, so that the page's header does not cover it.
        await page.setViewportSize({ width, height: 2400 });
        await result.scrollIntoViewIfNeeded();
        await save(page, '08-results-390.png');
        if (process.env.UPDATE_SCREENSHOTS === '1')
          await result.screenshot({
            path: join(DOCS_IMAGES, 'results-card.png'),
            animations: 'disabled',
          });
      }
    }
  }, 180_000);

  it('switches the page when the member types the other language', async () => {
    const page = await openPage();
    await expect
      .poll(() => lastCard(page).textContent(), { timeout: 15_000 })
      .toContain(SHIPPED_BRANDING.welcome.en);
    await sendBox(page).fill('tiếng Việt');
    await sendBox(page).press('Enter');
    await expect
      .poll(() => page.locator('html').getAttribute('lang'), { timeout: 15_000 })
      .toBe('vi');
    expect(
      await page
        .locator('header')
        .getByRole('button', { name: 'Tiếng Việt' })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    await sendBox(page).fill('English');
    await sendBox(page).press('Enter');
    await expect
      .poll(() => page.locator('html').getAttribute('lang'), { timeout: 15_000 })
      .toBe('en');
  }, 60_000);

  it('serves the page with a Content-Security-Policy that allows no inline script, and Web Chat from the bot', async () => {
    const page = await fetch(`${bot.url}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("connect-src 'self'");
    expect(await page.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const webChat = await fetch(`${bot.url}/webchat/webchat.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(webChat.status).toBe(200);
    expect(webChat.headers.get('content-type')).toContain('javascript');
    expect((await webChat.text()).length).toBeGreaterThan(1_000_000);
    const again = await fetch(`${bot.url}/webchat/webchat.js`, {
      headers: { 'if-none-match': webChat.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
  });
});
