// highlight.js core with only the grammars of the languages notes commonly hold, shared by the terminal and HTML views.
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import go from 'highlight.js/lib/languages/go';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import typescript from 'highlight.js/lib/languages/typescript';
import yaml from 'highlight.js/lib/languages/yaml';

const GRAMMARS = { bash, go, json, python, typescript, yaml };
for (const [name, grammar] of Object.entries(GRAMMARS)) hljs.registerLanguage(name, grammar);
// names a fence may use beyond each grammar's own aliases (sh, zsh, yml, golang, ts, py …)
hljs.registerAliases(['shell', 'console'], { languageName: 'bash' });
hljs.registerAliases(['js', 'javascript', 'jsx', 'tsx'], { languageName: 'typescript' });

/** Code as highlight.js HTML (escaped text in `<span class="hljs-…">`), or undefined for a language it does not know. */
export function highlightHtml(code: string, language: string): string | undefined {
  if (!hljs.getLanguage(language)) return undefined;
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}
