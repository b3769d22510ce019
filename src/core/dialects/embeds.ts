// Obsidian's embeds: `![[Note]]`, `![[Note#Heading]]` and `![[Note#^block-id]]` show the note, the section or the
// block in place. This finds what to show; the renderers draw it, indented and labelled, as deep as EMBED_DEPTH.
import { posix } from 'node:path';
import { findFrontMatter } from '../markdown/frontmatter.js';
import { resolveLink } from '../links/targets.js';
import type { Collection } from '../types.js';
import type { WikiTarget } from '../markdown/wikilinks.js';
import { blockAround, blockIds } from './obsidian.js';

/** Embeds inside embeds are shown this deep; deeper ones (and one that embeds itself) are only named. */
export const EMBED_DEPTH = 3;

export interface Embedded {
  /** The file the shown text is from: its links are read from there. */
  file: string;
  /** `Note`, `Note › Heading`, `Note › ^id`. */
  label: string;
  /** The Markdown shown, as written in that file. */
  markdown: string;
  /** The same text embedded again (a cycle) has the same key. */
  key: string;
}

/** What an embed written in `fromFile` shows, or undefined when it names no note (an attachment, a broken link). */
export function embeddedText(collection: Collection, fromFile: string, wiki: WikiTarget): Embedded | undefined {
  const { target } = resolveLink(collection, fromFile, { wiki });
  if (!target) return undefined;
  const { document, section } = target;
  const title = document.title || posix.basename(document.file);
  if (wiki.heading?.startsWith('^')) {
    const line = blockIds(document.text).get(wiki.heading.slice(1));
    if (line === undefined) return undefined;
    return {
      file: document.file,
      label: `${title} › ${wiki.heading}`,
      markdown: blockAround(document.text, line).markdown,
      key: `${document.file}#${wiki.heading}`,
    };
  }
  if (section)
    return { file: document.file, label: `${title} › ${section.title}`, markdown: section.markdown, key: `${document.file}#${section.id}` };
  return { file: document.file, label: title, markdown: document.text.slice(findFrontMatter(document.text)?.end ?? 0), key: document.file };
}
