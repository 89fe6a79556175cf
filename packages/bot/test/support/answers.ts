import type { Item } from '@resonet/core';

/** The answer a member gives to an item, the same every time for the same member. */
export function answerFor(item: Item, seed: number): { sent: string; stored: unknown } {
  switch (item.type) {
    case 'likert': {
      const v = 1 + ((seed + item.id.length) % 5);
      return { sent: String(v), stored: v };
    }
    case 'yes-no':
      return (seed + item.id.length) % 2
        ? { sent: 'yes', stored: true }
        : { sent: 'no', stored: false };
    case 'text':
      return {
        sent: `Example answer ${seed} to ${item.id}`,
        stored: `Example answer ${seed} to ${item.id}`,
      };
    default:
      throw new Error(`no answer written for ${item.type}`);
  }
}
