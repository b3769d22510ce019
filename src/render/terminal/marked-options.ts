// Our theme as marked-terminal's options: each element's style a function over text at the colour level chosen, the
// layout's code indent and image placeholder, and the code styles as the cli-highlight theme — themes stay data.
import type { ChalkInstance } from 'chalk';
import type { TerminalRendererOptions } from 'marked-terminal';
import { renderImage, type ImageContext } from './elements/link.js';
import { readableText } from './elements/inline.js';
import { painter, type Paint } from '../paint.js';
import type { Element, Theme } from '../theme.js';

/** highlight.js scope → its paint, in cli-highlight's theme shape: `default` for code outside any styled scope. */
export type CodeTheme = Partial<Record<string, Paint>>;

/**
 * marked-terminal's style options and the theme element each takes its style from. List items, tables and paragraphs
 * have no style as a whole in our themes: their parts have (bullets, borders, inline styles).
 */
const STYLE_OPTIONS = {
  code: 'code',
  blockquote: 'quote',
  html: 'html',
  heading: 'heading',
  firstHeading: 'heading1',
  hr: 'rule',
  strong: 'strong',
  em: 'em',
  codespan: 'codespan',
  del: 'del',
  link: 'link',
  href: 'url',
  listitem: undefined,
  table: undefined,
  paragraph: undefined,
} as const satisfies Record<string, Element | undefined>;

export interface OptionsContext extends ImageContext {
  width: number;
  /** Marks words of plain text (a search's matches). */
  mark?: (text: string) => string;
}

export function markedTerminalOptions(context: OptionsContext, chalk: ChalkInstance): TerminalRendererOptions {
  const styles = Object.entries(STYLE_OPTIONS).map(([option, element]) => [
    option,
    painter(element && context.theme.styles[element], chalk),
  ]);
  return {
    ...Object.fromEntries(styles),
    text: (text: string) => (context.mark ? context.mark(readableText(text)) : readableText(text)),
    image: (href, _title, alt) => renderImage(href, alt, context),
    width: context.width,
    tab: context.theme.layout.codeIndent,
    // kubenotes wraps to the width of each block, numbers headings, and decodes every entity (marked-terminal's
    // unescape knows five, and would decode `&amp;lt;` twice); emoji codes are text in notes about Kubernetes
    reflowText: false,
    showSectionPrefix: false,
    unescape: false,
    emoji: false,
  };
}

/** The theme's code styles as the cli-highlight theme that marked-terminal hands to `highlight()`. */
export function codeTheme(theme: Theme, chalk: ChalkInstance): CodeTheme {
  const scopes = Object.entries(theme.code).map(([scope, style]) => [scope, painter(style, chalk)]);
  return { default: painter(theme.styles.code, chalk), ...Object.fromEntries(scopes) };
}
