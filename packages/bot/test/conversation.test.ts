import {
  type AssessmentResult,
  type Item,
  instrumentItems,
  progress,
  type Session,
  summarizeResults,
} from '@resonet/core';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../src/i18n/catalog';
import { SHIPPED_BRANDING } from '../src/pack/shipped';
import { buttons } from './support/client';
import { Chat, context, instrument, typedAnswer } from './support/conversation';

const TRAINING = instrument('centre-training-needs');
const itemOf = (session: Session | undefined): Item | undefined =>
  instrumentItems(TRAINING).find(({ item }) => item.id === session?.current)?.item;

/** Starts the training-needs assessment for the first example centre. */
function begin(chat: Chat) {
  chat.click({ action: 'start' });
  chat.click({ action: 'instrument', id: TRAINING.id });
  chat.click({ action: 'centre', id: chat.ctx.centres[0]?.id });
  expect(chat.state.member.step).toBe('answering');
}

/** Answers every remaining question by typing, until the review card. */
function answerAll(chat: Chat, lang: 'en' | 'vi') {
  for (let guard = 0; guard < 100; guard++) {
    const item = itemOf(chat.state.member.session);
    if (!item) return;
    chat.send(typedAnswer(item, lang));
  }
  throw new Error('the assessment did not reach the review');
}

