// Checks an Adaptive Card the way Teams will see it, for tests: `validateAdaptiveCard(card)`
// returns the problems found, [] when the card is fine.
//
// Two passes:
//  1. A walk over the card against the Adaptive Cards 1.5 schema
//     (https://adaptivecards.io/schemas/1.5.0/adaptive-card.json): the card's `type` and
//     `version` (≤ 1.5, what Teams renders), every element, action, input and their parts being
//     a 1.5 type, and the properties that schema marks required.
//  2. The official `adaptivecards` renderer's own parser (AdaptiveCard.parse with a
//     SerializationContext targeting 1.5, then validateProperties()), whose events catch what the
//     walk does not: bad enum values, duplicate ids, choice sets without ids, and so on.
//
// The parser is loaded from the package's UMD build with require(): its ESM build (lib/) uses
// extensionless relative imports that Node's ESM loader rejects. Parsing and validating need no
// DOM; only rendering does, and nothing here renders.
//
// The walk is needed as well because the parser is lenient where rendering copes: it accepts
// `"version": "1.6"`, a missing `type`, a TextBlock without `text`, an Image without `url`, a
// FactSet without `facts` and Facts without values, all of which the 1.5 schema rejects.
import { createRequire } from 'node:module';
import type * as AdaptiveCardsModule from 'adaptivecards';

const AC = createRequire(import.meta.url)(
  'adaptivecards/dist/adaptivecards.js',
) as typeof AdaptiveCardsModule;

/** The highest card version Teams renders. */
export const MAX_VERSION = '1.5';

type Kind = 'string' | 'array';
type Required = Record<string, Kind>;

// Element types allowed in `body`, `items` and `fallback` in 1.5, with their required properties.
const ELEMENTS: Record<string, Required> = {
  ActionSet: { actions: 'array' },
  ColumnSet: {},
  Container: { items: 'array' },
  FactSet: { facts: 'array' },
  Image: { url: 'string' },
  ImageSet: { images: 'array' },
  Media: { sources: 'array' },
  RichTextBlock: { inlines: 'array' },
  Table: {},
  TextBlock: { text: 'string' },
  'Input.ChoiceSet': { id: 'string' },
  'Input.Date': { id: 'string' },
  'Input.Number': { id: 'string' },
  'Input.Text': { id: 'string' },
  'Input.Time': { id: 'string' },
  'Input.Toggle': { id: 'string', title: 'string' },
};

const ACTIONS: Record<string, Required> = {
  'Action.Execute': {},
  'Action.OpenUrl': { url: 'string' },
  'Action.ShowCard': {},
  'Action.Submit': {},
  'Action.ToggleVisibility': { targetElements: 'array' },
};

// Parts that are not elements: their required properties, and the `type` they may state.
const PARTS: Record<string, Required> = {
  BackgroundImage: { url: 'string' },
  Column: {},
  Fact: { title: 'string', value: 'string' },
  'Input.Choice': { title: 'string', value: 'string' },
  MediaSource: { mimeType: 'string', url: 'string' },
  TableCell: { items: 'array' },
  TableColumnDefinition: {},
  TableRow: {},
  TargetElement: { elementId: 'string' },
  TextRun: { text: 'string' },
};

type Obj = Record<string, unknown>;
const isObject = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

class Walk {
  readonly problems: string[] = [];

  private report(path: string, problem: string) {
    this.problems.push(`${path}: ${problem}`);
  }

  private required(path: string, node: Obj, required: Required) {
    for (const [key, kind] of Object.entries(required)) {
      const value = node[key];
      if (value === undefined || value === null) this.report(path, `missing required "${key}"`);
      else if (kind === 'array' ? !Array.isArray(value) : typeof value !== 'string')
        this.report(path, `"${key}" must be ${kind === 'array' ? 'an array' : 'a string'}`);
    }
  }

  private list(path: string, value: unknown, each: (path: string, item: unknown) => void) {
    if (value === undefined) return;
    if (!Array.isArray(value)) return this.report(path, 'must be an array');
    value.forEach((item, i) => {
      each(`${path}[${i}]`, item);
    });
  }

  /** A part whose `type` is optional but, when given, must be its own name. */
  private part(path: string, node: unknown, name: string) {
    if (!isObject(node)) return this.report(path, `${name} must be an object`);
    if (node.type !== undefined && node.type !== name)
      this.report(path, `type must be "${name}", got ${JSON.stringify(node.type)}`);
    this.required(path, node, PARTS[name]!);
    return node;
  }

  card(path: string, card: unknown, topLevel: boolean) {
    if (!isObject(card)) return this.report(path, 'must be an object');
    if (card.type !== 'AdaptiveCard')
      this.report(path, `type must be "AdaptiveCard", got ${JSON.stringify(card.type)}`);
    // The schema: "Version is not required for cards within an Action.ShowCard. However, it
    // *is* required for the top-level card."
    if (topLevel || card.version !== undefined) this.version(path, card.version);
    this.list(`${path}.body`, card.body, (p, item) => this.element(p, item));
    this.list(`${path}.actions`, card.actions, (p, item) => this.action(p, item));
    if (card.selectAction !== undefined)
      this.action(`${path}.selectAction`, card.selectAction, true);
    this.backgroundImage(`${path}.backgroundImage`, card.backgroundImage);
  }

  private version(path: string, version: unknown) {
    if (typeof version !== 'string') return this.report(path, 'missing required "version"');
    const match = /^(\d+)\.(\d+)$/.exec(version);
    if (!match) return this.report(path, `version "${version}" is not major.minor`);
    const [major, minor] = [Number(match[1]), Number(match[2])];
    const [maxMajor, maxMinor] = MAX_VERSION.split('.').map(Number) as [number, number];
    if (major > maxMajor || (major === maxMajor && minor > maxMinor))
      this.report(path, `version ${version} is above ${MAX_VERSION}, the highest Teams supports`);
  }

