// Hugo's shortcodes as tokens: `[text]({{< ref "page" >}})` is a link (its target resolved by hugo-paths.ts),
// alert-like shortcodes are callouts, tabs are labelled, and every other shortcode's delimiters are dropped (the
// Markdown between a pair is read as it is). The site replaces each shortcode: nothing of one is shown as written.
import type { Lexer, Token, TokenizerExtension, Tokens } from 'marked';
import { calloutToken, type CalloutToken } from './callouts.js';
import { readShortcode, type Shortcode } from './shortcodes.js';

/** A shortcode on a line of its own that is not a callout: a tab's label, or nothing to show. */
export const SHORTCODE_TOKEN = 'shortcode';

export interface ShortcodeToken extends Tokens.Generic {
  type: typeof SHORTCODE_TOKEN;
  raw: string;
  name: string;
  closing: boolean;
  /** For a tab's opening: its name, as the tab shows it on the site. */
  tab?: string;
}

/** A link whose target a `ref`/`relref` shortcode names: marked's link token, its href the ref's argument. */
export interface RefLinkToken extends Tokens.Link {
  ref: true;
}

/** Shortcodes that draw a box around their Markdown: the kind is the name, or the `notice tip` kind, or the colour. */
const CALLOUTS = new Set([
  'alert',
  'note',
  'notice',
  'warning',
  'tip',
  'caution',
  'important',
  'info',
  'danger',
  'callout',
  'admonition',
  'hint',
  'attention',
  'error',
]);
/** Shortcodes that hold tabs, and the tabs themselves. */
const TAB_GROUPS = new Set(['tabs', 'tabpane', 'codetabs', 'tabgroup']);
const TABS = new Set(['tab', 'codetab']);
const ALERT_COLOURS: Record<string, string> = {
  warning: 'warning',
  danger: 'danger',
  info: 'info',
  success: 'tip',
  primary: 'note',
  secondary: 'note',
};

/** A shortcode alone on its line (it may run over a few lines), then the line's end. */
const LINE_SHORTCODE = /^ {0,3}(\{\{[<%](?:[^\n]|\n(?![ \t]*\n)){0,2000}?[>%]\}\})[ \t]*(?:\n|$)/;

/** The names of the tabs each open tab group of a lexer declared, and how many of them were opened. */
const tabGroups = new WeakMap<Lexer, Array<{ names: string[]; opened: number }>>();

function calloutKind(code: Shortcode): string {
  if (code.name === 'alert') return ALERT_COLOURS[code.named.color ?? ''] ?? code.named.type ?? 'note';
  if (['notice', 'callout', 'admonition'].includes(code.name)) return code.named.type ?? code.positional[0] ?? 'note';
  return code.name;
}

/** Where the shortcode closing `name` is (depth counted, on a line of its own), in the text after its opening. */
function closingOf(rest: string, name: string): { start: number; end: number } | undefined {
  const pair = new RegExp(
    String.raw`^ {0,3}\{\{[<%]-?\s*(/?)\s*${name.replace(/[.]/g, '\\.')}(?=[\s>%/])[^\n]*?[>%]\}\}[ \t]*(?:\n|$)`,
    'gm',
  );
  let depth = 1;
  for (const match of rest.matchAll(pair)) {
    depth += match[1] === '/' ? -1 : 1;
    if (depth === 0) return { start: match.index, end: match.index + match[0].length };
  }
  return undefined;
}

/** A tab's name: its own, else the one its group declared in its place; unknown when lexed apart from its group. */
function tabName(lexer: Lexer, code: Shortcode): string | undefined {
  const group = tabGroups.get(lexer)?.at(-1);
  const declared = group?.names[group.opened++];
  return code.named.header ?? code.named.name ?? code.named.title ?? code.named.tabname ?? code.positional[0] ?? declared;
}

function openOrCloseTabGroup(lexer: Lexer, code: Shortcode): void {
  let groups = tabGroups.get(lexer);
  if (!groups) tabGroups.set(lexer, (groups = []));
  if (code.closing) groups.pop();
  else
    groups.push({
      names: code.positional.length
        ? code.positional
        : (code.named.items ?? '')
            .split(',')
            .map((n) => n.trim())
            .filter(Boolean),
      opened: 0,
    });
}

