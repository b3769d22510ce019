// The notes' text exactly as the files hold it, for `show --raw` and Markdown export: a mojibake repair changes
// characters within lines, never the lines, so a section's lines in the repaired text are its lines in the source.
import { lineStarts } from '../markdown/lines.js';
import type { Collection, NotesDocument, Section } from '../types.js';

/** A document's text as its file holds it. */
export const documentSource = (document: NotesDocument): string => document.source ?? document.text;

/** A section's Markdown as its file holds it. */
export function sectionSource(collection: Collection, section: Section): string {
  const document = collection.documents.find((d) => d.file === section.file && d.sections.includes(section));
  if (document?.source === undefined) return section.markdown;
  const starts = lineStarts(document.source);
  const lines = lineStarts(section.markdown).length - 1; // whole lines; the last may run on to the text's end
  const start = starts[section.line - 1];
  const end = section.markdown.endsWith('\n') ? starts[section.line - 1 + lines] : (starts[section.line + lines] ?? document.source.length);
  return document.source.slice(start, end);
}