  private backgroundImage(path: string, value: unknown) {
    if (value === undefined || typeof value === 'string') return;
    this.part(path, value, 'BackgroundImage');
  }

  private typed(path: string, node: unknown, known: Record<string, Required>, what: string) {
    if (!isObject(node)) {
      this.report(path, `${what} must be an object`);
      return undefined;
    }
    if (typeof node.type !== 'string') {
      this.report(path, `${what} without a "type"`);
      return undefined;
    }
    const required = known[node.type];
    if (!required) {
      this.report(
        path,
        `unknown ${what} type "${node.type}" (not in Adaptive Cards ${MAX_VERSION})`,
      );
      return undefined;
    }
    const at = `${path} (${node.type})`;
    this.required(at, node, required);
    if (isObject(node.fallback)) {
      if (what === 'action') this.action(`${at}.fallback`, node.fallback);
      else this.element(`${at}.fallback`, node.fallback);
    } else if (node.fallback !== undefined && node.fallback !== 'drop')
      this.report(at, 'fallback must be an object or "drop"');
    return { node, at };
  }

  element(path: string, value: unknown) {
    const found = this.typed(path, value, ELEMENTS, 'element');
    if (!found) return;
    const { node, at } = found;
    const elements = (key: string) =>
      this.list(`${at}.${key}`, node[key], (p, item) => this.element(p, item));
    if (node.selectAction !== undefined) this.action(`${at}.selectAction`, node.selectAction, true);
    this.backgroundImage(`${at}.backgroundImage`, node.backgroundImage);
    switch (node.type) {
      case 'Container':
        return elements('items');
      case 'ColumnSet':
        return this.list(`${at}.columns`, node.columns, (p, column) => {
          const part = this.part(p, column, 'Column');
          if (!part) return;
          this.list(`${p}.items`, part.items, (q, item) => this.element(q, item));
          if (part.selectAction !== undefined)
            this.action(`${p}.selectAction`, part.selectAction, true);
          this.backgroundImage(`${p}.backgroundImage`, part.backgroundImage);
        });
      case 'ActionSet':
        return this.list(`${at}.actions`, node.actions, (p, item) => this.action(p, item));
      case 'FactSet':
        return this.list(`${at}.facts`, node.facts, (p, fact) => this.part(p, fact, 'Fact'));
      case 'ImageSet':
        return this.list(`${at}.images`, node.images, (p, image) => {
          if (isObject(image) && image.type === undefined) this.required(p, image, ELEMENTS.Image!);
          else this.element(p, image);
        });
      case 'Media':
        return this.list(`${at}.sources`, node.sources, (p, source) =>
          this.part(p, source, 'MediaSource'),
        );
      case 'RichTextBlock':
        return this.list(`${at}.inlines`, node.inlines, (p, inline) => {
          if (typeof inline === 'string') return;
          const run = this.part(p, inline, 'TextRun');
          if (run?.selectAction !== undefined)
            this.action(`${p}.selectAction`, run.selectAction, true);
        });
      case 'Table':
        this.list(`${at}.columns`, node.columns, (p, column) =>
          this.part(p, column, 'TableColumnDefinition'),
        );
        return this.list(`${at}.rows`, node.rows, (p, row) => {
          const part = this.part(p, row, 'TableRow');
          this.list(`${p}.cells`, part?.cells, (q, cell) => {
            const c = this.part(q, cell, 'TableCell');
            this.list(`${q}.items`, c?.items, (r, item) => this.element(r, item));
            if (c?.selectAction !== undefined)
              this.action(`${q}.selectAction`, c.selectAction, true);
          });
        });
      case 'Input.ChoiceSet':
        return this.list(`${at}.choices`, node.choices, (p, choice) =>
          this.part(p, choice, 'Input.Choice'),
        );
      case 'Input.Text':
        if (node.inlineAction !== undefined)
          this.action(`${at}.inlineAction`, node.inlineAction, true);
        return;
    }
  }

  action(path: string, value: unknown, selectAction = false) {
    const found = this.typed(path, value, ACTIONS, 'action');
    if (!found) return;
    const { node, at } = found;
    if (selectAction && node.type === 'Action.ShowCard')
      this.report(at, 'Action.ShowCard cannot be a selectAction or inlineAction');
    if (node.type === 'Action.ShowCard' && node.card !== undefined)
      this.card(`${at}.card`, node.card, false);
    if (node.type === 'Action.ToggleVisibility')
      this.list(`${at}.targetElements`, node.targetElements, (p, target) => {
        if (typeof target !== 'string') this.part(p, target, 'TargetElement');
      });
  }
}

/** What the official parser reports for a card, as "adaptivecards: <event>: <message>". */
function parserProblems(card: unknown): string[] {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i));
  events.push(...parsed.validateProperties().validationEvents);
  return events.map(
    (event) => `adaptivecards: ${AC.ValidationEvent[event.event]}: ${event.message}`,
  );
}

/**
 * Checks an Adaptive Card (the JSON object, as sent in an attachment's `content`) against
 * Adaptive Cards 1.5. Returns a list of problems, each naming where it is; [] means the card
 * is fine.
 */
export function validateAdaptiveCard(card: unknown): string[] {
  const walk = new Walk();
  walk.card('card', card, true);
  if (!isObject(card)) return walk.problems;
  return [...new Set([...walk.problems, ...parserProblems(card)])];
}
