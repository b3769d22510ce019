// What every element renderer is handed: the width it may fill, the theme, and the helpers of this render.
import type { Token } from 'marked';
import type { LinkReference } from '../../core/links/targets.js';
import type { WikiTarget } from '../../core/markdown/wikilinks.js';
import type { Paint } from '../paint.js';
import type { Element, Theme } from '../theme.js';

/** Where a link of the notes leads: a section by its number (none for a table of contents) or a whole file by its name, and its title; or why it leads nowhere. */
export type LinkTarget = { where: string | null; title: string } | { broken: string };

/** A link as written → where it leads in the notes, or undefined for a link that leaves them. */
export type LinkResolver = (reference: LinkReference) => LinkTarget | undefined;

/** An embed's text to show in place, with the links and embeds of the file it is from; undefined when it names no note. */
export type EmbedResolver = (
  target: WikiTarget,
) => { label: string; markdown: string; key: string; resolveLink: LinkResolver; embed: EmbedResolver } | undefined;

/** A diagram's source → its drawing as lines no wider than `width`, or why it cannot be drawn. */
export type DiagramDrawer = (source: string, width: number) => { lines: string[] } | { reason: string };

export interface RenderContext {
  /** Columns this block may fill. */
  width: number;
  theme: Theme;
  paint: (element: Element) => Paint;
  /** Code in the theme's code colours, for a language named by a fence (as it is without colour). */
  colourCode: (code: string, language: string | undefined) => string;
  /** Whether links may be OSC 8 hyperlinks. */
  hyperlinks: boolean;
  resolveLink: LinkResolver;
  /** Obsidian's embeds of the notes (absent where there are no notes to embed from). */
  embed?: EmbedResolver;
  /** The keys of the texts this one is embedded in, outermost first: a cycle's guard and the depth. */
  embedChain?: string[];
  /** Marks words of plain text (a search's matches). */
  mark?: (text: string) => string;
  drawDiagram?: DiagramDrawer;
  /** Code lines are printed whole, however wide (a pipe with no pager), rather than cut with a marker. */
  wholeCode?: boolean;
  /** Outline numbers of the top-level headings in order, taken as they are rendered; absent inside lists and quotes. */
  headingNumbers?: Array<string | null>;
  /** How deep in lists this block is (bullets change by depth). */
  listDepth?: number;
  /** Blocks of a tight list item follow each other without a blank line. */
  tight?: boolean;
  /** Inside a quote, whose style the outermost quote gives each whole line. */
  quoted?: boolean;
  /** Renders nested blocks (a list item's, a quote's) into lines, through the same marked renderer. */
  renderBlocks(tokens: Token[], context: RenderContext): string[];
  /** Renders inline tokens (a heading's, a cell's) into styled text, through the same marked renderer. */
  renderInline(tokens: Token[]): string;
}

/** The context for blocks nested `indent` columns deeper, where headings are not sections. */
export const nested = (context: RenderContext, indent: number): RenderContext => ({
  ...context,
  width: Math.max(context.width - indent, 1),
  headingNumbers: undefined,
  tight: false,
});
