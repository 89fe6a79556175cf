import {
  type AnswerValue,
  type AssessmentResult,
  type Item,
  instrumentItems,
  recommend,
  scoreAnswers,
  summarizeResults,
  tallyAnswers,
} from '@resonet/core';
import { centreTrainingNeeds, networks } from '@resonet/fixtures';
import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../src/cards/adaptiveCard';
import { cardToText } from '../src/cards/adaptiveCard';
import { summaryCard } from '../src/cards/coordinator';
import { welcomeCard } from '../src/cards/menus';
import { questionCard } from '../src/cards/question';
import { resultCard } from '../src/cards/results';
import { validateAdaptiveCard } from './support/adaptiveCards';
import { buttons } from './support/client';
import { Chat, context, typedAnswer } from './support/conversation';
import { checkIn, checkInForm } from './support/forms';

/** Every card of a long conversation through every built-in instrument, in both languages. */
function collectCards(lang: 'en' | 'vi'): AdaptiveCard[] {
  const cards: AdaptiveCard[] = [];
  const ctx = context({ isCoordinator: true });
  const chat = new Chat(ctx, lang);
  const keep = () => {
    for (const reply of chat.last.replies) if (reply.card) cards.push(reply.card);
  };
  const steps: (() => void)[] = [
    () => chat.send('hello'),
    () => chat.send('What are the roles of an ITTC?'),
    () => chat.send('ittc'),
    () => chat.send('How do I bake bread?'),
    () => chat.send('help'),
    () => chat.send('delete my data'),
    () => chat.send('no'),
  ];
  for (const step of steps) {
    step();
    keep();
  }
  for (const instrument of ctx.instruments) {
    chat.click({ action: 'start' });
    keep();
    chat.click({ action: 'instrument', id: instrument.id });
    keep();
    chat.click({ action: 'centre', id: ctx.centres[0]?.id });
    keep();
    const items = new Map(instrumentItems(instrument).map(({ item }) => [item.id, item]));
    for (let guard = 0; guard < 200; guard++) {
      const item = items.get(chat.state.member.session?.current ?? '');
      if (!item) break;
      chat.send(typedAnswer(item, lang));
      keep();
    }
    chat.send('cancel');
    keep();
    chat.send('no');
    chat.send('submit');
    keep();
  }
  chat.send('my results');
  keep();
  const id = chat.submitted[0]?.id;
  chat.click({ action: 'show-result', id });
  keep();
  chat.send('submissions');
  keep();
  chat.send('summary');
  keep();
  chat.send('start');
  chat.click({ action: 'instrument', id: ctx.instruments[0]?.id });
  chat.click({ action: 'centre', id: ctx.centres[0]?.id });
  chat.send('pause');
  chat.send('start');
  keep();
  return cards;
}

describe('Adaptive Cards the bot sends', () => {
  for (const lang of ['en', 'vi'] as const)
    it(`are valid Adaptive Cards 1.5 with a text fallback (${lang})`, () => {
      const cards = collectCards(lang);
      const kinds = new Set(cards.flatMap((c) => c.body.map((e) => e.type)));
      expect(cards.length).toBeGreaterThan(80);
      // The walk reached every kind of element the bot uses.
      expect([...kinds].sort()).toEqual(
        ['ActionSet', 'FactSet', 'Image', 'Input.ChoiceSet', 'Input.Text', 'TextBlock'].sort(),
      );
      for (const card of cards) {
        expect(validateAdaptiveCard(card), JSON.stringify(card).slice(0, 300)).toEqual([]);
        expect(cardToText(card).trim()).not.toBe('');
        expect(JSON.stringify(card).length).toBeLessThan(28 * 1024); // Teams message limit
      }
    });

  it('has valid inputs for number and date questions too', () => {
    const section = centreTrainingNeeds.sections[0];
    if (!section) throw new Error('no section');
    const items = [
      {
        id: 'example-number',
        type: 'number',
        text: { en: 'How many staff?' },
        required: true,
        min: 0,
        max: 500,
      },
      {
        id: 'example-date',
        type: 'date',
        text: { en: 'Since when?' },
        required: false,
        min: '2000-01-01',
      },
    ] as unknown as Item[];
    for (const item of items) {
      const card = questionCard(centreTrainingNeeds, { item, section, number: 2, total: 9 }, 'en');
      expect(validateAdaptiveCard(card)).toEqual([]);
      expect(
        card.body.some((e) => e.type === (item.type === 'number' ? 'Input.Number' : 'Input.Date')),
      ).toBe(true);
    }
  });
});

describe('questions read whole', () => {
  it('joins a section’s lead-in and its items into one question, in both languages', () => {
    const rows = instrumentItems(centreTrainingNeeds);
    const fragment = rows.find(({ item }) => item.id === 'need-assessment')!;
    const en = cardToText(
      questionCard(centreTrainingNeeds, { ...fragment, number: 8, total: 30 }, 'en'),
    );
    expect(en).toContain('Our staff need more training in assessing clients’ problems and needs.');
    const vi = cardToText(
      questionCard(centreTrainingNeeds, { ...fragment, number: 8, total: 30 }, 'vi'),
    );
    expect(vi).toContain(
      'Cán bộ của chúng tôi cần được đào tạo thêm về đánh giá vấn đề và nhu cầu của người bệnh.',
    );
    // No card of any built-in question starts or ends mid-sentence.
    for (const lang of ['en', 'vi'] as const)
      for (const row of rows) {
        const shown = cardToText(
          questionCard(centreTrainingNeeds, { ...row, number: 1, total: 30 }, lang),
        );
        expect(shown, row.item.id).not.toMatch(/…\S|\s…/);
      }
  });
});

