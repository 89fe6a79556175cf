import { type Lang, type LocalizedText, localize, type SourceRef } from '@resonet/core';

/** A document facts are cited from, by its file name, with the title people read. */
export interface SourceTitle {
  file: string;
  title: LocalizedText;
  /** Names for sections the document does not head itself (see `SourceDocument`). */
  sections?: Readonly<Record<string, LocalizedText>>;
}

/** The section of a source that is a whole document (a pack's own knowledge file). */
export const WHOLE_DOCUMENT = '(whole document)';

/** A citation as people read it: "UNODC project summary slides for Treatnet § Phase I - Resources". */
export function citation(ref: SourceRef, documents: readonly SourceTitle[], lang: Lang): string {
  if (ref.section === WHOLE_DOCUMENT) return documentTitle(ref, documents, lang);
  const sections = documents.find((d) => d.file === ref.document)?.sections;
  const named =
    sections && Object.hasOwn(sections, ref.section) ? sections[ref.section] : undefined;
  return `${documentTitle(ref, documents, lang)} § ${named ? localize(named, lang) : ref.section}`;
}

/** The document's title alone, for citations inside a sentence. */
export function documentTitle(ref: SourceRef, documents: readonly SourceTitle[], lang: Lang) {
  const document = documents.find((d) => d.file === ref.document);
  return document ? localize(document.title, lang) : ref.document;
}
