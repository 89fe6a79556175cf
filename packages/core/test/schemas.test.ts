import { readFileSync } from 'node:fs';
import { instruments, ittcNetwork, treatnet } from '@resonet/fixtures';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { jsonSchema, PUBLISHED_SCHEMAS } from '../src/index';

// Partners validate with JSON Schema, not zod: the generated files must accept real data
// and reject what zod rejects.
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
ajv.addFormat('email', /^[^@\s]+@[^@\s]+\.[^@\s]+$/);

describe('JSON Schema in Ajv’s strict mode', () => {
  it('compiles every published schema with Ajv’s defaults (strict) and the standard formats', () => {
    const strict = addFormats(new Ajv2020());
    for (const name of Object.keys(PUBLISHED_SCHEMAS) as (keyof typeof PUBLISHED_SCHEMAS)[])
      expect(() => strict.compile(jsonSchema(name)), name).not.toThrow();
  });

  it('accepts a partner’s minimal network: an id and a name', () => {
    const strict = addFormats(new Ajv2020());
    const network = strict.compile(jsonSchema('network'));
    expect(network({ id: 'example-network', name: { en: 'Example Network' } })).toBe(true);
    expect(network({ id: 'example-network' })).toBe(false);
  });
});

describe('JSON Schema', () => {
  const network = ajv.compile(jsonSchema('network'));

  it('accepts the shipped networks', () => {
    expect(network(treatnet) ? [] : network.errors).toEqual([]);
    expect(network(ittcNetwork) ? [] : network.errors).toEqual([]);
  });

  it('accepts the built-in instruments and rejects a malformed one', () => {
    const instrument = ajv.compile(jsonSchema('instrument'));
    for (const i of instruments) expect(instrument(i) ? [] : instrument.errors).toEqual([]);
    const broken = structuredClone(instruments[0]!) as unknown as {
      sections: { items: { type: string }[] }[];
    };
    broken.sections[0]!.items[0]!.type = 'slider';
    expect(instrument(broken)).toBe(false);
  });

  it('rejects what core rejects', () => {
    expect(network({ ...treatnet, id: 'Not Kebab' })).toBe(false);
    expect(network({ ...treatnet, unknownField: 1 })).toBe(false);
    const centre = ajv.compile(jsonSchema('centre'));
    const base = {
      id: 'example-a',
      name: { en: 'Example' },
      hostKind: 'university',
      participation: 'technology-transfer-centre',
      roleIds: [],
      workingGroupIds: [],
      example: true,
    };
    expect(centre({ ...base, country: 'VN' })).toBe(true);
    expect(centre({ ...base, country: 'XX' })).toBe(false);
    expect(
      centre({ ...base, country: 'VN', focalPoint: { role: { en: 'Lead' }, name: 'X' } }),
    ).toBe(false);
  });

  it('ships one file per published schema, identical to the generator', () => {
    for (const name of Object.keys(PUBLISHED_SCHEMAS) as (keyof typeof PUBLISHED_SCHEMAS)[]) {
      const file = new URL(`../schemas/${name}.json`, import.meta.url);
      const shipped = JSON.parse(readFileSync(file, 'utf8'));
      expect(shipped).toEqual(JSON.parse(JSON.stringify(jsonSchema(name))));
      expect(shipped.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });
});
