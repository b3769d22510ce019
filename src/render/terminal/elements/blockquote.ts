// A block quote: its blocks behind a bar, wrapped inside it, the bar kept on every line.
import type { Tokens } from 'marked';
import { nested, type RenderContext } from '../render-context.js';
import { widthOf } from '../../wrap.js';

export function renderBlockquote(token: Tokens.Blockquote, context: RenderContext): string[] {
  const { paint } = context;
  const prefix = context.theme.layout.quotePrefix;
  const body = context.renderBlocks(token.tokens, { ...nested(context, widthOf(prefix)), quoted: true });
  const bar = paint('rule')(prefix);
  // styled once, by the outermost quote: chalk re-opens its style after each inner reset, which grows with depth squared
  const style = context.quoted ? (line: string) => line : paint('quote');
  return body.map((line) => (line === '' ? paint('rule')(prefix.trimEnd()) : bar + style(line)));
}
