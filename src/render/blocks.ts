// The block walker: each Markdown block token handed to its element renderer, blocks apart by one blank line.
import type { Token, Tokens } from 'marked';
import { renderBlockquote } from './elements/blockquote.js';
import { renderCodeBlock } from './elements/code-block.js';
import { renderHeading } from './elements/heading.js';
import { htmlText } from './elements/html.js';
import { renderInline } from './elements/inline.js';
import { renderList } from './elements/list.js';
import { renderTable } from './elements/table.js';
import type { RenderContext } from './render-context.js';
import { wrapText } from './wrap.js';

function renderBlock(token: Token, context: RenderContext): string[] {
  const { paint, width } = context;
  switch (token.type) {
    case 'heading':
      return renderHeading(token as Tokens.Heading, context);
    case 'paragraph':
    case 'text':
      return wrapText('tokens' in token && token.tokens ? renderInline(token.tokens, context) : token.text, width);
    case 'list':
      return renderList(token as Tokens.List, context, context.listDepth ?? 0);
    case 'blockquote':
      return renderBlockquote(token as Tokens.Blockquote, context);
    case 'code':
      return renderCodeBlock(token as Tokens.Code, context);
    case 'table':
      return renderTable(token as Tokens.Table, context);
    case 'hr':
      return [paint('rule')(context.theme.layout.rule.repeat(width))];
    case 'html': {
      const text = htmlText(token.text);
      return text ? wrapText(paint('html')(text), width) : [];
    }
    default:
      return []; // space, link definitions: nothing to read
  }
}

/** Blocks → lines: one blank line between blocks, none inside a tight list item. */
export function renderBlocks(tokens: Token[], context: RenderContext): string[] {
  const lines: string[] = [];
  for (const token of tokens) {
    const block = renderBlock(token, context);
    if (block.length === 0) continue;
    if (lines.length > 0 && !context.tight) lines.push('');
    lines.push(...block);
  }
  return lines;
}