describe('a result with no recommendations', () => {
  const result = (answers: Record<string, AnswerValue>): AssessmentResult => ({
    id: 'example-result',
    instrumentId: centreTrainingNeeds.id,
    instrumentVersion: centreTrainingNeeds.version,
    centreId: 'example-centre',
    respondentId: 'example-respondent',
    startedAt: '2026-12-01',
    submittedAt: '2026-12-01',
    answers,
    scores: scoreAnswers(centreTrainingNeeds, answers),
  });

  it('gives no praise when scales could not be scored', () => {
    const empty = result({});
    expect(recommend(centreTrainingNeeds, empty.answers, empty.scores)).toEqual([]);
    for (const lang of ['en', 'vi'] as const) {
      const shown = cardToText(resultCard(centreTrainingNeeds, empty, networks, 'Example', lang));
      expect(shown).not.toMatch(/well done|Kết quả tốt/);
      expect(shown).toMatch(/too few answers to be scored|chưa đủ câu trả lời để tính điểm/);
    }
  });
});

describe('the review list', () => {
  it('keeps the end of a long whole question, which tells it apart', async () => {
    const { ittcTechnologyTransferNeeds } = await import('@resonet/fixtures');
    const { reviewCard } = await import('../src/cards/question');
    const answers = { 'works-with-ittc': false };
    const session = {
      id: 'example-session',
      instrumentId: ittcTechnologyTransferNeeds.id,
      instrumentVersion: ittcTechnologyTransferNeeds.version,
      centreId: 'example-centre',
      respondentId: 'example-respondent',
      status: 'in-progress',
      startedAt: '2026-12-01',
      answers,
      skipped: [],
      current: null,
    } as unknown as Parameters<typeof reviewCard>[1];
    const shown = cardToText(reviewCard(ittcTechnologyTransferNeeds, session, 'en'));
    expect(shown).toContain('promote organisational development?');
    expect(shown).not.toMatch(/organisation need an ITTC’s support to…/);
  });
});

describe('Back', () => {
  it('shows the answer given before, selected, in the card and as text', () => {
    const ctx = context();
    const chat = new Chat(ctx, 'en');
    chat.click({ action: 'start' });
    chat.click({ action: 'instrument', id: centreTrainingNeeds.id });
    chat.click({ action: 'centre', id: ctx.centres[0]?.id });
    const first = chat.state.member.session?.current;
    chat.send('4');
    chat.click({ action: 'back', itemId: chat.state.member.session?.current });
    expect(chat.state.member.session?.current).toBe(first);
    const input = chat.card?.body.find((e) => e.type === 'Input.ChoiceSet');
    expect(input).toMatchObject({ value: '4' });
    expect(validateAdaptiveCard(chat.card!)).toEqual([]);
    expect(cardToText(chat.card!)).toMatch(/4\. Agree ✓/);
  });
});

describe('an ending is never a dead end', () => {
  const begin = (lang: 'en' | 'vi') => {
    const ctx = context();
    const chat = new Chat(ctx, lang);
    chat.click({ action: 'start' });
    chat.click({ action: 'instrument', id: centreTrainingNeeds.id });
    chat.click({ action: 'centre', id: ctx.centres[0]?.id });
    chat.send('4');
    return chat;
  };
  const actionsOf = (chat: Chat) => buttons(chat.card).map((a) => a.data.action);

  it('offers to continue after a pause, and continuing goes back to the question', () => {
    for (const lang of ['en', 'vi'] as const) {
      const chat = begin(lang);
      const where = chat.state.member.session?.current;
      chat.click({ action: 'pause' });
      expect(actionsOf(chat)).toEqual(['continue', 'ask', 'my-results']);
      expect(cardToText(chat.card!)).toMatch(
        /What would you like to do next\?|Anh\/Chị muốn làm gì tiếp theo\?/,
      );
      chat.click({ action: 'continue' });
      expect(chat.state.member.session?.current).toBe(where);
    }
  });

  it('offers a new assessment after a cancel', () => {
    const chat = begin('en');
    chat.click({ action: 'cancel' });
    chat.send('yes');
    expect(actionsOf(chat)).toEqual(['start', 'ask', 'my-results']);
  });
});

