import { networks } from '@resonet/fixtures';
import { describe, expect, it } from 'vitest';
import { networkNames, resolveFollowUp } from '../src/answers/followUp';
import { Chat, context } from './support/conversation';

describe('follow-up questions', () => {
  it.each([
    ['How long did Phase I last?', 'and Phase II?', 'How long did Phase II last?'],
    ['Who funds Treatnet?', 'what about the ITTC Network?', 'Who funds the ITTC Network?'],
    ['Who funds the ITTC Network?', 'And Treatnet?', 'Who funds Treatnet?'],
    ['Giai đoạn I kéo dài bao lâu?', 'và giai đoạn II?', 'giai đoạn II kéo dài bao lâu?'],
    ['Ai tài trợ cho Treatnet?', 'còn mạng lưới ITTC thì sao?', 'Ai tài trợ cho mạng lưới ITTC?'],
  ])('%s → %s', (previous, message, resolved) => {
    expect(resolveFollowUp(previous, message, networkNames(networks))).toBe(resolved);
  });

  it.each([
    ['How long did Phase I last?', 'What is Treatnet?'],
    ['What is an ITTC?', 'and Phase II?'],
    [
      'How long did Phase I last?',
      'and what were the outputs of the training package in Phase II?',
    ],
    ['How long did Phase I last?', 'and bananas?'],
  ])('leaves a question of its own alone: %s, then %s', (previous, message) => {
    expect(resolveFollowUp(previous, message, networkNames(networks))).toBeUndefined();
  });

  it('answers a follow-up in chat against the last question, in both languages', () => {
    const en = new Chat(context(), 'en');
    en.send('hi');
    en.send('How long did Phase I last?');
    expect(en.said).toContain('Phase I');
    en.send('and Phase II?');
    expect(en.said).toMatch(/plans for Phase II: 2007-2008/);
    const vi = new Chat(context(), 'vi');
    vi.send('xin chào');
    vi.send('Ai tài trợ cho Treatnet?');
    expect(vi.said).toContain('Canada');
    vi.send('còn mạng lưới ITTC thì sao?');
    expect(vi.said).toMatch(/không nói ai tài trợ/);
  });

  it('forgets the last question after a few turns and when another takes its place', () => {
    const chat = new Chat(context(), 'en');
    chat.send('hi');
    chat.send('How long did Phase I last?');
    expect(chat.state.member.context?.question).toBe('How long did Phase I last?');
    chat.send('help');
    chat.send('my results');
    chat.send('and Phase II?');
    expect(chat.said).not.toMatch(/plans for Phase II/);
    chat.send('Who funds Treatnet?');
    chat.send('and Phase II?');
    // The topic changed: Phase II does not fit a question about funders.
    expect(chat.state.member.context?.question).toBe('and Phase II?');
  });
});

describe('follow-ups name the networks of the pack served', () => {
  const own = [
    {
      acronym: 'Highlands Network',
      name: { en: 'Example Highlands Network', vi: 'Mạng lưới Cao nguyên Ví dụ' },
    },
  ];
  it('swaps a pack’s own network names, and knows no other', () => {
    const names = networkNames([...own, { name: { en: 'Example Delta Network' } }]);
    expect(
      resolveFollowUp('Who funds the Highlands Network?', 'and Example Delta Network?', names),
    ).toBe('Who funds Example Delta Network?');
    expect(
      resolveFollowUp('Who funds the Highlands Network?', 'and Treatnet?', names),
    ).toBeUndefined();
  });
});
