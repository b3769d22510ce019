// Links and images: the text, then where it leads — a section of the notes by its number, why it leads nowhere, or
// the URL dimmed.
import type { Tokens } from 'marked';
import { linkReference } from '../../../core/links/targets.js';
import { decodeEntities } from '../../../core/markdown/plaintext.js';
import type { WikiLinkToken } from '../../../core/markdown/wikilinks.js';
import type { LinkTarget, RenderContext } from '../render-context.js';

/** An OSC 8 hyperlink around `text` (BEL-terminated, the form wrap-ansi keeps intact across wrapped lines). */
export const hyperlink = (url: string, text: string): string => `\u001b]8;;${url}\u0007${text}\u001b]8;;\u0007`;

/** `text (→ 7.6 Alert)` for a link to a section, `text (→ a.md A)` to a file, `text (https://…)` for any other; the URL alone when it is the text. */
export function renderLink(token: Tokens.Link, text: string, plainText: string, context: RenderContext): string {
  const { paint } = context;
  const target = context.resolveLink(linkReference(token));
  if (target) return withTarget(paint('link')(text), plainText, target, context);
  const linked = context.hyperlinks ? hyperlink(token.href, paint('link')(text)) : paint('link')(text);
  if (plainText === token.href || `mailto:${plainText}` === token.href) return linked;
  return `${linked} ${paint('url')(`(${token.href})`)}`;
}

/** A wiki link: its alias or target as written, then where it leads; a link to an attachment is its text alone. */
export function renderWikiLink(token: WikiLinkToken, context: RenderContext): string {
  const text = decodeEntities(token.text);
  const target = context.resolveLink({ wiki: token });
  if (token.embed && !target) return renderImage(decodeEntities(token.page), '', context); // `![[diagram.png]]`: an attachment shown in place
  return target ? withTarget(context.paint('link')(text), text, target, context) : context.paint('link')(text);
}

/** The link's text, then the number and title of the section it leads to (the title only when the text is not it), or why it is broken. */
function withTarget(text: string, plainText: string, target: LinkTarget, context: RenderContext): string {
  const { paint, theme } = context;
  if ('broken' in target) return `${text} ${paint('broken')(`(${theme.layout.brokenLabel}: ${target.broken})`)}`;
  const named = target.title === plainText.trim() ? '' : ` ${target.title}`;
  const where = target.where ? `${theme.layout.sectionArrow} ${target.where}${named}` : `${theme.layout.sectionArrow} ${target.title}`;
  return `${text} ${paint('url')(`(${where})`)}`;
}

export type ImageContext = Pick<RenderContext, 'paint' | 'theme'>;

/** An image cannot be shown: a placeholder with its alt text, then its path. */
export function renderImage(href: string, alt: string, context: ImageContext): string {
  const { paint, theme } = context;
  const label = `[${theme.layout.imageLabel}${alt.trim() ? `: ${alt.trim()}` : ''}]`;
  return `${paint('image')(label)} ${paint('url')(href)}`;
}
