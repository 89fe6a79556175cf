import { groupUnanswered } from '../answers/unanswered';
import { readConfig } from '../config';
import { isOutcome, readCommandLine } from './commandLine';
import { say } from './messages';
import { type Outcome, ok, usageError } from './outcome';
import { withStores } from './served';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `resonet kb unanswered [--since YYYY-MM-DD] [--json] [--lang en|vi]`: the questions the
 * knowledge base could not answer well, grouped, from the bot's own database.
 */
export async function kbUnanswered(
  argv: string[],
  env: NodeJS.ProcessEnv,
  now: Date = new Date(),
): Promise<Outcome> {
  const line = readCommandLine<{ since?: string; json?: boolean }>(
    argv,
    env,
    { since: { type: 'string' }, json: { type: 'boolean' } },
    'kbUsage',
  );
  if (isOutcome(line)) return line;
  const { values, positionals, lang } = line;
  if (positionals.join(' ') !== 'unanswered') return usageError(say('kbUsage', lang));
  const since = values.since ?? new Date(now.getTime() - 30 * DAY_MS).toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(since) || Number.isNaN(Date.parse(since)))
    return usageError(say('badSince', lang, { value: since }));

  const config = readConfig(env);
  const off = config.ok && config.value.unansweredDays === 0;
  return withStores(lang, env, async (stores) => {
    const groups = groupUnanswered(await stores.unanswered.list(new Date(`${since}T00:00:00Z`)));
    if (values.json) return ok(`${JSON.stringify({ since, groups }, null, 2)}\n`);
    const offNote = off ? `\n${say('unansweredOffNote', lang)}` : '';
    if (!groups.length) return ok(`${say('unansweredNone', lang, { since })}${offNote}\n`);
    const count = groups.reduce((n, g) => n + g.count, 0);
    const lines = [say('unansweredHeader', lang, { since, count, groups: groups.length })];
    for (const g of groups) {
      lines.push(
        say('unansweredGroup', lang, {
          count: g.count,
          question: g.question,
          langs: g.langs.join(', '),
          outcomes: g.outcomes.join(', '),
          last: g.lastAsked.toISOString().slice(0, 10),
          nearest: g.nearest[0] ? say('unansweredNearest', lang, { entry: g.nearest[0] }) : '',
        }),
      );
      if (g.wordings.length > 1)
        lines.push(say('unansweredOther', lang, { wordings: g.wordings.slice(1, 4).join(' | ') }));
    }
    return ok(`${lines.join('\n')}${offNote}\n`);
  });
}
