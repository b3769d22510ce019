// Code highlighting for the common languages of notes: highlight.js core with only those grammars, painted as ANSI.
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import go from 'highlight.js/lib/languages/go';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import typescript from 'highlight.js/lib/languages/typescript';
import yaml from 'highlight.js/lib/languages/yaml';
import { decodeEntities } from '../core/plaintext.js';
import type { Paint } from './paint.js';
import type { CodeTheme } from './terminal-options.js';

const GRAMMARS = { bash, go, json, python, typescript, yaml };
for (const [name, grammar] of Object.entries(GRAMMARS)) hljs.registerLanguage(name, grammar);
// names a fence may use beyond each grammar's own aliases (sh, zsh, yml, golang, ts, py …)
hljs.registerAliases(['shell', 'console'], { languageName: 'bash' });
hljs.registerAliases(['js', 'javascript', 'jsx', 'tsx'], { languageName: 'typescript' });

const SPAN = /(<span class="[^"]*">|<\/span>)/;
const unchanged: Paint = (text) => text;

/** Code with highlight.js scopes painted as the theme says; undefined for a language it does not know. */
export function highlightCode(code: string, language: string, theme: CodeTheme): string | undefined {
  if (!language || !hljs.getLanguage(language)) return undefined;
  const html = hljs.highlight(code, { language, ignoreIllegals: true }).value;
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
