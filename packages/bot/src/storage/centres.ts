import { type Centre, CentreSchema } from '@resonet/core';
import type { Queryable } from './database';

/** Where a registry centre came from: the pack served, or `resonet centres import`. */
export type CentreOrigin = 'pack' | 'import';

/** What writing centres into the registry did. */
export interface RegistryChange {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * The centres of each network, by network id: what members choose from and what results
 * are keyed by. Centres are written whole (the last write of a centre wins) and never
 * deleted here: results keep pointing at them.
 */
export interface CentreRegistry {
  /** The network's centres, by id. */
  list(networkId: string): Promise<Centre[]>;
  /**
   * Adds or replaces centres. A centre an import wrote is not replaced by the pack's copy:
   * a pack seeds the registry, an import is the registry's own later word.
   */
  write(
    networkId: string,
    centres: readonly Centre[],
    origin: CentreOrigin,
  ): Promise<RegistryChange>;
}

/** The same centre, whatever order its keys are in (jsonb keeps its own order). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}
const same = (a: unknown, b: Centre) => canonical(a) === canonical(b);

export class MemoryCentreRegistry implements CentreRegistry {
  private readonly rows = new Map<string, Map<string, { centre: Centre; origin: CentreOrigin }>>();

  async list(networkId: string) {
    const rows = this.rows.get(networkId) ?? new Map();
    return [...rows.values()]
      .map((r) => structuredClone(r.centre))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async write(networkId: string, centres: readonly Centre[], origin: CentreOrigin) {
    const rows = this.rows.get(networkId) ?? new Map();
    this.rows.set(networkId, rows);
    const change: RegistryChange = { added: 0, updated: 0, unchanged: 0 };
    for (const centre of centres) {
      const old = rows.get(centre.id);
      if (old && (same(old.centre, centre) || (origin === 'pack' && old.origin === 'import'))) {
        change.unchanged++;
        continue;
      }
      change[old ? 'updated' : 'added']++;
      rows.set(centre.id, { centre: structuredClone(centre), origin });
    }
    return change;
  }
}

export class SqlCentreRegistry implements CentreRegistry {
  constructor(
    private readonly db: Queryable & {
      transaction?: <T>(work: (tx: Queryable) => Promise<T>) => Promise<T>;
    },
    private readonly unreadable: (networkId: string, id: string) => void = () => {},
  ) {}

  async list(networkId: string) {
    const rows = await this.db.query<{ id: string; doc: unknown }>(
      'select id, doc from centres where network_id = $1 order by id',
      [networkId],
    );
    // A row that no longer reads as a centre (edited by hand) is left out, and said so.
    return rows.flatMap((row) => {
      const parsed = CentreSchema.safeParse(
        typeof row.doc === 'string' ? JSON.parse(row.doc) : row.doc,
      );
      if (parsed.success) return [parsed.data];
      this.unreadable(networkId, row.id);
      return [];
    });
  }

  async write(networkId: string, centres: readonly Centre[], origin: CentreOrigin) {
    const work = async (tx: Queryable) => {
      const change: RegistryChange = { added: 0, updated: 0, unchanged: 0 };
      for (const centre of centres) {
        const [old] = await tx.query<{ doc: unknown; origin: CentreOrigin }>(
          'select doc, origin from centres where network_id = $1 and id = $2 for update',
          [networkId, centre.id],
        );
        const oldCentre = old && (typeof old.doc === 'string' ? JSON.parse(old.doc) : old.doc);
        if (
          old &&
          (same(oldCentre as Centre, centre) || (origin === 'pack' && old.origin === 'import'))
        ) {
          change.unchanged++;
          continue;
        }
        await tx.query(
          `insert into centres (network_id, id, doc, origin) values ($1, $2, $3, $4)
           on conflict (network_id, id) do update set doc = excluded.doc, origin = excluded.origin, updated_at = now()`,
          [networkId, centre.id, JSON.stringify(centre), origin],
        );
        change[old ? 'updated' : 'added']++;
      }
      return change;
    };
    return this.db.transaction ? this.db.transaction(work) : work(this.db);
  }
}
