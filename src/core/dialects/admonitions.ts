// Admonitions of the sites that are not Hugo's: GitHub's and Obsidian's `> [!NOTE] Title` (Obsidian's foldable
// `[!tip]-`), Docusaurus's `:::note Title … :::` and MkDocs's `!!! note "Title"` / `??? note` with an indented body.
import type { TokenizerExtension } from 'marked';
import { calloutToken, CALLOUT_TOKEN, type CalloutToken } from './callouts.js';

/** `> [!type]` with an optional fold marker and title, on the quote's first line. */
const QUOTE_CALLOUT = /^ {0,3}>[ \t]?\[!([\w-]+)\]([+-]?)[ \t]*([^\n]*)(?:\n|$)/;
/** A quote's line: `>` and its text; a line without `>` ends the callout (no lazy continuation of a callout). */
const QUOTE_LINE = / {0,3}>[ \t]?([^\n]*)(?:\n|$)/y;

/** A sticky pattern's match at `at` (no copy of the rest of the text per line). */
function lineAt(sticky: RegExp, src: string, at: number): RegExpExecArray | null {
  sticky.lastIndex = at;
  return sticky.exec(src);
}

export const quoteCallout: TokenizerExtension = {
  name: `${CALLOUT_TOKEN}-quote`,
  level: 'block',
  start: (src) => (src.includes('[!') ? src.match(/(?<=\n) {0,3}>[ \t]?\[!/)?.index : undefined),
  tokenizer(src): CalloutToken | undefined {
    const open = QUOTE_CALLOUT.exec(src);
    if (!open) return undefined;
    let at = open[0].length;
    const body: string[] = [];
    for (let line = lineAt(QUOTE_LINE, src, at); line; line = lineAt(QUOTE_LINE, src, at)) {
      body.push(line[1]);
      at += line[0].length;
    }
    return calloutToken(this.lexer, src.slice(0, at), { kind: open[1], title: open[3], foldable: open[2] !== '', body: body.join('\n') });
  },
};

/** `:::note Title` (or `:::note[Title]`); a longer fence of colons holds shorter ones inside. */
const COLON_OPEN = /^ {0,3}(:{3,})[ \t]*([a-zA-Z][\w-]*)(?:[ \t]*\[([^\]\n]*)\])?[ \t]*([^\n]*)(?:\n|$)/;

export const colonAdmonition: TokenizerExtension = {
  name: `${CALLOUT_TOKEN}-colons`,
  level: 'block',
  start: (src) => (src.includes(':::') ? src.match(/(?<=\n) {0,3}:{3,}[ \t]*[a-zA-Z]/)?.index : undefined),
  tokenizer(src): CalloutToken | undefined {
    const open = COLON_OPEN.exec(src);
    if (!open) return undefined;
    const close = new RegExp(`^ {0,3}${open[1]}[ \\t]*$`, 'm');
    const rest = src.slice(open[0].length);
    const end = close.exec(rest);
    if (!end) return undefined;
    const after = end.index + end[0].length + (rest[end.index + end[0].length] === '\n' ? 1 : 0);
    const body = rest.slice(0, end.index).replace(/\n$/, '');
    return calloutToken(this.lexer, src.slice(0, open[0].length + after), { kind: open[2], title: open[3] ?? open[4], body });
  },
};

/**
 * `!!! note "Title"`, `??? note`, `???+ note`, and a content tab `=== "Name"` (a callout of kind `tab`); the body
 * is the lines indented by four spaces (or a tab) below.
 */
const BANG_OPEN = /^(!!!|\?\?\?\+?|===\+?)[ \t]+(?:([\w-]+)(?:[ \t]+[\w -]*?)?)?(?:[ \t]*"([^"\n]*)")?[ \t]*(?:\n|$)/;
const INDENTED = /(?: {4}|\t)([^\n]*)(?:\n|$)|[ \t]*(?:\n|$)/y;

export const bangAdmonition: TokenizerExtension = {
  name: `${CALLOUT_TOKEN}-bangs`,
  level: 'block',
  start: (src) => (/!!!|\?\?\?|===/.test(src) ? src.match(/(?<=\n)(?:!!!|\?\?\?|===)/)?.index : undefined),
  tokenizer(src): CalloutToken | undefined {
    const open = BANG_OPEN.exec(src);
    const tab = open?.[1].startsWith('===');
    if (!open || (tab ? open[3] === undefined : open[2] === undefined)) return undefined;
    let at = open[0].length;
    let kept = at;
    const body: string[] = [];
    let bodyLines = 0;
    for (let line = lineAt(INDENTED, src, at); line && at < src.length; line = lineAt(INDENTED, src, at)) {
      body.push(line[1] ?? '');
      at += line[0].length;
      if (line[1] !== undefined) {
        kept = at; // blank lines belong to the body only when an indented line follows them
        bodyLines = body.length;
      }
    }
    // `"Title"` names the box; `""` asks for none, which still shows its kind here
    const kind = tab ? 'tab' : open[2];
    return calloutToken(this.lexer, src.slice(0, kept), {
      kind,
      title: open[3] ?? '',
      foldable: open[1].startsWith('???'),
      body: body.slice(0, bodyLines).join('\n'),
    });
  },
};
