// A callout (admonition, alert) and a Hugo tab's label: the kind and title on a line of their own, the body behind
// the quote's bar below, so a note, a warning or a tab stands apart from the text around it.
import { calloutLabel, type CalloutToken } from '../../../core/dialects/callouts.js';
import { nested, type RenderContext } from '../render-context.js';
import { widthOf, wrapText } from '../../wrap.js';

/** `Warning: Title` (the kind alone when untitled, or when the title is the kind). */
export function calloutHeader(token: CalloutToken): string {
  const kind = calloutLabel({ ...token, title: '' });
  return token.title && token.title.toLowerCase() !== token.kind ? `${kind}: ${token.title}` : kind;
}

export function renderCallout(token: CalloutToken, context: RenderContext): string[] {
  const { paint } = context;
  const prefix = context.theme.layout.quotePrefix;
  const bar = paint('rule')(prefix);
  const header = wrapText(paint('callout')(calloutHeader(token)), Math.max(context.width - widthOf(prefix), 1)).map((line) => bar + line);
  const body = context.renderBlocks(token.tokens, nested(context, widthOf(prefix)));
  return [...header, ...body.map((line) => (line === '' ? paint('rule')(prefix.trimEnd()) : bar + line))];
}

/** A tab's name as the site shows it on the tab, above the tab's content. */
export const renderTabLabel = (name: string, context: RenderContext): string[] =>
  wrapText(context.paint('callout')(`▸ ${name}`), context.width);
