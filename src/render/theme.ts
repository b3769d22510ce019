// Themes as data: how everything kubenotes shows looks — rendered Markdown, and its own text (lists, search hits,
// link reports, the browser, help). `standard` reads on dark and light backgrounds (the terminal's own palette, no
// fixed greys); `dark` and `light` are made for one background each; `plain` is the same layout without any style,
// for output that is not a terminal. Nothing is painted but through a theme (see paint.ts).
import type { ThemeName } from '../core/config.js';

export type Color =
  | 'red'
  | 'green'
  | 'yellow'
  | 'blue'
  | 'magenta'
  | 'cyan'
  | 'redBright'
  | 'greenBright'
  | 'yellowBright'
  | 'blueBright'
  | 'magentaBright'
  | 'cyanBright';

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
  | 'heading1'
  | 'heading2'
  | 'heading3'
  | 'heading'
  | 'headingNumber'
  | 'headingRule'
  | 'strong'
  | 'em'
  | 'del'
  | 'codespan'
  | 'link'
  | 'url'
  | 'broken'
  | 'image'
  | 'html'
  | 'bullet'
  | 'quote'
  | 'code'
  | 'codeCut'
  | 'rule'
  | 'tableBorder'
  | 'tableHeader'
  | 'diagram'
  | 'note'
  | 'template'
  | 'callout';

/** highlight.js scopes (the part before the first dot) that get a style; others keep the code style. */
export type CodeScope =
  | 'keyword'
  | 'built_in'
  | 'type'
  | 'literal'
  | 'number'
  | 'string'
  | 'regexp'
  | 'comment'
  | 'meta'
  | 'title'
  | 'attr'
  | 'attribute'
  | 'variable'
  | 'params'
  | 'symbol'
  | 'subst'
  | 'bullet'
  | 'section';

/** kubenotes's own text, outside rendered Markdown. */
export const ROLES = [
  /** Outline numbers. */
  'number',
  /** A title: a top-level one in lists, a hit's section. */
  'title',
  /** Secondary text: presenters, paths, line numbers, notes. */
  'dim',
  /** The characters a search matched. */
  'match',
  /** Why a link is broken (`links`, `check`). */
  'broken',
  /** A key in the browser's help line. */
  'key',
  /** Help's headings (`Usage:`, `Options:`, `Examples:`). */
  'helpTitle',
  /** Help's commands, options and arguments. */
  'helpTerm',
] as const;
export type Role = (typeof ROLES)[number];

export interface Theme {
  layout: Layout;
  /** Every role has a style, if only the empty one: a role no theme styles is a role nothing paints. */
  roles: Record<Role, TextStyle>;
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
  // help keeps the terminal's own colours: its text is read on every background
  roles: {
    number: { color: 'cyan' },
    title: { bold: true },
    dim: { dim: true },
    match: { color: 'red', bold: true },
    broken: { color: 'red' },
    key: { bold: true },
    helpTitle: {},
    helpTerm: {},
  },
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

/** For a dark background: the bright colours, which read on it. */
export const dark: Theme = {
  layout,
  roles: {
    number: { color: 'cyanBright' },
    title: { bold: true },
    dim: { dim: true },
    match: { color: 'yellowBright', bold: true },
    broken: { color: 'redBright' },
    key: { color: 'cyanBright', bold: true },
    helpTitle: { color: 'yellowBright', bold: true },
    helpTerm: { color: 'cyanBright' },
  },
  styles: {
    ...standard.styles,
    heading1: { color: 'magentaBright', bold: true },
    heading2: { color: 'magentaBright', bold: true },
    heading3: { color: 'cyanBright', bold: true },
    headingNumber: { color: 'cyanBright' },
    codespan: { color: 'greenBright' },
    link: { color: 'blueBright', underline: true },
    bullet: { color: 'cyanBright' },
    diagram: { color: 'cyanBright' },
    callout: { color: 'yellowBright', bold: true },
  },
  code: {
    ...standard.code,
    keyword: { color: 'magentaBright' },
    string: { color: 'greenBright' },
    title: { color: 'blueBright', bold: true },
  },
};

/** For a light background: no yellow or cyan, which fade on it. */
export const light: Theme = {
  layout,
  roles: {
    number: { color: 'blue' },
    title: { bold: true },
    dim: { dim: true },
    match: { color: 'magenta', bold: true },
    broken: { color: 'red' },
    key: { color: 'blue', bold: true },
    helpTitle: { color: 'blue', bold: true },
    helpTerm: { color: 'magenta' },
  },
  styles: {
    ...standard.styles,
    heading1: { color: 'blue', bold: true },
    heading2: { color: 'blue', bold: true },
    heading3: { color: 'magenta', bold: true },
    headingNumber: { color: 'blue' },
    bullet: { color: 'blue' },
    diagram: { color: 'blue' },
    callout: { color: 'magenta', bold: true },
  },
  code: {
    ...standard.code,
    built_in: { color: 'blue' },
    type: { color: 'blue' },
    attr: { color: 'blue' },
    attribute: { color: 'blue' },
    bullet: { color: 'blue' },
  },
};

const unstyled = Object.fromEntries(ROLES.map((role) => [role, {}])) as Record<Role, TextStyle>;

export const plain: Theme = { layout, roles: unstyled, styles: {}, code: {} };

export const THEMES: Record<ThemeName, Theme> = { standard, dark, light, plain };
