import type { Condition } from './conditions';
import type { Item } from './instrument';

/**
 * XLSForm's `relevant` expressions, the common forms, read into the condition AST and written
 * back: `${q} = 'a'`, `${q} != ''`, `${q} > 3`, `selected(${q}, 'a')`,
 * `count-selected(${q}) >= 2`, `not(…)`, `and`, `or` and parentheses. Anything else is
 * refused with the part that is not understood.
 */

type Token =
  | { kind: 'ref'; name: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'op'; value: '=' | '!=' | '>' | '>=' | '<' | '<=' }
  | { kind: 'word'; value: string }
  | { kind: 'punct'; value: '(' | ')' | ',' };

const TOKEN =
  /\s*(?:\$\{([^}]+)\}|'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?)|(!=|>=|<=|=|>|<)|([A-Za-z][\w-]*)|([(),]))/y;

function tokenize(text: string): Token[] | string {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) return text.slice(at).trim();
    at = TOKEN.lastIndex;
    if (m[1] !== undefined) tokens.push({ kind: 'ref', name: m[1].trim() });
    else if (m[2] !== undefined || m[3] !== undefined)
      tokens.push({ kind: 'string', value: m[2] ?? m[3] ?? '' });
    else if (m[4] !== undefined) tokens.push({ kind: 'number', value: Number(m[4]) });
    else if (m[5] !== undefined) tokens.push({ kind: 'op', value: m[5] as '=' });
    else if (m[6] !== undefined) tokens.push({ kind: 'word', value: m[6] });
    else tokens.push({ kind: 'punct', value: m[7] as '(' });
  }
  return tokens;
}

/** What the names in an expression stand for: the item each `${name}` is, by its new id. */
export interface ExpressionContext {
  /** The item a form's name refers to, with the id it is given. */
  item(name: string): Pick<Item, 'id' | 'type'> | undefined;
}

class Parser {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly context: ExpressionContext,
  ) {}

  private peek = () => this.tokens[this.at];
  private next = () => this.tokens[this.at++];
  private word(value: string) {
    const t = this.peek();
    return t?.kind === 'word' && t.value.toLowerCase() === value;
  }
  private expect(value: '(' | ')' | ',') {
    const t = this.next();
    if (t?.kind !== 'punct' || t.value !== value) throw new Error(`expected "${value}"`);
  }

  parse(): Condition {
    const condition = this.or();
    if (this.at < this.tokens.length) throw new Error('unexpected text at the end');
    return condition;
  }

  private or(): Condition {
    const parts = [this.and()];
    while (this.word('or')) {
      this.next();
      parts.push(this.and());
    }
    return parts.length === 1 && parts[0] ? parts[0] : { op: 'any', conditions: parts };
  }

  private and(): Condition {
    const parts = [this.unary()];
    while (this.word('and')) {
      this.next();
      parts.push(this.unary());
    }
    return parts.length === 1 && parts[0] ? parts[0] : { op: 'all', conditions: parts };
  }

  private unary(): Condition {
    if (this.word('not')) {
      this.next();
      this.expect('(');
      const condition = this.or();
      this.expect(')');
      return { op: 'not', condition };
    }
    const t = this.peek();
    if (t?.kind === 'punct' && t.value === '(') {
      this.next();
      const condition = this.or();
      this.expect(')');
      return condition;
    }
    if (this.word('selected')) return this.selected();
    if (this.word('count-selected')) return this.countSelected();
    return this.comparison();
  }

  private ref(): Pick<Item, 'id' | 'type'> {
    const t = this.next();
    if (t?.kind !== 'ref') throw new Error('expected a question such as ${name}');
    const item = this.context.item(t.name);
    if (!item) throw new Error(`no earlier question is named "${t.name}"`);
    return item;
  }

  private selected(): Condition {
    this.next();
    this.expect('(');
    const item = this.ref();
    this.expect(',');
    const value = this.next();
    if (value?.kind !== 'string' && value?.kind !== 'number')
      throw new Error('selected() needs a choice name');
    this.expect(')');
    const choice = String(value.value);
    if (item.type === 'yes-no') return { op: 'equals', item: item.id, value: choice === 'yes' };
    return item.type === 'multiple'
      ? { op: 'in', item: item.id, values: [choiceId(choice)] }
      : { op: 'equals', item: item.id, value: choiceId(choice) };
  }

  private countSelected(): Condition {
    this.next();
    this.expect('(');
    const item = this.ref();
    this.expect(')');
    const op = this.next();
    const value = this.next();
    if (op?.kind !== 'op' || op.value === '!=' || value?.kind !== 'number')
      throw new Error('count-selected() is compared with a number');
    const compare = ({ '=': 'eq', '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte' } as const)[
      op.value
    ];
    return { op: 'count-selected', compare, item: item.id, value: value.value };
  }

  private comparison(): Condition {
    const item = this.ref();
    const op = this.next();
    const value = this.next();
    if (op?.kind !== 'op' || !value || (value.kind !== 'string' && value.kind !== 'number'))
      throw new Error('a question is compared with a value');
    // "${q} != ''": the question was answered; "${q} = ''": it was not.
    if (value.kind === 'string' && value.value === '') {
      if (op.value === '!=') return { op: 'answered', item: item.id };
      if (op.value === '=') return { op: 'not', condition: { op: 'answered', item: item.id } };
      throw new Error('an empty answer is only compared with = or !=');
    }
    if (op.value === '=' || op.value === '!=') {
      const equals: Condition = { op: 'equals', item: item.id, value: valueFor(item, value) };
      return op.value === '=' ? equals : { op: 'not', condition: equals };
    }
    if (value.kind !== 'number') throw new Error(`${op.value} compares with a number`);
    const ops = { '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte' } as const;
    return { op: ops[op.value], item: item.id, value: value.value };
  }
}

