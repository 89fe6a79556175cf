import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Centre } from '@resonet/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/content';
import { createLogger } from '../src/log';
import { loadPack } from '../src/pack/loadPack';
import { liveRegistry, REGISTRY_REFRESH_MS } from '../src/registry';
import { registryContent } from '../src/serve';
import {
  type CentreRegistry,
  MemoryCentreRegistry,
  SqlCentreRegistry,
} from '../src/storage/centres';
import type { Database } from '../src/storage/database';
import { openEmbedded } from '../src/storage/embedded';
import { migrate } from '../src/storage/migrations';
import { openPostgres } from '../src/storage/postgres';
import { openStores } from '../src/storage/stores';
import { ChannelChat, makeBot } from './support/bot';
import { freshDataDir, freshPostgres, postgresSkipReason } from './support/databases';
import { assertBuilt, runCli } from './support/processes';

const centre = (id: string, fields: Partial<Centre> = {}): Centre => ({
  id,
  name: { en: `Example ${id}`, vi: `Ví dụ ${id}` },
  country: 'VN',
  roleIds: [],
  workingGroupIds: [],
  example: true,
  ...fields,
});

function contract(
  name: string,
  open: () => Promise<{ registry: CentreRegistry; db?: Database; close: () => Promise<void> }>,
) {
  describe(`${name} centre registry`, () => {
    let s: Awaited<ReturnType<typeof open>>;
    beforeAll(async () => {
      s = await open();
    }, 60_000);
    afterAll(async () => s?.close());

    it('keeps each network’s centres apart, sorted by id, as written', async () => {
      const change = await s.registry.write(
        'example-a',
        [centre('b'), centre('a', { country: 'LA' })],
        'pack',
      );
      expect(change).toEqual({ added: 2, updated: 0, unchanged: 0 });
      await s.registry.write('example-b', [centre('z')], 'pack');
      expect((await s.registry.list('example-a')).map((c) => [c.id, c.country])).toEqual([
        ['a', 'LA'],
        ['b', 'VN'],
      ]);
      expect((await s.registry.list('example-b')).map((c) => c.id)).toEqual(['z']);
      expect(await s.registry.list('example-none')).toEqual([]);
    });

    it('counts what did not change, and lets an import replace a centre', async () => {
      expect(await s.registry.write('example-a', [centre('b')], 'pack')).toEqual({
        added: 0,
        updated: 0,
        unchanged: 1,
      });
      const renamed = centre('b', { name: { en: 'Example renamed', vi: 'Ví dụ đổi tên' } });
      expect(await s.registry.write('example-a', [renamed], 'import')).toEqual({
        added: 0,
        updated: 1,
        unchanged: 0,
      });
      expect((await s.registry.list('example-a')).find((c) => c.id === 'b')?.name.en).toBe(
        'Example renamed',
      );
    });

    it('does not let the pack’s copy undo what an import wrote', async () => {
      await s.registry.write('example-a', [centre('b')], 'pack');
      expect((await s.registry.list('example-a')).find((c) => c.id === 'b')?.name.en).toBe(
        'Example renamed',
      );
    });

    it('keeps names with quotes and Vietnamese letters whole', async () => {
      const odd = centre('odd', {
        name: { en: `O'Neil "Centre"; drop table centres; --`, vi: 'Trung tâm Đắk Lắk 😀' },
      });
      await s.registry.write('example-c', [odd], 'import');
      expect((await s.registry.list('example-c'))[0]?.name).toEqual(odd.name);
    });

    if (name !== 'memory')
      it('leaves out a row that no longer reads as a centre, and says so', async () => {
        await s.db?.query(
          `insert into centres (network_id, id, doc, origin) values ('example-d', 'broken', '{"id": 1}', 'import')`,
        );
        const seen: string[] = [];
        const registry = new SqlCentreRegistry(s.db as Database, (_, id) => seen.push(id));
        expect(await registry.list('example-d')).toEqual([]);
        expect(seen).toEqual(['broken']);
      });
  });
}

contract('memory', async () => ({ registry: new MemoryCentreRegistry(), close: async () => {} }));

contract('embedded', async () => {
  const data = freshDataDir();
  const db = await openEmbedded(data.dir);
  await migrate(db);
  return {
    registry: new SqlCentreRegistry(db),
    db,
    close: async () => {
      await db.close();
      data.remove();
    },
  };
});

describe.skipIf(Boolean(postgresSkipReason))('PostgreSQL', () => {
  contract('postgres', async () => {
    const fresh = await freshPostgres();
    const db = await openPostgres(fresh.url);
    await migrate(db);
    return {
      registry: new SqlCentreRegistry(db),
      db,
      close: async () => {
        await db.close();
        await fresh.drop();
      },
    };
  });
});

describe('the registry the bot serves', () => {
  const example = fileURLToPath(new URL('../../../examples/highlands-network', import.meta.url));

  it('is seeded from the pack, keeps imported centres, and is what members choose from', async () => {
    const loaded = await loadPack(example);
    if (!loaded.ok) throw new Error('the example pack is invalid');
    const stores = await openStores({ kind: 'memory' }, createLogger('silent'));
    await stores.centres.write('example-highlands-network', [centre('example-imported')], 'import');
    const served = await registryContent(loaded.value, stores);
    expect(served.centres.map((c) => c.id)).toEqual([
      'example-highlands-east',
      'example-highlands-north',
      'example-highlands-valley',
      'example-imported',
    ]);
    await stores.close();
  });

  it('seeds nothing from the shipped pack: its demo centres stay out of the database', async () => {
    const stores = await openStores({ kind: 'memory' }, createLogger('silent'));
    const served = await registryContent(loadContent({ exampleCentres: true }), stores);
    expect(served.centres.length).toBeGreaterThan(0);
    expect(await stores.centres.list('treatnet')).toEqual([]);
    await stores.close();
  });
});

