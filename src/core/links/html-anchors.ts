// The anchors a file sets besides its headings' ids, which sites keep as link targets: raw HTML's `id`/`name`
// (`<a name="license"></a>`, `<div id="api">`, read by an HTML parser), attribute lists' `{ #id }` (Hugo, MkDocs),
// definition terms' ids (Hugo gives each `term` of a `term\n: definition` list one) and Obsidian's block ids
// (`^id`, keyed with their `^`). Read only when a link names an anchor that no heading has.
import GithubSlugger, { slug } from 'github-slugger';
import { Parser } from 'htmlparser2';
import { marked, type Token } from 'marked';
import { attributeIds, headingTitle } from '../dialects/heading-ids.js';
import { blockIds } from '../dialects/obsidian.js';
import { lexWithLines } from '../markdown/parse.js';

/** The `id` and `name` attributes of an HTML fragment's elements, as a browser parses them. */
export function htmlIds(html: string): string[] {
  const ids: string[] = [];
  const parser = new Parser({
    onopentag(_name, attributes) {
      for (const key of ['id', 'name']) if (attributes[key]) ids.push(attributes[key]);
    },
  });
  parser.end(html);
  return ids;
}

/** Each anchor of the file's raw HTML (in blocks and inline, never in code) → the line its block starts on. */
export function htmlAnchors(text: string): Map<string, number> {
  const anchors = new Map<string, number>();
  for (const { token, line } of lexWithLines(text)) {
    void marked.walkTokens([token], (inner: Token) => {
      if (inner.type !== 'html') return;
      for (const id of htmlIds(inner.raw)) if (!anchors.has(id)) anchors.set(id, line);
    });
  }
  return anchors;
}

/**
 * `term` then `: definition` on the next line: the term's id, made as a heading's and unique among the page's
 * headings' ids (which come first in the page, as they mostly do: `cascade` under `## Cascade` is `cascade-1`).
 */
function definitionTermIds(text: string, headings: string[]): Map<string, number> {
  const ids = new Map<string, number>();
  const slugger = new GithubSlugger();
  for (const heading of headings) slugger.slug(heading);
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (index > 0 && /^:[ \t]+\S/.test(line) && /\S/.test(lines[index - 1]) && !/^:[ \t]/.test(lines[index - 1])) {
      const term = lines[index - 1].replace(/[`*_]|\[([^\]]*)\]\([^)]*\)/g, '$1').trim();
      const id = slugger.slug(term);
      if (!ids.has(id)) ids.set(id, index);
    }
  });
  return ids;
}

/** Footnotes' ids as Python-Markdown (MkDocs) sets them: `fn:1` on the note, `fnref:1` where it is referred to. */
function footnoteIds(text: string): Map<string, number> {
  const ids = new Map<string, number>();
  text.split('\n').forEach((line, index) => {
    const label = /^\s*\[\^([^\]\s]+)\]:/.exec(line)?.[1];
    if (label) ids.set(`fn:${label}`, index + 1).set(`fnref:${label}`, index + 1);
  });
  return ids;
}

/** MkDocs Material's content tabs (`=== "Name"`): the tab's id, its heading's id and the tab's joined by `--`. */
function contentTabIds(text: string): Map<string, number> {
  const ids = new Map<string, number>();
  let heading = '';
  text.split('\n').forEach((line, index) => {
    const title = /^#{1,6}\s+(.*?)\s*#*$/.exec(line)?.[1];
    if (title !== undefined) heading = slug(headingTitle(title).title);
    const tab = /^\s*===\+?\s+"([^"]+)"/.exec(line)?.[1]?.replace(/:[\w-]+:/g, ''); // an icon's `:octicons-x:` is no text
    const id = tab && slug(tab).replace(/^-+|-+$/g, ''); // `... or me` is `or-me`, as Python-Markdown slugs it
    if (id) ids.set(id, index + 1).set(`${heading}--${id}`, index + 1);
  });
  return ids;
}

/** Every anchor of a file that is not a heading's id → the line it is on; `headings` are the titles of the page's headings. */
export function extraAnchors(text: string, headings: string[] = []): Map<string, number> {
  const anchors = new Map(htmlAnchors(text));
  for (const found of [
    attributeIds(text),
    definitionTermIds(text, headings),
    footnoteIds(text),
    contentTabIds(text),
    new Map([...blockIds(text)].map(([id, line]) => [`^${id}`, line])),
  ]) {
    for (const [id, line] of found) if (!anchors.has(id)) anchors.set(id, line);
  }
  return anchors;
}