/** A form's choice name as an id: "option_1" → "option-1". */
export function choiceId(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function valueFor(
  item: Pick<Item, 'type'>,
  token: { kind: 'string' | 'number'; value: string | number },
): string | number | boolean {
  if (item.type === 'yes-no') return token.value === 'yes' || token.value === 1;
  if (item.type === 'number' || item.type === 'likert') return Number(token.value);
  return choiceId(String(token.value));
}

/**
 * Reads a `relevant` expression: the condition, or the reason it is not one of the forms
 * understood.
 *
 * @example
 * ```ts
 * const items = new Map([['smoker', { id: 'smoker', type: 'yes-no' as const }]]);
 * parseRelevant("${smoker} = 'yes'", { item: (n) => items.get(n) });
 * // { ok: true, value: { op: 'equals', item: 'smoker', value: true } }
 * ```
 */
export function parseRelevant(
  text: string,
  context: ExpressionContext,
): { ok: true; value: Condition } | { ok: false; error: string } {
  const tokens = tokenize(text);
  if (typeof tokens === 'string') return { ok: false, error: `not understood: "${tokens}"` };
  try {
    return { ok: true, value: new Parser(tokens, context).parse() };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

const quote = (value: string | number) =>
  typeof value === 'number' ? String(value) : `'${value}'`;
const COMPARE = { eq: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/**
 * A condition as an XLSForm `relevant` expression, naming items by id.
 *
 * @example
 * ```ts
 * relevantExpression({ op: 'gte', item: 'staff', value: 3 }, () => 'number'); // '${staff} >= 3'
 * ```
 */
export function relevantExpression(
  condition: Condition,
  typeOf: (itemId: string) => Item['type'] | undefined,
): string {
  const inner = (c: Condition): string => {
    const text = relevantExpression(c, typeOf);
    return c.op === 'all' || c.op === 'any' ? `(${text})` : text;
  };
  switch (condition.op) {
    case 'all':
      return condition.conditions.map(inner).join(' and ');
    case 'any':
      return condition.conditions.map(inner).join(' or ');
    case 'not':
      if (condition.condition.op === 'answered') return `\${${condition.condition.item}} = ''`;
      return `not(${relevantExpression(condition.condition, typeOf)})`;
    case 'answered':
      return `\${${condition.item}} != ''`;
    case 'equals': {
      const value =
        typeof condition.value === 'boolean' ? (condition.value ? 'yes' : 'no') : condition.value;
      return `\${${condition.item}} = ${quote(value)}`;
    }
    case 'in': {
      const multiple = typeOf(condition.item) === 'multiple';
      const parts = condition.values.map((v) =>
        multiple
          ? `selected(\${${condition.item}}, ${quote(v)})`
          : `\${${condition.item}} = ${quote(v)}`,
      );
      return parts.length === 1 ? (parts[0] ?? '') : `(${parts.join(' or ')})`;
    }
    case 'count-selected':
      return `count-selected(\${${condition.item}}) ${COMPARE[condition.compare]} ${condition.value}`;
    default:
      return `\${${condition.item}} ${COMPARE[condition.op === 'gt' ? 'gt' : condition.op]} ${condition.value}`;
  }
}
