// Code highlighting for the terminal: highlight.js's scopes (see ../code/grammars.ts) painted as ANSI.
import { decodeEntities } from '../../core/markdown/plaintext.js';
import { highlightHtml } from '../code/grammars.js';
import type { Paint } from '../paint.js';
import type { CodeTheme } from './marked-options.js';

const SPAN = /(<span class="[^"]*">|<\/span>)/;
const unchanged: Paint = (text) => text;

/** Code with highlight.js scopes painted as the theme says; undefined for a language it does not know. */
export function highlightCode(code: string, language: string, theme: CodeTheme): string | undefined {
  const html = language ? highlightHtml(code, language) : undefined;
  if (html === undefined) return undefined;
  const base = theme.default ?? unchanged;
  const stack: Paint[] = [];
  let text = '';
  for (const part of html.split(SPAN)) {
    if (part.startsWith('<span')) {
      // "hljs-title function_" → title; a scope without a style keeps the enclosing one
      const scope = /class="hljs-([a-z_]+)/.exec(part)?.[1] ?? '';
      stack.push((Object.hasOwn(theme, scope) ? theme[scope] : undefined) ?? stack.at(-1) ?? base);
    } else if (part === '</span>') stack.pop();
    else if (part) text += (stack.at(-1) ?? base)(decodeEntities(part));
  }
  return text;
}