describe('the centre answered for', () => {
  const again = (chat: Chat) => {
    chat.click({ action: 'cancel' });
    chat.send('yes');
    chat.click({ action: 'start' });
    chat.click({ action: 'instrument', id: centreTrainingNeeds.id });
    return chat.card!;
  };

  it('is offered first next time, chosen already, and can be changed', () => {
    const ctx = context();
    const chat = new Chat(ctx, 'en');
    const [first, second] = ctx.centres;
    chat.click({ action: 'start' });
    chat.click({ action: 'instrument', id: centreTrainingNeeds.id });
    chat.click({ action: 'centre', id: first?.id });
    const card = again(chat);
    expect(card.body.find((e) => e.type === 'Input.ChoiceSet')).toMatchObject({ value: first?.id });
    expect(cardToText(card)).toMatch(/Last time it was Example resource centre, Viet Nam/);
    chat.click({ action: 'centre', id: second?.id });
    expect(chat.state.member.session?.centreId).toBe(second?.id);
  });

  it('is kept as typed when it was not in the list, in Vietnamese too', () => {
    const chat = new Chat(context(), 'vi');
    chat.click({ action: 'start' });
    chat.click({ action: 'instrument', id: centreTrainingNeeds.id });
    chat.send('Trung tâm ví dụ Hải Phòng');
    const card = again(chat);
    expect(card.body.find((e) => e.type === 'Input.Text')).toMatchObject({
      value: 'Trung tâm ví dụ Hải Phòng',
    });
    expect(cardToText(card)).toMatch(/Lần trước là Trung tâm ví dụ Hải Phòng/);
  });

  it('is typed, not chosen, when the network lists no centres', () => {
    const chat = new Chat(context({ centres: [] }), 'en');
    chat.click({ action: 'start' });
    chat.click({ action: 'instrument', id: centreTrainingNeeds.id });
    expect(cardToText(chat.card!)).toMatch(/^Which centre are you answering for\? Type its name\./);
  });
});

describe('the results card of a form without scales', () => {
  it('lists the answers and no chart, scores or recommendations', () => {
    const done = checkIn('example-result', 'example-centre', { 'staff-count': 7 });
    for (const lang of ['en', 'vi'] as const) {
      const built = resultCard(checkInForm, done, networks, 'Example', lang);
      expect(JSON.stringify(built)).not.toContain('"type":"Image"');
      const shown = cardToText(built);
      expect(shown).toContain(lang === 'en' ? 'How many staff?' : 'Có bao nhiêu cán bộ?');
      expect(shown).toContain('7');
      expect(shown).not.toMatch(/Recommendations|Khuyến nghị/);
    }
  });
});

describe('the summary of a form without scales', () => {
  const results = [
    checkIn('example-r1', 'example-a', { 'staff-count': 8, trained: true, wish: 'Example' }),
    checkIn('example-r2', 'example-a', { 'staff-count': 15, trained: true }),
    checkIn('example-r3', 'example-b', { 'staff-count': 10, trained: false }),
  ];
  const build = (lang: 'en' | 'vi', form = checkInForm, heading?: string) =>
    summaryCard(form, summarizeResults(form, results), lang, {
      combined: [],
      centreName: (id) => id,
      tallies: tallyAnswers(form, results),
      ...(heading ? { heading } : {}),
    });

  it('counts each question’s answers, in both languages, with no empty ranking', () => {
    const en = cardToText(build('en'));
    expect(en).toContain('3 results from 2 centres');
    expect(en).toMatch(/How many staff\?: mean 11 \(from 8 to 15\), 3 answers/);
    expect(en).toMatch(/Trained this year\?: Yes: 2 · No: 1/);
    expect(en).toMatch(/Which course would help most\?: 1 answer, not counted here/);
    expect(en).not.toContain('Most pressing first');
    const vi = cardToText(build('vi'));
    expect(vi).toMatch(/Có bao nhiêu cán bộ\?: trung bình 11 \(từ 8 đến 15\), 3 câu trả lời/);
    expect(vi).toMatch(/Năm nay được đào tạo\?: Có: 2 · Không: 1/);
    expect(vi).not.toContain('Theo mức cấp thiết');
    for (const lang of ['en', 'vi'] as const) expect(validateAdaptiveCard(build(lang))).toEqual([]);
  });

  it('takes a heading (a focal point’s own centre), and withholds counts below the staff minimum', () => {
    expect(cardToText(build('en', checkInForm, 'Example A: Centre check-in'))).toMatch(
      /^Example A: Centre check-in/,
    );
    const staffForm = { ...checkInForm, respondent: { kind: 'staff' as const, minPerCentre: 5 } };
    const shown = cardToText(build('en', staffForm));
    expect(shown).toContain('Fewer than 5 staff have answered');
    expect(shown).not.toContain('Yes: 2');
  });
});

describe('the welcome card for each role', () => {
  it('stays a valid card within five buttons a row, whoever reads it', () => {
    const welcome = { en: 'Welcome', vi: 'Chào mừng' };
    for (const lang of ['en', 'vi'] as const)
      for (const who of [
        {},
        { isCoordinator: true },
        { membership: { role: 'focal-point' as const } },
        { membership: { role: 'member' as const } },
        { membership: { role: 'admin' as const } },
      ])
        for (const open of [true, false]) {
          const built = welcomeCard(lang, open, welcome, who);
          expect(validateAdaptiveCard(built), JSON.stringify(who)).toEqual([]);
        }
  });
});