export const hugoBlockShortcode: TokenizerExtension = {
  name: SHORTCODE_TOKEN,
  level: 'block',
  start: (src) => (src.includes('{{') ? src.match(/(?<=\n) {0,3}\{\{[<%]/)?.index : undefined),
  tokenizer(src): ShortcodeToken | CalloutToken | undefined {
    const line = LINE_SHORTCODE.exec(src);
    const code = line && readShortcode(line[1]);
    if (!line || !code) return undefined;
    if (CALLOUTS.has(code.name) && !code.closing && !code.selfClosing) {
      const rest = src.slice(line[0].length);
      const close = closingOf(rest, code.name);
      if (close) {
        const body = rest.slice(0, close.start).replace(/\n$/, '');
        return calloutToken(this.lexer, src.slice(0, line[0].length + close.end), {
          kind: calloutKind(code),
          title: code.named.title ?? '',
          body,
        });
      }
    }
    if (TAB_GROUPS.has(code.name) && !code.selfClosing) openOrCloseTabGroup(this.lexer, code);
    const name = TABS.has(code.name) && !code.closing ? tabName(this.lexer, code) : undefined;
    const tab = name === undefined ? {} : { tab: name };
    return { type: SHORTCODE_TOKEN, raw: line[0], name: code.name, closing: code.closing, ...tab };
  },
};

/** `[text]({{< ref "page#anchor" >}})`, `relref` too, quoted or not, with a title or not. */
const REF_LINK = /^\[((?:\[[^\]\n]*\]|[^[\]])*)\]\(\s*(\{\{[<%]-?\s*(?:rel)?ref\s[^\n]*?[>%]\}\})\s*(?:"([^"\n]*)")?\s*\)/;
/** A ref alone in the text, which Hugo replaces by the page's URL: a link whose text is the ref's argument. */
const BARE_REF = /^\{\{[<%]-?\s*(?:rel)?ref\s[^\n]*?[>%]\}\}/;

export const hugoRefLink: TokenizerExtension = {
  name: 'hugo-ref-link',
  level: 'inline',
  start: (src) => {
    if (!src.includes('{{')) return undefined; // marked asks at every stretch of text: the usual answer costs little
    const at = src.search(/\]\(\s*\{\{[<%]|\{\{[<%]-?\s*(?:rel)?ref\s/);
    return at === -1 ? undefined : src[at] === ']' ? Math.max(src.lastIndexOf('[', at), 0) : at;
  },
  tokenizer(src): Token | undefined {
    const link = REF_LINK.exec(src);
    const bare = link ? undefined : BARE_REF.exec(src);
    const code = readShortcode(link?.[2] ?? bare?.[0] ?? '');
    const target = code?.positional[0] ?? code?.named.path;
    if (target === undefined) return undefined;
    const text = link?.[1] ?? target;
    const token: RefLinkToken = {
      type: 'link',
      raw: (link ?? bare)![0],
      href: target,
      title: link?.[3] ?? null,
      text,
      tokens: this.lexer.inlineTokens(text),
      ref: true,
    };
    return token;
  },
};

/** Is this link token a Hugo ref? */
export const isRefLink = (token: Tokens.Link): token is RefLinkToken => (token as Partial<RefLinkToken>).ref === true;

/** The tab the lines after this shortcode are in: a tab's opening starts one, its closing or its group's ends it. */
export function tabAfter(token: ShortcodeToken, current: string | undefined): string | undefined {
  if (token.tab !== undefined) return token.tab;
  return token.closing && (TABS.has(token.name) || TAB_GROUPS.has(token.name)) ? undefined : current;
}

/** An HTML opening tag whose quoted attributes hold shortcodes: `<a href="{{< ref "x" >}}" class="card">`. */
const TAG_WITH_SHORTCODES =
  /^<[a-zA-Z][\w-]*(?:\s+[\w:.-]+(?:\s*=\s*(?:"(?:\{\{[<%][^\n]*?[>%]\}\}|[^"\n])*"|'[^'\n]*'|[^\s"'=<>`]+))?)*\s*\/?>/;

/** Such a tag as one inline HTML token, which HTML's own rules would end at the shortcode's first `>`. */
export const hugoHtmlTag: TokenizerExtension = {
  name: 'hugo-html-tag',
  level: 'inline',
  start: (src) => (src.includes('{{') ? src.match(/<[a-zA-Z][^<>\n]*?\{\{[<%]/)?.index : undefined),
  tokenizer(src): Tokens.Tag | undefined {
    const match = TAG_WITH_SHORTCODES.exec(src);
    if (!match || !/\{\{[<%]/.test(match[0])) return undefined;
    return { type: 'html', raw: match[0], text: match[0], inLink: false, inRawBlock: false, block: false };
  },
};

/** `ref`/`relref` shortcodes written in HTML (`href="{{< ref "x" >}}"`), each with its argument. */
export const refsInHtml = (html: string): Array<{ span: string; target: string }> =>
  [...html.matchAll(/\{\{[<%]-?\s*(?:rel)?ref\s[^\n]*?[>%]\}\}/g)].flatMap((m) => {
    const target = readShortcode(m[0])?.positional[0];
    return target === undefined ? [] : [{ span: m[0], target }];
  });
