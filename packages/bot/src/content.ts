import type { Centre, Instrument, Network } from '@resonet/core';
import {
  exampleIttcCentres,
  exampleTreatnetCentres,
  instruments,
  knowledgeBase,
  networks,
  SOURCE_DOCUMENTS,
  type SourceDocument,
} from '@resonet/fixtures';
import { AnswerEngine } from './answers/answer';

/** What the bot talks about: the networks, their centres, the instruments and the answers. */
export interface Content {
  networks: readonly Network[];
  centres: readonly Centre[];
  instruments: readonly Instrument[];
  answers: AnswerEngine;
  /** The documents facts are cited from, so citations show their titles. */
  documents: readonly SourceDocument[];
}

/**
 * The shipped content. The sources name no individual centre, so the centre list is empty
 * (members type their centre's name) unless the example centres are asked for, for demos.
 */
export function loadContent(options: { exampleCentres?: boolean } = {}): Content {
  return {
    networks,
    centres: [
      ...networks.flatMap((n) => n.centres),
      ...(options.exampleCentres ? [...exampleTreatnetCentres, ...exampleIttcCentres] : []),
    ],
    instruments,
    answers: new AnswerEngine(knowledgeBase, networks, { documents: SOURCE_DOCUMENTS }),
    documents: SOURCE_DOCUMENTS,
  };
}
