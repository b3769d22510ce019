// Sections as the JSON contract that `list --json`, `show --json`, `search --json` and exports print.
import { collectionTitle } from '../core/notes/documents.js';
import type { NoteLink, SectionLinks } from '../core/links/graph.js';
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
  return toJson({
    title: collectionTitle(collection),
    files: collection.documents.map(documentFields),
    sections: collection.sections.map(sectionFields),
  });
}

/** `show --json`: the sections picked, with their Markdown. */
export function showJson(sections: Section[]): string {
  return toJson(sections.map(sectionWithMarkdown));
}

/** Where a link leads, for `links --json`: its section, or a whole file (`id` and `number` null, `path` empty); null when it leads out of the notes or nowhere. */
function targetFields({ target }: NoteLink) {
  if (!target) return null;
  const { section, document } = target;
  return { id: section?.id ?? null, file: document.file, number: section?.number ?? null, path: section?.path ?? [] };
}

/** `links --json`: each section picked, the links written in it and the links that lead to it. */
export function linksJson(entries: SectionLinks[]): string {
  return toJson(
    entries.map(({ section, outgoing, incoming }) => ({
      section: sectionFields(section),
      outgoing: outgoing.map((link) => ({
        text: link.text,
        href: link.href,
        line: link.line,
        target: targetFields(link),
        kind: link.kind,
      })),
      incoming: incoming.map((link) => ({ id: link.section?.id ?? null, file: link.file, line: link.line, text: link.text })),
    })),
  );
}

/** `check --json`: each broken link, where it is, and why; `[]` when every link resolves. */
export function checkJson(broken: NoteLink[]): string {
  return toJson(
    broken.map(({ file, line, text, href, kind, broken: why }) => ({
      file,
      line,
      text,
      href,
      kind,
      reason: why!.reason,
      why: why!.why,
      suggestion: why!.suggestion ?? null,
    })),
  );
}

/** JSON text; DEL and C1 controls, which JSON.stringify leaves as they are, escaped so no terminal acts on them. */
export const toJson = (value: unknown): string =>
  `${JSON.stringify(value, null, 2).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
