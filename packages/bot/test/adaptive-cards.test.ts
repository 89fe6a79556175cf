import { describe, expect, it } from 'vitest';
import { validateAdaptiveCard } from './support/adaptiveCards';

const good = () => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'Hi', wrap: true } as Record<string, unknown>,
    {
      type: 'Input.ChoiceSet',
      id: 'answer',
      style: 'expanded',
      choices: [{ title: '1. No', value: '1' }],
    },
    { type: 'FactSet', facts: [{ title: 'a', value: 'b' }] },
  ],
  actions: [
    { type: 'Action.Submit', title: 'Answer', data: { action: 'answer' } } as Record<
      string,
      unknown
    >,
  ],
});

describe('validateAdaptiveCard', () => {
  it('accepts a good 1.5 card', () => {
    expect(validateAdaptiveCard(good())).toEqual([]);
  });

  it('accepts every 1.5 element and action type used properly', () => {
    const card = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        {
          type: 'Container',
          items: [{ type: 'Image', url: 'https://example.org/a.png', altText: 'a' }],
          selectAction: { type: 'Action.OpenUrl', url: 'https://example.org' },
        },
        {
          type: 'ColumnSet',
          columns: [{ type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: 'x' }] }],
        },
        { type: 'RichTextBlock', inlines: ['plain', { type: 'TextRun', text: 'run' }] },
        { type: 'ImageSet', images: [{ type: 'Image', url: 'https://example.org/b.png' }] },
        {
          type: 'Table',
          columns: [{ width: 1 }],
          rows: [{ type: 'TableRow', cells: [{ type: 'TableCell', items: [] }] }],
        },
        { type: 'ActionSet', actions: [{ type: 'Action.Execute', verb: 'go', title: 'Go' }] },
        { type: 'Input.Text', id: 't', label: 'Text', isMultiline: true, maxLength: 200 },
        { type: 'Input.Number', id: 'n', min: 0, max: 5 },
        { type: 'Input.Date', id: 'd' },
        { type: 'Input.Time', id: 'h' },
        { type: 'Input.Toggle', id: 'g', title: 'Agree' },
        {
          type: 'Media',
          sources: [{ mimeType: 'video/mp4', url: 'https://example.org/v.mp4' }],
        },
      ],
      actions: [
        { type: 'Action.ToggleVisibility', title: 'More', targetElements: ['t'] },
        {
          type: 'Action.ShowCard',
          title: 'Details',
          card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'inside' }] },
        },
      ],
    };
    expect(validateAdaptiveCard(card)).toEqual([]);
  });

  it('accepts an Action.Submit without data', () => {
    const card = good();
    card.actions = [{ type: 'Action.Submit', title: 'Send' }];
    expect(validateAdaptiveCard(card)).toEqual([]);
  });

  it('rejects an unknown element type', () => {
    const card = good();
    card.body.push({ type: 'Carousel', pages: [] });
    const problems = validateAdaptiveCard(card);
    expect(problems).toContainEqual(expect.stringMatching(/body\[3\].*unknown element type/));
    // The official parser agrees.
    expect(problems).toContainEqual(expect.stringMatching(/UnknownElementType.*"Carousel"/));
  });

  it('rejects an unknown element type nested in a container and an unknown action', () => {
    const card = good();
    card.body.push({ type: 'Container', items: [{ type: 'Textblock', text: 'typo' }] });
    card.actions.push({ type: 'Action.Popover', title: 'x' });
    const problems = validateAdaptiveCard(card);
    expect(problems).toContainEqual(
      expect.stringMatching(/body\[3\] \(Container\)\.items\[0\].*"Textblock"/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/actions\[1\].*"Action.Popover"/));
  });

  it('rejects version 1.6 and a missing version', () => {
    expect(validateAdaptiveCard({ ...good(), version: '1.6' })).toEqual([
      'card: version 1.6 is above 1.5, the highest Teams supports',
    ]);
    expect(validateAdaptiveCard({ ...good(), version: '2.0' })).toContain(
      'card: version 2.0 is above 1.5, the highest Teams supports',
    );
    const { version: _, ...noVersion } = good();
    expect(validateAdaptiveCard(noVersion)).toEqual(['card: missing required "version"']);
    expect(validateAdaptiveCard({ ...good(), version: '1.4' })).toEqual([]);
  });

  it('rejects a card that is not an AdaptiveCard', () => {
    expect(validateAdaptiveCard({ ...good(), type: 'HeroCard' })).toContainEqual(
      expect.stringMatching(/type must be "AdaptiveCard"/),
    );
    expect(validateAdaptiveCard('hello')).toEqual(['card: must be an object']);
  });

  it('rejects missing required properties', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ type: 'TextBlock', wrap: true }, /TextBlock\): missing required "text"/],
      [{ type: 'Input.Text' }, /Input\.Text\): missing required "id"/],
      [{ type: 'Image' }, /Image\): missing required "url"/],
      [{ type: 'FactSet' }, /FactSet\): missing required "facts"/],
      [{ type: 'FactSet', facts: [{ title: 'a' }] }, /facts\[0\]: missing required "value"/],
      [{ type: 'Container' }, /Container\): missing required "items"/],
      [
        { type: 'Input.ChoiceSet', id: 'c', choices: [{ title: 'a' }] },
        /choices\[0\]: missing required "value"/,
      ],
      [{ type: 'Input.Toggle', id: 't' }, /Input\.Toggle\): missing required "title"/],
    ];
    for (const [element, problem] of cases) {
      const card = good();
      card.body = [element];
      expect(validateAdaptiveCard(card), JSON.stringify(element)).toContainEqual(
        expect.stringMatching(problem),
      );
    }
    const card = good();
    card.actions = [{ type: 'Action.OpenUrl', title: 'Open' }];
    expect(validateAdaptiveCard(card)).toContainEqual(
      expect.stringMatching(/Action\.OpenUrl\): missing required "url"/),
    );
  });

  it('passes on what the official parser finds: bad values and duplicate ids', () => {
    const card = good();
    card.body = [
      { type: 'TextBlock', text: 'x', size: 'huge' },
      { type: 'Input.Text', id: 'same' },
      { type: 'Input.Number', id: 'same' },
    ];
    const problems = validateAdaptiveCard(card);
    expect(problems).toContainEqual(expect.stringMatching(/InvalidPropertyValue.*"huge"/));
    expect(problems).toContainEqual(expect.stringMatching(/DuplicateId.*"same"/));
  });

  it('rejects Action.ShowCard as a selectAction and checks cards inside ShowCard', () => {
    const card = good();
    card.body = [
      {
        type: 'Container',
        items: [],
        selectAction: { type: 'Action.ShowCard', card: { type: 'AdaptiveCard', body: [] } },
      },
    ];
    card.actions = [
      { type: 'Action.ShowCard', title: 'More', card: { type: 'AdaptiveCard', body: [{}] } },
    ];
    const problems = validateAdaptiveCard(card);
    expect(problems).toContainEqual(expect.stringMatching(/cannot be a selectAction/));
    expect(problems).toContainEqual(
      expect.stringMatching(/actions\[0\] \(Action\.ShowCard\)\.card\.body\[0\].*without a "type"/),
    );
  });
});
