// A fenced or indented code block: drawn when it is a diagram that fits; otherwise as marked-terminal renders it
// (highlighted, indented), each line wider than the width cut with a marker in its last column — never wrapped, so
// that what is on a line is a line of the code — or whole when asked (a pipe with no pager).
import type { Tokens } from 'marked';
import { languageOf } from '../../code/language.js';
import type { RenderContext } from '../render-context.js';
import { cutStyledLine } from '../../fit.js';
import { wrapText } from '../../wrap.js';

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
  const marker = paint('codeCut')(context.theme.layout.codeCut);
  for (const line of highlighted()) {
    const code = line.slice(codeIndent).replace(/\t/g, '    ');
    lines.push(indent + (context.wholeCode ? code : cutStyledLine(code, width - codeIndent, marker)));
  }
  return lines;
}
