// The anchors a file's raw HTML sets (`<a name="license"></a>`, `<div id="api">`), which GitHub keeps as link
// targets beside the headings' ids; read only when a link names an anchor that no heading has.
import { marked, type Token } from 'marked';
import { lexWithLines } from './parse.js';

/** `name=` or `id=` in a tag, its value quoted or not. */
const ANCHOR_ATTRIBUTE = /<[a-z][^>]*?\s(?:name|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

/** Each anchor of the file's raw HTML (in blocks and inline, never in code) → the line its block starts on. */
export function htmlAnchors(text: string): Map<string, number> {
  const anchors = new Map<string, number>();
  for (const { token, line } of lexWithLines(text)) {
    marked.walkTokens([token], (inner: Token) => {
      if (inner.type !== 'html') return;
      for (const match of inner.raw.matchAll(ANCHOR_ATTRIBUTE)) {
        const id = match[1] ?? match[2] ?? match[3];
        if (!anchors.has(id)) anchors.set(id, line);
      }
    });
  }
  return anchors;
}
