// Sections as the JSON contract that `list --json`, `show --json`, `search --json` and exports print.
import { collectionTitle } from '../core/documents.js';
import type { Collection, NotesDocument, Section } from '../core/types.js';

/** A section's fields in contract order, without its source. */
export function sectionFields(section: Section) {
  const { id, number, title, level, path, line, file, meta } = section;
  return { id, number, title, level, path, line, file, meta };
}

/** A section's fields with its Markdown source. */
export const sectionWithMarkdown = (section: Section) => ({ ...sectionFields(section), markdown: section.markdown });

/** A file's fields: its name, its title and its front-matter meta (not its text, nor where it is on disk). */
export function documentFields(document: NotesDocument) {
  const { file, title, meta } = document;
  return { file, title, meta };
}

/** `list --json`: the collection's title, its files and every section, in reading order. */
export function listJson(collection: Collection): string {
  return toJson({ title: collectionTitle(collection), files: collection.documents.map(documentFields), sections: collection.sections.map(sectionFields) });
}

/** `show --json`: the sections picked, with their Markdown. */
export function showJson(sections: Section[]): string {
  return toJson(sections.map(sectionWithMarkdown));
}

/** JSON text; DEL and C1 controls, which JSON.stringify leaves as they are, escaped so no terminal acts on them. */
export const toJson = (value: unknown): string =>
  `${JSON.stringify(value, null, 2).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
