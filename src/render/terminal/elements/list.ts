// Lists: bullets by depth or numbers from the list's start, task boxes, items wrapped under their own text.
import type { Tokens } from 'marked';
import { nested, type RenderContext } from '../render-context.js';
import { indentLines, padTo, widest } from '../../wrap.js';

export function renderList(token: Tokens.List, context: RenderContext, depth: number): string[] {
  const { layout } = context.theme;
  const start = token.start === '' ? 1 : Number(token.start);
  const bullet = layout.bullets[depth % layout.bullets.length];
  const markers = token.items.map((item, i) => {
    const marker = token.ordered ? `${start + i}.` : bullet;
    return item.task ? `${marker} ${item.checked ? layout.taskDone : layout.taskOpen}` : marker;
  });
  // numbers line up on the right, so 9. and 10. start their text in one column
  const markerWidth = widest(markers);
  const lines: string[] = [];
  token.items.forEach((item, i) => {
    const marker = token.ordered ? markers[i].padStart(markerWidth) : padTo(markers[i], markerWidth);
    const first = `${' '.repeat(layout.listIndent)}${context.paint('bullet')(marker)} `;
    const indent = layout.listIndent + markerWidth + 1;
    const body = context.renderBlocks(item.tokens, { ...nested(context, indent), listDepth: depth + 1, tight: !token.loose });
    if (token.loose && i > 0) lines.push('');
    for (const line of indentLines(body, first, ' '.repeat(indent))) lines.push(line);
  });
  return lines;
}
