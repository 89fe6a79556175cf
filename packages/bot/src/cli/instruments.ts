import { instrumentItems, localize } from '@resonet/core';
import { instruments } from '@resonet/fixtures';
import { say } from './messages';
import { type Outcome, ok } from './outcome';

/** `resonet instruments [--json]`: the built-in instruments, for people or as JSON. */
export function listInstruments(options: { json: boolean; lang: string }): Outcome {
  if (options.json) return ok(`${JSON.stringify(instruments, null, 2)}\n`);
  const lines = [say('listHeader', options.lang)];
  for (const instrument of instruments) {
    lines.push(
      `  ${say('listLine', options.lang, {
        id: instrument.id,
        version: instrument.version,
        title: localize(instrument.title, options.lang),
        items: instrumentItems(instrument).length,
        sections: instrument.sections.length,
        minutes: instrument.estimatedMinutes,
      })}`,
      `    ${localize(instrument.description, options.lang)}`,
    );
  }
  return ok(`${lines.join('\n')}\n`);
}
