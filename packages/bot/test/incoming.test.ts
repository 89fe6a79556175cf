import { foldText } from '@resonet/core';
import { describe, expect, it } from 'vitest';
import { CardDataSchema, COMMANDS, type Command, typedCommand } from '../src/conversation/commands';
import { parseIncoming } from '../src/conversation/incoming';

const names = Object.keys(COMMANDS) as Command[];

describe('the command table', () => {
  it('gives every typed word one command, in folded form', () => {
    const owners = new Map<string, Command[]>();
    for (const name of names)
      for (const word of [...COMMANDS[name].words.en, ...COMMANDS[name].words.vi]) {
        expect(foldText(word), `${name}: "${word}" is not folded`).toBe(word);
        owners.set(word, [...(owners.get(word) ?? []), name]);
      }
    const shared = [...owners].filter(([, commands]) => commands.length > 1);
    expect(shared).toEqual([]);
    for (const [word, [command]] of owners) expect(typedCommand(word)).toBe(command);
  });

  it('has words in both languages for every command a member can type', () => {
    for (const name of names) {
      const { en, vi } = COMMANDS[name].words;
      expect(en.length > 0, name).toBe(vi.length > 0);
    }
  });
});

describe('parseIncoming', () => {
  it('reads a card submit by its action, with the data its command takes', () => {
    expect(
      parseIncoming({ type: 'message', value: { action: 'export', id: 'r-1', format: 'md' } }),
    ).toEqual({
      type: 'message',
      text: '',
      clicked: true,
      command: 'export',
      data: { action: 'export', id: 'r-1', format: 'md' },
    });
    const answer = parseIncoming({
      type: 'message',
      value: { action: 'answer', itemId: 'q-2', answer: 'a,b', extra: 'dropped' },
    });
    expect(answer.data).toEqual({ action: 'answer', itemId: 'q-2', answer: 'a,b' });
  });

  it('counts a field of the wrong type as missing, and an unknown action as no command', () => {
    const tampered = parseIncoming({
      type: 'message',
      value: { action: 'show-result', id: { $ne: null }, format: 'exe' },
    });
    expect(tampered).toMatchObject({ command: 'show-result', data: { action: 'show-result' } });
    expect(tampered.data).not.toHaveProperty('id');
    const export_ = parseIncoming({ type: 'message', value: { action: 'export', format: 'exe' } });
    expect(export_.data).toEqual({ action: 'export' });
    const unknown = parseIncoming({ type: 'message', text: 'help', value: { action: 'rm -rf' } });
    expect(unknown).toEqual({ type: 'message', text: 'help', clicked: true });
    const inherited = parseIncoming({ type: 'message', value: { action: 'constructor' } });
    expect(inherited.command).toBeUndefined();
  });

  it('reads whole typed messages as commands, with or without diacritics, and nothing longer', () => {
    expect(parseIncoming({ type: 'message', text: 'Tạm dừng' }).command).toBe('pause');
    expect(parseIncoming({ type: 'message', text: 'tam dung' }).command).toBe('pause');
    expect(parseIncoming({ type: 'message', text: '/help' }).command).toBe('help');
    expect(parseIncoming({ type: 'message', text: 'Đồng ý' }).command).toBe('yes');
    expect(parseIncoming({ type: 'message', text: 'how do I go back?' }).command).toBeUndefined();
    expect(parseIncoming({ type: 'message', text: 'back '.repeat(20) }).command).toBeUndefined();
  });

  it('checks every command’s card data against one union on action', () => {
    for (const action of names) expect(CardDataSchema.parse({ action })).toEqual({ action });
    expect(CardDataSchema.safeParse({ action: 'no-such' }).success).toBe(false);
  });
});
