// Links and images: the text, then where it leads — a section of the notes by its number, or the URL dimmed.
import type { Tokens } from 'marked';
import type { RenderContext } from '../render-context.js';

/** An OSC 8 hyperlink around `text` (BEL-terminated, the form wrap-ansi keeps intact across wrapped lines). */
export const hyperlink = (url: string, text: string): string => `\u001b]8;;${url}\u0007${text}\u001b]8;;\u0007`;

/** `text (→ 7.6 Alert)` for a link to a section, `text (https://…)` for any other; the URL alone when it is the text. */
export function renderLink(token: Tokens.Link, text: string, plainText: string, context: RenderContext): string {
  const { paint, theme } = context;
  const target = context.resolveLink(token.href);
  if (target) {
    const named = target.title === plainText.trim() ? '' : ` ${target.title}`;
    const where = target.number ? `${theme.layout.sectionArrow} ${target.number}${named}` : `${theme.layout.sectionArrow}${named || ` ${target.title}`}`;
    return `${paint('link')(text)} ${paint('url')(`(${where})`)}`;
  }
  const linked = context.hyperlinks ? hyperlink(token.href, paint('link')(text)) : paint('link')(text);
  if (plainText === token.href || `mailto:${plainText}` === token.href) return linked;
  return `${linked} ${paint('url')(`(${token.href})`)}`;
}

export type ImageContext = Pick<RenderContext, 'paint' | 'theme'>;

/** An image cannot be shown: a placeholder with its alt text, then its path. */
export function renderImage(href: string, alt: string, context: ImageContext): string {
  const { paint, theme } = context;
  const label = `[${theme.layout.imageLabel}${alt.trim() ? `: ${alt.trim()}` : ''}]`;
  return `${paint('image')(label)} ${paint('url')(href)}`;
}