describe('conversation engine', () => {
  it('welcomes once per conversation, with the ways to start', () => {
    const chat = new Chat();
    chat.deliver({ type: 'installed' });
    expect(chat.said).toContain(SHIPPED_BRANDING.welcome.en);
    expect(buttons(chat.card).map((a) => a.data.action)).toEqual([
      'ask',
      'start',
      'my-results',
      'language',
      'join',
    ]);
    chat.deliver({ type: 'installed' });
    expect(chat.last.replies).toEqual([]);
    chat.send('hello');
    expect(chat.said).not.toContain(SHIPPED_BRANDING.welcome.en);
  });

  it('welcomes in Vietnamese when the client locale is Vietnamese, then answers the first message', () => {
    const chat = new Chat(context(), 'vi-VN');
    chat.send('Vai trò của một ITTC là gì?');
    expect(chat.said).toContain(SHIPPED_BRANDING.welcome.vi);
    expect(chat.said).toContain('giáo dục');
    expect(chat.card?.body.map((e) => ('text' in e ? e.text : '')).join(' ')).toContain('Nguồn');
  });

  it('completes the training-needs assessment in English by typing, and shows the results', () => {
    const chat = new Chat(context(), 'en-US');
    begin(chat);
    expect(chat.said).toContain('Question 1 of');
    answerAll(chat, 'en');
    expect(chat.said).toContain(CATALOGS.en.review);
    expect(buttons(chat.card)[0]?.data).toEqual({ action: 'submit', itemId: 'review' });
    const shown = progress(TRAINING, chat.state.member.session as Session);
    expect(shown).toMatchObject({ percent: 100 });
    chat.send('submit');
    expect(chat.submitted).toHaveLength(1);
    const [result] = chat.submitted;
    expect(result).toMatchObject({
      instrumentId: TRAINING.id,
      centreId: chat.ctx.centres[0]?.id,
      respondentId: 'example-user-1',
      submittedAt: '2026-11-23',
    });
    expect(Object.keys(result?.answers ?? {}).length).toBe(shown.visible);
    expect(chat.said).toContain(CATALOGS.en.submitted);
    expect(chat.said).toContain(CATALOGS.en.recommendations);
    // The results come as a picture (a PNG the card carries), its table beside it.
    const image = chat.card?.body.find((e) => e.type === 'Image');
    expect(image).toMatchObject({ url: expect.stringMatching(/^data:image\/png;base64,iVBOR/) });
    expect(image && 'altText' in image && image.altText).toContain('Staff training needs');
    expect(chat.card?.body.some((e) => e.type === 'FactSet')).toBe(true);
    expect(chat.state.member.session).toBeUndefined();
  });

  it('completes it in Vietnamese by clicking card answers, with Vietnamese questions', () => {
    const chat = new Chat(context(), 'vi-VN');
    begin(chat);
    expect(chat.said).toContain('Câu hỏi 1/');
    for (let guard = 0; guard < 100; guard++) {
      const item = itemOf(chat.state.member.session);
      if (!item) break;
      const input = chat.card?.body.find((e) => 'id' in e && e.id === 'answer');
      const answer =
        input && input.type === 'Input.ChoiceSet'
          ? (input.choices[1]?.value ?? input.choices[0]?.value)
          : typedAnswer(item, 'vi');
      chat.click({ action: 'answer', itemId: item.id, answer });
      expect(chat.said).not.toMatch(/Question \d+ of/);
    }
    expect(chat.said).toContain(CATALOGS.vi.review);
    chat.click({ action: 'submit' });
    expect(chat.said).toContain(CATALOGS.vi.submitted);
    expect(chat.said).toContain(CATALOGS.vi.recommendations);
    expect(chat.submitted).toHaveLength(1);
  });

  it('re-asks an invalid answer with the specific reason, and keeps the question', () => {
    const chat = new Chat(context(), 'en');
    begin(chat);
    const first = chat.state.member.session?.current;
    chat.send('42');
    expect(chat.said).toContain(
      'Choose one of: 1 = Disagree strongly, 2 = Disagree, 3 = Uncertain, 4 = Agree, 5 = Agree strongly.',
    );
    expect(chat.said).toContain('Question 1 of');
    expect(chat.state.member.session?.current).toBe(first);
    chat.click({ action: 'answer', itemId: first, answer: { $gt: '' } });
    expect(chat.state.member.session?.current).toBe(first);
    expect(chat.state.member.session?.answers).toEqual({});
  });

  it('goes back, skips optional questions only, and refuses a stale card', () => {
    const chat = new Chat(context(), 'en');
    begin(chat);
    const first = chat.state.member.session?.current as string;
    chat.send('3');
    expect(chat.said).toContain('Question 2 of');
    chat.click({ action: 'answer', itemId: first, answer: '1' });
    expect(chat.said).toContain(CATALOGS.en.staleCard);
    expect(chat.state.member.session?.answers[first]).toBe(3);
    chat.send('back');
    expect(chat.state.member.session?.current).toBe(first);
    expect(chat.said).toContain('Question 1 of');
    chat.send('skip');
    expect(chat.state.member.session?.current).toBe(first);
    expect(chat.state.member.session?.skipped).toEqual([]);
    // Walk to the first optional item and skip it.
    for (let guard = 0; guard < 100; guard++) {
      const item = itemOf(chat.state.member.session);
      if (!item?.required) break;
      chat.send(typedAnswer(item, 'en'));
    }
    const optional = itemOf(chat.state.member.session) as Item;
    expect(optional.required).toBe(false);
    expect(buttons(chat.card).map((a) => a.data.action)).toContain('skip');
    chat.send('bỏ qua');
    expect(chat.state.member.session?.skipped).toContain(optional.id);
  });

  it('pauses, survives a restart (state kept as JSON), and resumes at the same question', () => {
    const chat = new Chat(context(), 'en');
    begin(chat);
    chat.send('4');
    chat.send('2');
    const at = chat.state.member.session?.current;
    chat.click({ action: 'pause' });
    expect(chat.said).toContain(CATALOGS.en.paused);
    expect(chat.state.member.step).toBe('idle');
    chat.send('What is Treatnet?');
    expect(chat.said).toMatch(/Treatnet/);

    // A new process: only the stored JSON remains.
    const restarted = new Chat(context(), 'en');
    restarted.state = JSON.parse(JSON.stringify(chat.state));
    restarted.send('help');
    expect(buttons(restarted.card).map((a) => a.data.action)).toContain('continue');
    restarted.send('tiếp tục');
    expect(restarted.said).toContain('Welcome back! You are at question 3 of');
    expect(restarted.state.member.session?.current).toBe(at);
    expect(Object.keys(restarted.state.member.session?.answers ?? {})).toHaveLength(2);
  });

  it('switches language mid-way and shows the same question in Vietnamese', () => {
    const chat = new Chat(context(), 'en');
    begin(chat);
    chat.send('3');
    chat.send('ngôn ngữ');
    expect(chat.said).toContain(CATALOGS.vi.languageSet);
    expect(chat.said).toContain('Câu hỏi 2/');
    expect(chat.state.member.lang).toBe('vi');
    chat.send('có'); // not valid for a likert item: the reason comes in Vietnamese
    expect(chat.said).toContain('Câu hỏi 2/');
    chat.click({ action: 'language' });
    expect(chat.said).toContain('Question 2 of');
  });

  it('sets the language a page or a typed name asks for, instead of toggling', () => {
    const chat = new Chat(context(), 'en');
    chat.send('hello');
    chat.click({ action: 'language', lang: 'vi' });
    expect(chat.said).toContain(CATALOGS.vi.languageSet);
    chat.click({ action: 'language', lang: 'vi' });
    expect(chat.state.member.lang).toBe('vi');
    chat.send('Tiếng Việt');
    expect(chat.state.member.lang).toBe('vi');
    chat.send('English');
    expect(chat.said).toContain(CATALOGS.en.languageSet);
    chat.send('english');
    expect(chat.state.member.lang).toBe('en');
    chat.click({ action: 'language', lang: 'fr' }); // unknown: toggles, as the plain button does
    expect(chat.state.member.lang).toBe('vi');
  });

  it('cancels only after confirmation', () => {
    const chat = new Chat(context(), 'en');
    begin(chat);
    chat.send('3');
    chat.send('cancel');
    expect(chat.said).toContain(CATALOGS.en.confirmCancel);
    chat.send('no');
    expect(chat.said).toContain('Question 2 of');
    expect(chat.state.member.session?.answers).not.toEqual({});
    chat.click({ action: 'cancel' });
    chat.click({ action: 'yes' });
    expect(chat.said).toContain(CATALOGS.en.cancelled);
    expect(chat.state.member.session).toBeUndefined();
    chat.send('continue');
    expect(chat.said).toContain(CATALOGS.en.nothingToContinue);
  });

  it('asks before starting over an open assessment', () => {
    const chat = new Chat(context(), 'en');
    begin(chat);
    chat.send('3');
    chat.send('pause');
    chat.send('start');
    // The same total as the question cards (what may still be asked).
    expect(chat.said).toContain('1 of 30 answered');
    chat.click({ action: 'continue' });
    expect(chat.said).toContain('Question 2 of');
    chat.send('pause');
    chat.send('start');
    chat.click({ action: 'start-over' });
    expect(chat.state.member.session).toBeUndefined();
    expect(chat.said).toContain(CATALOGS.en.chooseInstrument);
  });

  it('accepts a typed centre name and typed instrument number', () => {
    const chat = new Chat(context({ centres: [] }), 'en');
    chat.send('start');
    chat.send('1');
    expect(chat.said).toContain(CATALOGS.en.typeCentre);
    chat.send('x'.repeat(121));
    expect(chat.said).toContain('at most 120');
    chat.send('  Example   Centre  ');
    expect(chat.state.member.session?.centreId).toBe('named:Example Centre');
  });

  it('lists my results, shows one and exports CSV and Markdown; nobody sees others’ results', () => {
    const chat = new Chat(context(), 'en');
    chat.send('my results');
    expect(chat.said).toContain(CATALOGS.en.noResults);
    begin(chat);
    answerAll(chat, 'en');
    chat.send('submit');
    const id = chat.submitted[0]?.id as string;
    chat.send('my results');
    expect(buttons(chat.card)[0]?.data).toEqual({ action: 'show-result', id });
    chat.click({ action: 'show-result', id });
    expect(chat.said).toContain(CATALOGS.en.recommendations);
    chat.click({ action: 'export', id, format: 'csv' });
    const [csv] = chat.last.replies[0]?.files ?? [];
    expect(csv).toMatchObject({ contentType: 'text/csv', name: `${TRAINING.id}-2026-11-23.csv` });
    expect(csv?.content.split('\r\n')[0]).toContain('instrument');
    chat.click({ action: 'export', id, format: 'md' });
    expect(chat.last.replies[0]?.files?.[0]?.content).toMatch(/^# /);

    const other = new Chat(context({ userId: 'example-user-2' }), 'en');
    other.submitted = chat.submitted;
    other.click({ action: 'show-result', id });
    expect(other.said).toContain(CATALOGS.en.resultNotFound);
    other.send('my results');
    expect(other.said).toContain(CATALOGS.en.noResults);
    other.send('submissions');
    expect(other.said).toContain(CATALOGS.en.notCoordinator);
    other.send('summary');
    expect(other.said).toContain(CATALOGS.en.notCoordinator);
  });

  it('gives coordinators the submissions list and the network summary', () => {
    const member = new Chat(context(), 'en');
    begin(member);
    answerAll(member, 'en');
    member.send('submit');
    const coordinator = new Chat(
      context({ userId: 'example-coordinator', isCoordinator: true }),
      'vi',
    );
    coordinator.submitted = member.submitted;
    coordinator.send('submissions');
    expect(coordinator.said).toContain('Các bài đánh giá đã nộp (1)');
    expect(coordinator.said).not.toContain('example-user-1');
    coordinator.send('tổng hợp');
    expect(coordinator.said).toContain('Tổng hợp mạng lưới');
    expect(coordinator.said).toContain('1 kết quả từ 1 trung tâm');
  });

  it('counts a staff-level centre only once enough of its staff have answered', () => {
    // Three staff of one centre answer; one of another.
    const results: AssessmentResult[] = [];
    const staff = [
      ['example-staff-1', 0],
      ['example-staff-2', 0],
      ['example-staff-3', 0],
      ['example-staff-4', 1],
    ] as const;
    for (const [userId, centre] of staff) {
      const member = new Chat(context({ userId }), 'en');
      member.send('start');
      member.click({ action: 'instrument', id: TRAINING.id });
      member.click({ action: 'centre', id: member.ctx.centres[centre]?.id });
      answerAll(member, 'en');
      member.send('submit');
      results.push(...member.submitted);
    }
    const coordinator = new Chat(
      context({ userId: 'example-coordinator', isCoordinator: true }),
      'en',
    );
    coordinator.submitted = results;
    coordinator.send('summary');
    expect(coordinator.said).toContain('4 results from 2 centres');
    expect(coordinator.said).toContain(CATALOGS.en.summaryMinimum.replace('{min}', '3'));
    expect(coordinator.said).toContain('3 staff members answered; counted');
    expect(coordinator.said).toContain('1 of the 3 staff needed have answered; not counted yet');
    // The network's figures are the first centre's alone.
    const summary = summarizeResults(TRAINING, results);
    expect(summary.scales.every((s) => s.centres <= 1)).toBe(true);
  });

  it('refuses huge text and ignores tampered card data without crashing', () => {
    const chat = new Chat(context(), 'en');
    chat.send('hi');
    chat.send('x'.repeat(100_000));
    expect(chat.said).toContain('too long');
    chat.click({ action: 'no-such-action', id: 42 });
    // An action the bot does not know is taken as the start of a question.
    expect(chat.said).toBe(
      'Type your question, for example “What does the ITTC Network do?” or “Who coordinates Treatnet?”.',
    );
    expect(chat.last.effects).toEqual([]);
    chat.click({ action: 'instrument', id: 'no-such-instrument' });
    chat.click({ action: 'start' });
    chat.click({ action: 'instrument', id: 'no-such-instrument' });
    expect(chat.said).toContain(CATALOGS.en.unknownInstrument);
    chat.click({ action: 'show-result', id: { $ne: null } });
    expect(chat.said).toContain(CATALOGS.en.resultNotFound);
  });

  it('shows where a member is when they come back without having paused', () => {
    const chat = new Chat(context(), 'en');
    begin(chat);
    chat.send('3');
    chat.send('continue');
    expect(chat.said).toContain('Welcome back! You are at question 2 of');
    chat.send('start');
    // The same total as the question cards (what may still be asked).
    expect(chat.said).toContain('1 of 30 answered');
    chat.send('continue');
    expect(chat.said).toContain('Question 2 of');
  });

  it('exports a member’s data and deletes it only after confirmation', () => {
    const chat = new Chat(context(), 'vi');
    begin(chat);
    answerAll(chat, 'vi');
    chat.send('nộp bài');
    chat.send('dữ liệu của tôi');
    const [file] = chat.last.replies[0]?.files ?? [];
    expect(file?.contentType).toBe('application/json');
    const data = JSON.parse(file?.content ?? '{}');
    expect(data.results).toHaveLength(1);
    expect(data.userId).toBe('example-user-1');
    chat.send('xóa dữ liệu của tôi');
    expect(chat.said).toContain(CATALOGS.vi.confirmForget);
    chat.send('không');
    expect(chat.said).toContain(CATALOGS.vi.kept);
    expect(chat.last.effects).toEqual([]);
    chat.send('delete my data');
    chat.click({ action: 'yes' });
    expect(chat.last.effects).toEqual([{ type: 'forget' }]);
    expect(chat.said).toContain(CATALOGS.vi.forgotten);
    expect(chat.state.member).toEqual({ step: 'idle' });
  });

  it('exports every result as CSV for coordinators only', () => {
    const member = new Chat(context(), 'en');
    begin(member);
    answerAll(member, 'en');
    member.send('submit');
    member.send('export all');
    expect(member.said).toContain(CATALOGS.en.notCoordinator);
    const coordinator = new Chat(
      context({ userId: 'example-coordinator', isCoordinator: true }),
      'en',
    );
    coordinator.submitted = member.submitted;
    coordinator.send('export all');
    const [file] = coordinator.last.replies.flatMap((r) => r.files ?? []);
    expect(file?.name).toBe('resonet-results-2026-11-23.csv');
    expect(file?.content).toContain('centre-training-needs');
  });
});
