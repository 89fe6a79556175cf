import type { Centre, Instrument, KnowledgeEntry, Network } from '@resonet/core';
import { AnswerEngine } from './answers/answer';
import type { SourceTitle } from './answers/citation';
import type { Branding } from './pack/branding';
import { shippedPack } from './pack/shipped';

/**
 * What the bot talks about, from one content pack: the networks, their centres, the
 * instruments, the answers, and the pack's branding. Nothing below this names a network.
 */
export interface Content {
  networks: readonly Network[];
  centres: readonly Centre[];
  instruments: readonly Instrument[];
  answers: AnswerEngine;
  /** The documents facts are cited from, so citations show their titles. */
  documents: readonly SourceTitle[];
  branding: Branding;
  /** The pack's logo, for the page and the Teams icons. */
  logo?: { data: Uint8Array; type: 'image/png' | 'image/svg+xml' };
  /** The centres the pack seeds each network's registry with (demo centres are not seeded). */
  seed: readonly { networkId: string; centres: readonly Centre[] }[];
}

/** The parts of a pack that make its content. */
export interface ContentParts {
  branding: Branding;
  networks: readonly [Network, ...Network[]];
  centres: readonly Centre[];
  instruments: readonly Instrument[];
  knowledge: readonly KnowledgeEntry[];
  documents: readonly SourceTitle[];
  logo?: Content['logo'];
  seed?: Content['seed'];
}

/** A pack's content, with the answering engine built over its knowledge and networks. */
export function contentOf(parts: ContentParts): Content {
  const { branding, networks, knowledge, documents } = parts;
  return {
    networks,
    centres: parts.centres,
    instruments: parts.instruments,
    answers: new AnswerEngine(knowledge, networks, {
      documents,
      about: branding.about,
      topics: branding.topics,
      examples: branding.examples,
    }),
    documents,
    branding,
    ...(parts.logo ? { logo: parts.logo } : {}),
    seed: parts.seed ?? [],
  };
}

/**
 * The content with its centres as the registry holds them: the registry's centres of each
 * network first, then those the content has that no registry holds (the shipped pack's demo
 * centres).
 */
export function withRegistry(content: Content, registered: readonly Centre[]): Content {
  const ids = new Set(registered.map((c) => c.id));
  return { ...content, centres: [...registered, ...content.centres.filter((c) => !ids.has(c.id))] };
}

/**
 * The shipped content (Treatnet and the ITTC Network). The sources name no individual
 * centre, so the centre list is empty (members type their centre's name) unless the example
 * centres are asked for, for demos.
 */
export function loadContent(options: { exampleCentres?: boolean } = {}): Content {
  const pack = shippedPack(options);
  const [first, ...rest] = pack.networks;
  if (!first) throw new Error('the shipped pack has no network');
  return contentOf({ ...pack, networks: [first, ...rest] });
}
