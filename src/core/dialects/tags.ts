// Tags as Obsidian reads them: front matter's `tags` (a list or one string; `tag` too) and `#tags` in the text (not
// in code, not in a link's target). A note has a tag, or a nested one below it (`#team/ops` is also `#team`).
import { marked, type Token } from 'marked';
import { lexWithLines } from '../markdown/parse.js';
import type { Collection, NotesDocument } from '../types.js';
import { inlineTags } from './obsidian.js';

const normal = (tag: string): string => tag.replace(/^#/, '').trim().toLowerCase();

/** A note's tags, lowercased, without `#`, each once, front matter's first. */
export function documentTags(document: NotesDocument): string[] {
  const written = document.meta.tags ?? document.meta.tag;
  const listed = (Array.isArray(written) ? written : written === undefined ? [] : String(written).split(/[,\s]+/)).map((t) =>
    normal(String(t)),
  );
  const inline: string[] = [];
  if (document.text.includes('#')) {
    for (const { token } of lexWithLines(document.text)) {
      void marked.walkTokens([token], (inner: Token) => {
        // text tokens only: code, code spans, HTML and links' targets are not prose
        if (inner.type === 'text' && !('tokens' in inner && inner.tokens)) inline.push(...inlineTags(inner.text));
      });
    }
  }
  return [...new Set([...listed, ...inline].filter(Boolean))];
}

/** Each tag of the notes with how many notes have it, most used first, then by name. */
export function tagCounts(collection: Collection): Array<{ tag: string; notes: number }> {
  const counts = new Map<string, number>();
  for (const document of collection.documents) for (const tag of documentTags(document)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, notes]) => ({ tag, notes })).sort((a, b) => b.notes - a.notes || a.tag.localeCompare(b.tag));
}

/** Does the note have this tag, or one nested below it? */
export const hasTag = (document: NotesDocument, tag: string): boolean =>
  documentTags(document).some((t) => t === normal(tag) || t.startsWith(`${normal(tag)}/`));

/** The notes that have the tag, as a collection of their own; links are still resolved among all the notes. */
export function taggedCollection(collection: Collection, tag: string): Collection {
  const documents = collection.documents.filter((d) => hasTag(d, tag));
  return {
    documents,
    sections: documents.flatMap((d) => d.sections),
    warnings: collection.warnings,
    whole: collection.whole ?? collection,
  };
}
