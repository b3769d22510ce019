// Markdown → sanitised HTML for the export page: sections' ids and numbers on their headings, links to the notes
// (`#x`, `other.md#x`, `[[…]]`) led to those ids, code highlighted by highlight.js and Mermaid diagrams drawn as text.
import { slug } from 'github-slugger';
import { Parser, Renderer, type Token, type Tokens } from 'marked';
import { calloutLabel, CALLOUT_TOKEN, type CalloutToken } from '../../core/dialects/callouts.js';
import { refsInHtml, SHORTCODE_TOKEN, type ShortcodeToken } from '../../core/dialects/hugo.js';
import { BLOCK_ID_TOKEN } from '../../core/dialects/obsidian.js';
import { isShortcodeSpan } from '../../core/dialects/shortcodes.js';
import { EMBED_DEPTH, embeddedText } from '../../core/dialects/embeds.js';
import { isInternal, linkReference, resolveLink, type LinkReference } from '../../core/links/targets.js';
import { lexMarkdown, lexWithLines } from '../../core/markdown/parse.js';
import { decodeEntities, inlineText } from '../../core/markdown/plaintext.js';
import { TEMPLATE_TOKEN } from '../../core/markdown/templates.js';
import type { Collection } from '../../core/types.js';
import { WIKI_LINK_TOKEN, type WikiLinkToken } from '../../core/markdown/wikilinks.js';
import { drawDiagram } from '../diagram/draw.js';
import { soleEmbed } from '../terminal/elements/embed.js';
import { languageOf } from '../code/language.js';
import { highlightHtml } from '../code/grammars.js';
import { sanitizeFragment } from './sanitize.js';
import { safeText } from '../safe-text.js';

/** A piece of the notes put on the page: a whole document, or a section; `line` is its first line in its file. */
export interface PagePiece {
  file: string;
  markdown: string;
  line: number;
}

/** An outline heading as placed on the page, for the table of contents. */
export interface PageHeading {
  id: string;
  number: string;
  title: string;
  level: number;
}

export interface PageBody {
  /** Each piece as a sanitised HTML fragment. */
  pieces: string[];
  headings: PageHeading[];
}

/** Columns a diagram may take; the page's code blocks scroll sideways beyond the column of text. */
const DIAGRAM_WIDTH = 100;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/** The pieces' headings get anchors first, so a link may lead to a heading further down the page. */
export function renderPageBody(pieces: PagePiece[], collection: Collection): PageBody {
  const sectionAt = new Map(collection.sections.map((s) => [`${s.file}\n${s.line}`, s]));
  const used = new Set<string>();
  // the first heading of an id keeps it, as in `list --json`; a repeat (another file's, a section exported twice) gets a suffix
  const claim = (id: string): string => {
    let unique = id || 'section';
    for (let n = 1; used.has(unique); n++) unique = `${id || 'section'}-${n}`;
    used.add(unique);
    return unique;
  };
  const idsByFile = new Map<string, Map<string, string>>();
  /** The page id of each file put on the page whole: its first heading's. */
  const documentIds = new Map<string, string>();
  const anchors = new Map<Token, { id: string; number: string | null }>();
  const headings: PageHeading[] = [];
  const lexed = pieces.map((piece) => {
    // lines end as the parser reads them, before safeText drops what is left of lone carriage returns
    const located = lexWithLines(safeText(piece.markdown.replace(/\r\n?/g, '\n')));
    const ids = idsByFile.get(piece.file) ?? new Map<string, string>();
    idsByFile.set(piece.file, ids);
    const whole = piece.line === 1 && collection.documents.some((d) => d.file === piece.file && d.text === piece.markdown);
    for (const { token, line } of located) {
      if (token.type !== 'heading') continue;
      const section = sectionAt.get(`${piece.file}\n${line + piece.line - 1}`);
      // a heading that is not a section is the document's title, whose id the parser's slugger gave first
      const id = claim(
        section?.id ??
          slug(
            inlineText((token as Tokens.Heading).tokens)
              .replace(/\s+/g, ' ')
              .trim(),
          ),
      );
      anchors.set(token, { id, number: section?.number ?? null });
      if (whole && !documentIds.has(piece.file)) documentIds.set(piece.file, id);
      if (!section) continue;
      if (!ids.has(section.id)) ids.set(section.id, id);
      if (section.number !== null) headings.push({ id, number: section.number, title: section.title, level: section.level });
    }
    return located.map(({ token }) => token);
  });
  // a piece's HTML, or an embed's (the text of `file` shown inside the texts `chain` names)
  const htmlOf = (tokens: Token[], file: string, chain: string[]): string => {
    // where a link of this text leads on the page: its section's id, or its file's when it names a whole file
    const pageIdOf = (reference: LinkReference): PageLink => {
      const { kind, target } = resolveLink(collection, file, reference);
      const id =
        target && (target.section ? idsByFile.get(target.section.file)?.get(target.section.id) : documentIds.get(target.document.file));
      return { internal: isInternal(kind), anchor: kind === 'anchor', ...(id === undefined ? {} : { id }) };
    };
    const embedOf = (token: WikiLinkToken): string | undefined => {
      const found = embeddedText(collection, file, token);
      if (!found) return undefined;
      const label = `<p class="callout-title">↳ ${escapeHtml(found.label)}</p>\n`;
      if (chain.includes(found.key) || chain.length >= EMBED_DEPTH) return `<div class="embed">${label}</div>\n`;
      return `<div class="embed">${label}${htmlOf(lexMarkdown(found.markdown.replace(/\r\n?/g, '\n')), found.file, [...chain, found.key])}</div>\n`;
    };
    const renderer = new PageRenderer(anchors, pageIdOf, embedOf);
    const extensions = {
      renderers: {
        [WIKI_LINK_TOKEN]: (token: Tokens.Generic) => renderer.wikiLink(token as WikiLinkToken),
        // site template syntax: literal text, set apart; a Hugo shortcode is the site's to replace: nothing
        [TEMPLATE_TOKEN]: (token: Tokens.Generic) =>
          isShortcodeSpan(token.raw) ? '' : `<span class="template">${escapeHtml(token.raw)}</span>`,
        [CALLOUT_TOKEN]: (token: Tokens.Generic) => renderer.callout(token as CalloutToken),
        [SHORTCODE_TOKEN]: (token: Tokens.Generic) =>
          (token as ShortcodeToken).tab === undefined ? '' : `<p class="tab">${escapeHtml((token as ShortcodeToken).tab!)}</p>\n`,
        [BLOCK_ID_TOKEN]: () => '',
      },
      childTokens: {},
    };
    return new Parser({ gfm: true, renderer, extensions }).parse(tokens);
  };
  const html = lexed.map((tokens, index) => sanitizeFragment(htmlOf(tokens, pieces[index].file, [])));
  return { pieces: html, headings };
}

