import type { SourceRef } from '@resonet/core';
import type { SourceTitle } from '../answers/citation';
import { type Content, contentOf } from '../content';
import type { Pack } from './parsePack';

/**
 * A cited file's title when the pack gives none: its name without the extension, in words
 * ("knowledge/how-to-join.md" → "How to join"). A bare file name would read as a web address
 * ("example-charter.md") and be shown as a link.
 */
export function titleFromFile(file: string): string {
  const base = file.split('/').pop() ?? file;
  const words = base
    .replace(/\.[^.]+$/, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : file;
}

/** The documents a pack's facts cite: those it names in pack.yaml, then every other file cited. */
function documentsOf(pack: Pack): SourceTitle[] {
  const named: SourceTitle[] = pack.branding.documents.map((d) => ({
    file: d.file,
    title: d.title,
    ...(d.sections ? { sections: d.sections } : {}),
  }));
  const cited = new Set<string>();
  const add = (refs: readonly SourceRef[] | undefined) => {
    for (const ref of refs ?? []) cited.add(ref.document);
  };
  for (const entry of pack.knowledge) add(entry.sources);
  for (const centre of pack.centres) add(centre.sources);
  add(pack.network.sources);
  const known = new Set(named.map((d) => d.file));
  const rest = [...cited]
    .filter((file) => !known.has(file))
    .map((file) => ({ file, title: { en: titleFromFile(file) } }));
  return [...named, ...rest];
}

/** What the bot serves from a pack. */
export function packContent(pack: Pack): Content {
  return contentOf({
    branding: pack.branding,
    networks: [pack.network],
    centres: pack.centres,
    instruments: pack.instruments,
    knowledge: pack.knowledge,
    documents: documentsOf(pack),
    ...(pack.logo ? { logo: { data: pack.logo.data, type: pack.logo.type } } : {}),
    seed: [{ networkId: pack.network.id, centres: pack.centres }],
  });
}
