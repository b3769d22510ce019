// Themes as data: how each element of rendered Markdown looks. `standard` reads on dark and light backgrounds (the
// terminal's own palette, no fixed greys); `plain` is the same layout without any style, for output that is not a terminal.
import type { ThemeName } from '../core/config.js';

export type Color = 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan';

/** A text style; every field optional, an empty style leaves text as it is. */
export interface TextStyle {
  color?: Color;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
}

/** The characters and spacing every theme shares, so that piped output has the layout a terminal shows. */
export interface Layout {
  /** Characters drawn under headings of level 1, 2, 3 …; '' for none. */
  headingRules: string[];
  /** Columns a list is indented by, at every depth. */
  listIndent: number;
  /** List bullets by depth, repeating. */
  bullets: string[];
  taskDone: string;
  taskOpen: string;
  /** Columns a code block is indented by. */
  codeIndent: number;
  /** In the last column of a code line cut at the width: more of the line is to the right. */
  codeCut: string;
  quotePrefix: string;
  rule: string;
  /** Before the section a link points to: `text (→ 7 Prometheus)`. */
  sectionArrow: string;
  /** Before why a link leads nowhere: `text (broken link: no heading #x in a.md)`. */
  brokenLabel: string;
  imageLabel: string;
}

export type Element =
  | 'heading1' | 'heading2' | 'heading3' | 'heading' | 'headingNumber' | 'headingRule'
  | 'strong' | 'em' | 'del' | 'codespan' | 'link' | 'url' | 'broken' | 'image' | 'html'
  | 'bullet' | 'quote' | 'code' | 'codeCut' | 'rule' | 'tableBorder' | 'tableHeader' | 'diagram' | 'note' | 'template' | 'callout';

/** highlight.js scopes (the part before the first dot) that get a style; others keep the code style. */
export type CodeScope =
  | 'keyword' | 'built_in' | 'type' | 'literal' | 'number' | 'string' | 'regexp' | 'comment' | 'meta'
  | 'title' | 'attr' | 'attribute' | 'variable' | 'params' | 'symbol' | 'subst' | 'bullet' | 'section';

export interface Theme {
  layout: Layout;
  styles: Partial<Record<Element, TextStyle>>;
  code: Partial<Record<CodeScope, TextStyle>>;
}

const layout: Layout = {
  headingRules: ['═', '═', '─'],
  listIndent: 2,
  bullets: ['•', '◦', '▪'],
  taskDone: '☑',
  taskOpen: '☐',
  codeIndent: 4,
  codeCut: '→',
  quotePrefix: '│ ',
  rule: '─',
  sectionArrow: '→',
  brokenLabel: 'broken link',
  imageLabel: 'image',
};

export const standard: Theme = {
  layout,
  styles: {
    heading1: { color: 'magenta', bold: true },
    heading2: { color: 'magenta', bold: true },
    heading3: { color: 'cyan', bold: true },
    heading: { bold: true },
    headingNumber: { color: 'cyan' },
    headingRule: { dim: true },
    strong: { bold: true },
    em: { italic: true },
    del: { strikethrough: true, dim: true },
    codespan: { color: 'green' },
    link: { color: 'blue', underline: true },
    url: { dim: true },
    broken: { color: 'red' },
    image: { color: 'magenta' },
    html: { dim: true },
    bullet: { color: 'cyan' },
    quote: { italic: true },
    code: {},
    codeCut: { dim: true },
    rule: { dim: true },
    tableBorder: { dim: true },
    tableHeader: { bold: true },
    diagram: { color: 'cyan' },
    note: { dim: true, italic: true },
    template: { dim: true },
    callout: { color: 'yellow', bold: true },
  },
  code: {
    keyword: { color: 'magenta' },
    built_in: { color: 'cyan' },
    type: { color: 'cyan' },
    literal: { color: 'blue' },
    number: { color: 'blue' },
    string: { color: 'green' },
    regexp: { color: 'red' },
    comment: { dim: true, italic: true },
    meta: { dim: true },
    title: { color: 'blue', bold: true },
    attr: { color: 'cyan' },
    attribute: { color: 'cyan' },
    variable: { color: 'red' },
    symbol: { color: 'red' },
    bullet: { color: 'cyan' },
    section: { bold: true },
  },
};

export const plain: Theme = { layout, styles: {}, code: {} };

export const THEMES: Record<ThemeName, Theme> = { standard, plain };
