// Code highlighting for the common languages of notes: highlight.js core with only those grammars, themed as ANSI.
import type { ChalkInstance } from 'chalk';
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import go from 'highlight.js/lib/languages/go';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import typescript from 'highlight.js/lib/languages/typescript';
import yaml from 'highlight.js/lib/languages/yaml';
import { decodeEntities } from '../core/plaintext.js';
import { painter, type Paint } from './paint.js';
import type { Highlighter } from './render-context.js';
import type { CodeScope, Theme } from './theme.js';

const GRAMMARS = { bash, go, json, python, typescript, yaml };
for (const [name, grammar] of Object.entries(GRAMMARS)) hljs.registerLanguage(name, grammar);
// names a fence may use beyond each grammar's own aliases (sh, zsh, yml, golang, ts, py …)
hljs.registerAliases(['shell', 'console'], { languageName: 'bash' });
hljs.registerAliases(['js', 'javascript', 'jsx', 'tsx'], { languageName: 'typescript' });

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
    if (!hljs.getLanguage(language)) return undefined;
    const html = hljs.highlight(code, { language, ignoreIllegals: true }).value;
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
