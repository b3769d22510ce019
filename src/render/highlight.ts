// Code highlighting for the terminal: highlight.js's scopes (see highlight-languages.ts) painted with the theme, as ANSI.
import type { ChalkInstance } from 'chalk';
import { decodeEntities } from '../core/plaintext.js';
import { highlightHtml } from './highlight-languages.js';
import { painter, type Paint } from './paint.js';
import type { Highlighter } from './render-context.js';
import type { CodeScope, Theme } from './theme.js';

const SPAN = /(<span class="[^"]*">|<\/span>)/;

/** A highlighter that paints highlight.js scopes with the theme's code styles; undefined for unknown languages. */
export function createHighlighter(theme: Theme, chalk: ChalkInstance): Highlighter {
  const base = painter(theme.styles.code, chalk);
  const paints = new Map<string, Paint>();
  const paintFor = (scope: string): Paint | undefined => {
    if (!(scope in theme.code)) return undefined;
    if (!paints.has(scope)) paints.set(scope, painter(theme.code[scope as CodeScope], chalk));
    return paints.get(scope);
  };
  return (code, language) => {
    const html = highlightHtml(code, language);
    if (html === undefined) return undefined;
    const stack: Paint[] = [];
    let text = '';
    for (const part of html.split(SPAN)) {
      if (part.startsWith('<span')) {
        // "hljs-title function_" → title; a scope without a style keeps the enclosing one
        const scope = /class="hljs-([a-z_]+)/.exec(part)?.[1] ?? '';
        stack.push(paintFor(scope) ?? stack.at(-1) ?? base);
      } else if (part === '</span>') stack.pop();
      else if (part) text += (stack.at(-1) ?? base)(decodeEntities(part));
    }
    return text;
  };
}
