// A heading: its outline number when it is a section's, the title styled by level, a rule under the top levels.
import type { Tokens } from 'marked';
import type { RenderContext } from '../render-context.js';
import type { Element } from '../../theme.js';
import { indentLines, widest, wrapText } from '../../wrap.js';

const LEVEL_STYLES: Element[] = ['heading1', 'heading2', 'heading3'];

export function renderHeading(token: Tokens.Heading, context: RenderContext): string[] {
  const { paint, width } = context;
  const number = context.headingNumbers?.shift() ?? null;
  const prefix = number ? `${number}  ` : '';
  const title = paint(LEVEL_STYLES[token.depth - 1] ?? 'heading')(context.renderInline(token.tokens));
  const lines = indentLines(
    wrapText(title, width - prefix.length),
    prefix ? paint('headingNumber')(number!) + '  ' : '',
    ' '.repeat(prefix.length),
  );
  const rule = context.theme.layout.headingRules[token.depth - 1];
  if (!rule) return lines;
  const ruleWidth = Math.min(widest(lines), width);
  return [...lines, paint('headingRule')(rule.repeat(ruleWidth))];
}