/** Where a link leads on the page: whether it points into the notes, is a `#` link, and the page id of its target if that is on the page. */
interface PageLink {
  internal: boolean;
  anchor: boolean;
  id?: string;
}

/** marked's HTML renderer, with the page's anchors on headings and links and the code and diagram views of export. */
class PageRenderer extends Renderer {
  constructor(
    private readonly anchors: Map<Token, { id: string; number: string | null }>,
    private readonly pageIdOf: (reference: LinkReference) => PageLink,
    private readonly embedOf: (token: WikiLinkToken) => string | undefined,
  ) {
    super();
  }

  /** Raw HTML: a ref in an attribute leads to its target's id on the page; other shortcodes are the site's to fill: gone. */
  override html(token: Tokens.HTML | Tokens.Tag): string {
    let html = token.text;
    for (const { span, target } of refsInHtml(html)) {
      const { id } = this.pageIdOf({ ref: target });
      html = html.replace(span, id === undefined ? '' : `#${escapeHtml(id)}`);
    }
    return super.html({ ...token, text: html.replace(/\{\{([<%])[\s\S]*?[>%]\}\}/g, '') });
  }

  /** An embed alone in its paragraph shows the text it names; any other paragraph is marked's. */
  override paragraph(token: Tokens.Paragraph): string {
    const embed = soleEmbed(token.tokens);
    return (embed && this.embedOf(embed)) ?? super.paragraph(token);
  }

  override heading(token: Tokens.Heading): string {
    const anchor = this.anchors.get(token);
    const title = this.parser.parseInline(token.tokens);
    if (!anchor) return `<h${token.depth}>${title}</h${token.depth}>\n`;
    const number = anchor.number ? `<span class="number">${escapeHtml(anchor.number)}</span> ` : '';
    return `<h${token.depth} id="${escapeHtml(anchor.id)}">${number}${title}</h${token.depth}>\n`;
  }

  /**
   * A link into the notes leads to its target's id when the target is on the page. Otherwise a `#` link is only its
   * text (its heading is not on the page), and a link to another file keeps its path; a URL is left as it is.
   */
  override link(token: Tokens.Link): string {
    const reference = linkReference(token);
    const { internal, anchor, id } = this.pageIdOf(reference);
    // a ref's argument is no URL: a ref whose page is not on this one is its text
    if (!internal || (id === undefined && !anchor && !('ref' in reference))) return super.link(token);
    const text = this.parser.parseInline(token.tokens);
    if (id === undefined) return text;
    return `<a href="#${escapeHtml(id)}"${token.title ? ` title="${escapeHtml(token.title)}"` : ''}>${text}</a>`;
  }

  /** A callout: a box of its kind, its title above its body. */
  callout(token: CalloutToken): string {
    const kind = /^[a-z]+$/.test(token.kind) ? ` callout-${token.kind}` : '';
    return `<div class="callout${kind}"><p class="callout-title">${escapeHtml(calloutLabel(token))}</p>\n${this.parser.parse(token.tokens)}</div>\n`;
  }

  /** A wiki link: a link to its target's id when that is on the page, else its alias or target as text. */
  wikiLink(token: WikiLinkToken): string {
    const { id, internal } = this.pageIdOf({ wiki: token });
    const text = escapeHtml(decodeEntities(token.text));
    if (token.embed && !internal) return `<span class="template">[image: ${escapeHtml(decodeEntities(token.page))}]</span>`; // an attachment
    return id === undefined ? text : `<a href="#${escapeHtml(id)}">${text}</a>`;
  }

  override code(token: Tokens.Code): string {
    const language = languageOf(token.lang);
    let note = '';
    if (language === 'mermaid') {
      const drawing = drawDiagram(token.text, DIAGRAM_WIDTH);
      if ('lines' in drawing) return `<pre class="diagram">${escapeHtml(drawing.lines.join('\n'))}</pre>\n`;
      note = `<p class="note">${escapeHtml(drawing.reason)}</p>\n`;
    }
    const highlighted = language ? highlightHtml(token.text, language) : undefined;
    const label = /^[\w+-]+$/.test(language) ? ` class="language-${language}"` : '';
    return `${note}<pre><code${label}>${highlighted ?? escapeHtml(token.text)}</code></pre>\n`;
  }

  /** A task's box as a character: the page has no form controls. */
  override checkbox(token: Tokens.Checkbox): string {
    return `<span class="task">${token.checked ? '☑' : '☐'}</span> `;
  }
}
