// Every built-in instrument completed by clicking its cards, in English and Vietnamese,
// choosing the first, the last or the middle choice: what a member reads on the way.
import { instrumentItems, localize, questionText } from '@resonet/core';
import { instruments } from '@resonet/fixtures';
import { describe, expect, it } from 'vitest';
import { type AdaptiveCard, type CardElement, cardToText } from '../src/cards/adaptiveCard';
import { CATALOGS } from '../src/i18n/catalog';
import { buttons } from './support/client';
import { Chat, context, typedAnswer } from './support/conversation';

type Pick = 'first' | 'last' | 'middle';

const inputOf = (card: AdaptiveCard) =>
  card.body.find((e) => e.type.startsWith('Input.')) as
    | Extract<CardElement, { type: `Input.${string}` }>
    | undefined;

function choose(
  card: AdaptiveCard,
  pick: Pick,
  lang: 'en' | 'vi',
  item: Parameters<typeof typedAnswer>[0],
) {
  const input = inputOf(card);
  if (input?.type !== 'Input.ChoiceSet') return typedAnswer(item, lang);
  const { choices } = input;
  const at =
    pick === 'first' ? 0 : pick === 'last' ? choices.length - 1 : Math.floor(choices.length / 2);
  return choices[at]?.value;
}

/** Ids a member must never read: items, scales, rules, the instrument, stored prefixes. */
const internalIds = (instrument: (typeof instruments)[number]) =>
  [
    instrument.id,
    ...instrumentItems(instrument).map(({ item }) => item.id),
    ...instrument.scales.map((s) => s.id),
    ...instrument.recommendations.map((r) => r.id),
  ].filter(
    // "technology-transfer" is a word of a title too.
    (id) => id.includes('-') && !localize(instrument.title, 'en').toLowerCase().includes(id),
  );

describe.each(instruments.map((i) => [i.id, i] as const))(
  'walking %s by its cards',
  (_, instrument) => {
    const items = new Map(instrumentItems(instrument).map((row) => [row.item.id, row]));
    for (const lang of ['en', 'vi'] as const)
      for (const pick of ['first', 'last', 'middle'] as const)
        it(`${lang}, ${pick} choices: whole questions, no ids, totals that never rise, a chart at the end`, () => {
          const chat = new Chat(context(), lang === 'vi' ? 'vi-VN' : 'en-US');
          chat.click({ action: 'start' });
          chat.click({ action: 'instrument', id: instrument.id });
          chat.click({ action: 'centre', id: chat.ctx.centres[0]?.id });
          const ids = internalIds(instrument);
          let total = Number.POSITIVE_INFINITY;
          let asked = 0;
          for (let guard = 0; guard < 100; guard++) {
            const card = chat.card as AdaptiveCard;
            const answer = buttons(card).find((a) => a.data.action === 'answer');
            if (!answer) break;
            const row = items.get((answer.data as { itemId?: string }).itemId ?? '');
            expect(row, `a question card for an item of ${instrument.id}`).toBeDefined();
            if (!row) break;
            const shown = cardToText(card);
            // The whole question: the section's lead-in and the item, as the input's label.
            expect(inputOf(card)?.label).toContain(questionText(row.section, row.item, lang));
            for (const id of ids) expect(shown, `${id} shown to the member`).not.toContain(id);
            const at = new RegExp(
              CATALOGS[lang].questionOf.replace('{number}', '(\\d+)').replace('{total}', '(\\d+)'),
            ).exec(shown);
            expect(at).not.toBeNull();
            const now = Number(at?.[2]);
            expect(now).toBeLessThanOrEqual(total);
            total = now;
            chat.click({
              action: 'answer',
              itemId: row.item.id,
              answer: choose(card, pick, lang, row.item),
            });
            asked++;
          }
          expect(asked).toBeGreaterThan(5);
          expect(chat.said).toContain(CATALOGS[lang].review);
          chat.click({ action: 'submit', itemId: 'review' });
          expect(chat.submitted).toHaveLength(1);
          const result = chat.card as AdaptiveCard;
          const text = cardToText(result);
          expect(text).toContain(localize(instrument.title, lang));
          const image = result.body.find((e) => e.type === 'Image');
          expect(image).toMatchObject({ url: expect.stringMatching(/^data:image\/png;base64,/) });
          for (const id of ids) expect(text, `${id} shown to the member`).not.toContain(id);
          expect(text).not.toContain('named:');
          if (lang === 'vi') expect(text).not.toMatch(/\d\.\d\/\d/); // "27,5/50", not "27.5/50"
        });
  },
);
