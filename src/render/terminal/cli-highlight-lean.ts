// cli-highlight's `highlight(code, options)` on our highlight.js core with six grammars: the build aliases
// `cli-highlight` to this module, so marked-terminal, which imports it, never loads every language. Code blocks are
// coloured through it by blocks.ts (marked-terminal's own code renderer reads chalk's global colour level).
import { languageOf } from '../code/language.js';
import type { CodeTheme } from './marked-options.js';

let highlightCode: typeof import('./syntax-colour.js').highlightCode | undefined;

/** Loads highlight.js and its grammars: only output in colour with code to highlight pays for them. */
export async function loadHighlighter(): Promise<void> {
  highlightCode ??= (await import('./syntax-colour.js')).highlightCode;
}

export interface HighlightOptions {
  language?: string;
  theme?: CodeTheme;
}

/**
 * Highlighted code. Like cli-highlight it throws for a language it cannot highlight — here also an unnamed one, and any
 * before loadHighlighter() — and the code is then shown in its plain code style.
 */
export function highlight(code: string, options: HighlightOptions = {}): string {
  const highlighted = highlightCode?.(code, languageOf(options.language), options.theme ?? {});
  if (highlighted === undefined) throw new Error(`no highlighting for "${options.language ?? ''}"`);
  return highlighted;
}
