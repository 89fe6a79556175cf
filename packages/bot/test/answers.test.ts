import { knowledgeBase, networks } from '@resonet/fixtures';
import { describe, expect, it } from 'vitest';
import { AnswerEngine } from '../src/answers/answer';
import { detectLanguage } from '../src/answers/language';

const engine = new AnswerEngine(knowledgeBase, networks);

describe('answering engine', () => {
  it('detects the language of a question, with or without diacritics', () => {
    expect(detectLanguage('Vai trò của một ITTC là gì?')).toBe('vi');
    expect(detectLanguage('vai tro giao duc cua ITTC')).toBe('vi');
    expect(detectLanguage('what are the roles of an ITTC')).toBe('en');
    expect(detectLanguage('ITTC', 'vi-VN')).toBe('vi');
  });

  it('answers in Vietnamese with the four roles', () => {
    const answer = engine.answer('Vai trò của một ITTC là gì?');
    expect(answer).toMatchObject({ status: 'answered', lang: 'vi', entryId: 'ittc-roles' });
    for (const role of ['chiến lược', 'đầu mối', 'giáo dục', 'xây dựng năng lực'])
      expect(answer.text).toContain(role);
    expect(answer.suggestions.map((s) => s.entryId)).toContain('ittc-role-educational');
  });

  it('matches Vietnamese typed without diacritics', () => {
    expect(engine.answer('vai tro giao duc cua ITTC')).toMatchObject({
      status: 'answered',
      entryId: 'ittc-role-educational',
      lang: 'vi',
    });
  });

  it('computes dates, durations and counts from the model, with sources', () => {
    const start = engine.answer('when did phase one start');
    expect(start).toMatchObject({ status: 'answered', kind: 'structured', lang: 'en' });
    expect(start.text).toContain('August 2005');
    expect(start.sources).toContainEqual({
      document: '002_d9aab02609379ddc.txt',
      section: 'Phase I - Resources',
    });
    expect(engine.answer('how long did phase I last').text).toContain('2 years');
    // The sources disagree on Phase II: both plans, each with its source, years as given.
    for (const [question, lang] of [
      ['How long did Phase II last?', 'en'],
      ['Giai đoạn II kéo dài bao lâu?', 'vi'],
    ] as const) {
      const phase2 = engine.answer(question);
      expect(phase2).toMatchObject({ status: 'answered', kind: 'structured', lang });
      expect(phase2.text).toMatch(/2007-2008 \([^)]+\);.*2007-(10|2010) \([^)]+\)/);
      expect(phase2.text).not.toMatch(/January|December|tháng 1\/|tháng 12\//);
      expect(phase2.sources.map((s) => s.document).sort()).toEqual([
        '001_30f54731c3eb449f.txt',
        '002_d9aab02609379ddc.txt',
      ]);
    }
    expect(engine.answer('which phase was running in March 2007?').text).toMatch(
      /Phase I .*2005-2007[\s\S]*Phase II .*2007-2008/,
    );
    expect(engine.answer('bao nhiêu đơn vị tham gia điện tử').text).toMatch(/^15 — /);
    expect(engine.answer('how many centres are in the network').text).toMatch(/^20 — /);
  });

  it('says plainly when it does not know, and offers topics', () => {
    const answer = engine.answer("what's the weather in Hanoi?");
    expect(answer).toMatchObject({ status: 'unknown', kind: 'none', lang: 'en' });
    expect(answer.suggestions.length).toBeGreaterThan(0);
    expect(engine.answer('thời tiết hà nội hôm nay').status).toBe('unknown');
    expect(engine.answer('').status).toBe('unknown');
    expect(engine.answer('x'.repeat(100_000)).status).toBe('unknown');
  });

  it('greets, thanks and helps in both languages', () => {
    expect(engine.answer('xin chào')).toMatchObject({ kind: 'small-talk', lang: 'vi' });
    expect(engine.answer('thank you').text).toBe('You are welcome!');
    expect(engine.answer('help').suggestions.length).toBeGreaterThan(0);
  });
});

describe('answering engine, edge cases', () => {
  it('asks which was meant when several entries fit equally', () => {
    const answer = engine.answer('roles');
    expect(answer.status).toBe('clarify');
    expect(answer.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(answer.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('falls back to English with a note when an entry has no Vietnamese', () => {
    const englishOnly = {
      id: 'example-english-only',
      questions: { en: ['What is the example policy?'], vi: ['chính sách ví dụ là gì'] },
      answer: { en: 'Example data: an English-only answer.' },
      sources: [{ document: 'example', section: 'tests' }],
      related: [],
      tags: ['example'],
    };
    const answer = new AnswerEngine([englishOnly], networks).answer('chính sách ví dụ là gì');
    expect(answer).toMatchObject({
      status: 'answered',
      lang: 'vi',
      entryId: 'example-english-only',
    });
    expect(answer.text).toBe(
      'Example data: an English-only answer.\n(Chưa có bản tiếng Việt; nội dung hiển thị bằng tiếng Anh.)',
    );
  });

  it('does not answer a question about one network with an entry about the other', () => {
    const treatnetQuestion = engine.answer('Who coordinates Treatnet?');
    expect(treatnetQuestion.entryId).not.toBe('ittc-coordinating-office');
    expect(treatnetQuestion).toMatchObject({ status: 'answered', entryId: 'key-players' });
    expect(engine.answer('Who coordinates the ITTC Network?').entryId).toBe(
      'ittc-coordinating-office',
    );
  });
});
