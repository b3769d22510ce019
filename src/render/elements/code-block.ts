// A fenced or indented code block: drawn when it is a diagram that fits; otherwise as marked-terminal renders it
// (highlighted, indented) with each line cut to the width.
import type { Tokens } from 'marked';
import { languageOf } from '../code-language.js';
import type { RenderContext } from '../render-context.js';
import { cutText, wrapText } from '../wrap.js';

/** `highlighted` gives marked-terminal's lines of the code, each indented by the layout's code indent. */
export function renderCodeBlock(token: Tokens.Code, context: RenderContext, highlighted: () => string[]): string[] {
  const { paint, width } = context;
  const { codeIndent, listIndent } = context.theme.layout;
  const lines: string[] = [];
  if (languageOf(token.lang) === 'mermaid' && context.drawDiagram) {
    const drawing = context.drawDiagram(token.text, width - listIndent);
    if ('lines' in drawing) return drawing.lines.map((line) => ' '.repeat(listIndent) + paint('diagram')(line));
    lines.push(...wrapText(paint('note')(drawing.reason), width));
  }
  const indent = ' '.repeat(codeIndent);
  for (const line of highlighted()) {
    const code = line.slice(codeIndent).replace(/\t/g, '    ');
    for (const part of cutText(code, width - codeIndent)) lines.push(indent + part); // a line may be cut into 100,000s
  }
  return lines;
}
