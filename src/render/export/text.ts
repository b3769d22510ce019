// The export formats: each turns the whole collection, or the sections a query picked, into the text of one file.
import type { Collection, Section } from '../../core/types.js';
import { collectionTitle } from '../../core/notes/documents.js';
import { documentSource, sectionSource } from '../../core/notes/source.js';
import { lexWithLines } from '../../core/markdown/parse.js';
import { blockText } from '../../core/markdown/plaintext.js';
import { sectionWithMarkdown, toJson } from '../json.js';
import { joinSlices } from '../raw-markdown.js';
import type { ExportFormat } from './formats.js';
import { createStyle } from '../style.js';

export { EXPORT_FORMATS, formatOfPath, type ExportFormat } from './formats.js';

export interface ExportTextOptions {
  /** Columns the plain text is wrapped at. */
  width: number;
}

/**
 * The export in `format`. Markdown is the source itself: a document's text as loaded, a section's slice, several
 * (documents or sections) joined by one blank line. `sections` undefined means the whole collection.
 */
export async function exportText(
  format: ExportFormat,
  collection: Collection,
  sections: Section[] | undefined,
  options: ExportTextOptions,
): Promise<string> {
  switch (format) {
    case 'md':
      return joinSlices(sections ? sections.map((s) => sectionSource(collection, s)) : collection.documents.map(documentSource));
    case 'json':
      return exportJson(collection, sections ?? collection.sections);
    case 'txt': {
      // the renderer of piped `show`: no colour, so the plain theme and no escape codes
      const { renderDocuments, renderSections } = await import('../terminal/sections.js');
      const plain = { style: createStyle(0), width: options.width };
      return sections ? renderSections(sections, collection, plain) : renderDocuments(collection, plain);
    }
    case 'html':
      return (await import('../html/page.js')).renderHtmlPage(collection, sections);
  }
}

/** `export --format json`: the collection's title and the sections exported, each with its Markdown and plain text. */
export function exportJson(collection: Collection, sections: Section[]): string {
  const withText = (section: Section) => ({
    ...sectionWithMarkdown(section),
    text: blockText(lexWithLines(section.markdown).map(({ token }) => token)),
  });
  return toJson({ title: collectionTitle(collection), sections: sections.map(withText) });
}