describe('the registry as the bot reads it while it runs', () => {
  const base = loadContent({ exampleCentres: true });
  it('offers centres imported since, once a minute, and keeps the last list while reads fail', async () => {
    const registry = new MemoryCentreRegistry();
    let clock = 0;
    let failing = false;
    const errors: unknown[] = [];
    const reads: string[] = [];
    const counting = {
      list: async (networkId: string) => {
        reads.push(networkId);
        if (failing) throw new Error('example: database away');
        return registry.list(networkId);
      },
    };
    const current = liveRegistry(base, base, counting, {
      now: () => clock,
      onError: (e) => errors.push(e),
    });
    const ids = async () => (await current()).centres.map((c) => c.id);
    await registry.write('treatnet', [centre('example-imported')], 'import');
    expect(await ids()).not.toContain('example-imported');
    clock = REGISTRY_REFRESH_MS;
    // Turns arriving together share one read.
    const [a, b] = await Promise.all([current(), current()]);
    expect(a).toBe(b);
    expect(reads).toEqual(['treatnet', 'ittc-network']);
    expect(await ids()).toContain('example-imported');
    failing = true;
    clock += REGISTRY_REFRESH_MS;
    expect(await ids()).toContain('example-imported');
    expect(errors).toHaveLength(1);
  });

  it('reaches the bot: a centre imported while it runs is offered to members', async () => {
    const extra = { ...base, centres: [...base.centres, centre('example-new-centre')] };
    const harness = makeBot({ currentContent: async () => extra });
    const chat = new ChannelChat(harness, 'msteams');
    await chat.click({ action: 'start' });
    const replies = await chat.click({ action: 'instrument', id: 'centre-training-needs' });
    expect(JSON.stringify(replies)).toContain('Example example-new-centre');
  });
});

describe('resonet centres (the command line)', () => {
  const root = mkdtempSync(join(tmpdir(), 'resonet-centres-'));
  const env = { RESONET_STORAGE: 'embedded', RESONET_DATA_DIR: join(root, 'data') };
  const example = fileURLToPath(new URL('../../../examples/highlands-network', import.meta.url));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('imports a CSV into the registry and lists it with regions, in both languages', () => {
    assertBuilt();
    const file = join(root, 'more.csv');
    writeFileSync(
      file,
      'id,name,name_vi,country,participation\nexample-new,Example New Centre,Trung tâm Mới Ví dụ,KH,member\n',
    );
    const imported = runCli(['centres', 'import', file, '--pack', example], env);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(
      'Imported 1 centre into the registry of example-highlands-network: 1 new',
    );
    const list = runCli(['centres', 'list', '--pack', example], env);
    expect(list.stdout).toContain('example-new  Example New Centre (KH, Asia) · member');
    expect(list.stdout).toContain('example-highlands-north');
    const vi = runCli(['centres', 'list', '--pack', example, '--lang', 'vi'], env);
    expect(vi.stdout).toContain('Trung tâm Mới Ví dụ (KH, Châu Á)');
    const json = JSON.parse(runCli(['centres', 'list', '--json', '--pack', example], env).stdout);
    expect(json.centres.map((c: Centre) => c.id)).toContain('example-new');
  }, 60_000);

  it('writes nothing from a file with a problem, naming each line and column', () => {
    const file = join(root, 'bad.csv');
    writeFileSync(file, 'id,name,country\nexample-ok,Example OK,VN\nBad Id,Example,ZZ\n');
    const bad = runCli(['centres', 'import', file, '--pack', example], env);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('has 2 problems; no centre was written');
    expect(bad.stderr).toContain(`${file}:3 id: `);
    expect(bad.stderr).toContain(`${file}:3 country: `);
    expect(runCli(['centres', 'list', '--pack', example], env).stdout).not.toContain('example-ok');
  });

  it('maps an unlisted centre typed by members to a registry centre', () => {
    const mapped = runCli(
      [
        'centres',
        'map',
        'Example Typed Centre',
        '--to',
        'example-highlands-north',
        '--pack',
        example,
      ],
      env,
    );
    expect(mapped.status, mapped.stderr).toBe(0);
    expect(mapped.stdout).toContain(
      'Moved 0 results of the unlisted centre “Example Typed Centre” to Example Highlands Centre North',
    );
    const unknown = runCli(
      ['centres', 'map', 'Example Typed Centre', '--to', 'nowhere', '--pack', example],
      env,
    );
    expect(unknown.status).toBe(1);
    expect(runCli(['centres', 'map', 'Example Typed Centre', '--pack', example], env).status).toBe(
      2,
    );
  });

  it('asks which network when the content has two, and explains its arguments', () => {
    const which = runCli(['centres', 'list'], env);
    expect(which.status).toBe(2);
    expect(which.stderr).toContain('Give --network, one of: treatnet, ittc-network');
    expect(runCli(['centres', 'list', '--network', 'treatnet'], env).stdout).toContain(
      'has no centres yet',
    );
    expect(runCli(['centres'], env).status).toBe(2);
    expect(
      runCli(['centres', 'import', join(root, 'missing.csv'), '--network', 'treatnet'], env).stderr,
    ).toContain('ENOENT');
  });
});
