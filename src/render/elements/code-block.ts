// A fenced or indented code block: drawn when it is a diagram that fits, else highlighted and indented, cut to the width.
import type { Tokens } from 'marked';
import type { RenderContext } from '../render-context.js';
import { cutText, wrapText } from '../wrap.js';

/** The code's language: the first word of the fence's info string, lowercased. */
export const languageOf = (token: Tokens.Code): string => (token.lang ?? '').trim().split(/\s+/)[0].toLowerCase();

export function renderCodeBlock(token: Tokens.Code, context: RenderContext): string[] {
  const { paint, width } = context;
  const language = languageOf(token);
  const lines: string[] = [];
  if (language === 'mermaid' && context.drawDiagram) {
    const drawing = context.drawDiagram(token.text, width - context.theme.layout.listIndent);
    if ('lines' in drawing) return drawing.lines.map((line) => ' '.repeat(context.theme.layout.listIndent) + paint('diagram')(line));
    lines.push(...wrapText(paint('note')(drawing.reason), width));
  }
  const indent = ' '.repeat(context.theme.layout.codeIndent);
  const code = token.text.replace(/\t/g, '    ');
  const highlighted = (language ? context.highlight?.(code, language) : undefined) ?? paint('code')(code);
  for (const line of highlighted.split('\n')) lines.push(...cutText(line, width - indent.length).map((part) => indent + part));
  return lines;
}
