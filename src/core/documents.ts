// A collection's documents: the one a section belongs to, and the title they go by.
import type { Collection, NotesDocument, Section } from './types.js';

const owners = new WeakMap<Collection, Map<Section, NotesDocument>>();

/** The document a section (or page) of the collection belongs to. */
export function documentOf(collection: Collection, section: Section): NotesDocument {
  let owner = owners.get(collection);
  if (!owner) {
    owner = new Map(collection.documents.flatMap((d) => d.sections.map((s) => [s, d] as const)));
    owners.set(collection, owner);
  }
  // a page is no section of its document: its file names it (pages.ts is not loaded for this, nor its slugger)
  return owner.get(section) ?? collection.documents.find((d) => d.file === section.file)!;
}

/** The collection's title: its one document's title, or null for several documents. */
export function collectionTitle(collection: Collection): string | null {
  return collection.documents.length === 1 ? collection.documents[0].title : null;
}
