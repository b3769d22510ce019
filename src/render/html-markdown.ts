// Markdown → sanitised HTML for the export page: sections' ids and numbers on their headings, `#` links kept within
// the page, code highlighted by highlight.js and Mermaid diagrams drawn as text.
import { slug } from 'github-slugger';
import { Marked, Parser, Renderer, type Token, type Tokens } from 'marked';
import { lexWithLines } from '../core/parse.js';
import { inlineText } from '../core/plaintext.js';
import { TEMPLATE_TOKEN } from '../core/templates.js';
import type { Collection } from '../core/types.js';
import { drawDiagram } from './diagram.js';
import { languageOf } from './code-language.js';
import { highlightHtml } from './highlight-languages.js';
import { decodeUriComponentSafely, sanitizeFragment } from './html-sanitize.js';
import { safeText } from './safe-text.js';

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

/** GitHub Markdown, with the core's site template tokens kept as the literal text they are. */
const PAGE_MARKDOWN = new Marked({
  gfm: true,
  extensions: [{ name: TEMPLATE_TOKEN, renderer: (token) => `<span class="template">${escapeHtml(token.raw)}</span>` }],
});

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
  const anchors = new Map<Token, { id: string; number: string | null }>();
  const headings: PageHeading[] = [];
  const lexed = pieces.map((piece) => {
    // lines end as the parser reads them, before safeText drops what is left of lone carriage returns
    const located = lexWithLines(safeText(piece.markdown.replace(/\r\n?/g, '\n')));
    const ids = idsByFile.get(piece.file) ?? new Map<string, string>();
    idsByFile.set(piece.file, ids);
    for (const { token, line } of located) {
      if (token.type !== 'heading') continue;
      const section = sectionAt.get(`${piece.file}\n${line + piece.line - 1}`);
      // a heading that is not a section is the document's title, whose id the parser's slugger gave first
      const id = claim(section?.id ?? slug(inlineText((token as Tokens.Heading).tokens).replace(/\s+/g, ' ').trim()));
      anchors.set(token, { id, number: section?.number ?? null });
      if (!section) continue;
      if (!ids.has(section.id)) ids.set(section.id, id);
      if (section.number !== null) headings.push({ id, number: section.number, title: section.title, level: section.level });
    }
    return located.map(({ token }) => token);
  });
  const html = lexed.map((tokens, index) => {
    const renderer = new PageRenderer(anchors, idsByFile.get(pieces[index].file)!);
    return sanitizeFragment(new Parser({ ...PAGE_MARKDOWN.defaults, renderer }).parse(tokens));
  });
  return { pieces: html, headings };
}

/** marked's HTML renderer, with the page's anchors on headings and links and the code and diagram views of export. */
class PageRenderer extends Renderer {
  constructor(
    private readonly anchors: Map<Token, { id: string; number: string | null }>,
    /** This piece's file's section ids → their ids on the page. */
    private readonly ids: Map<string, string>,
  ) {
    super();
  }

  override heading(token: Tokens.Heading): string {
    const anchor = this.anchors.get(token);
    const title = this.parser.parseInline(token.tokens);
    if (!anchor) return `<h${token.depth}>${title}</h${token.depth}>\n`;
    const number = anchor.number ? `<span class="number">${escapeHtml(anchor.number)}</span> ` : '';
    return `<h${token.depth} id="${escapeHtml(anchor.id)}">${number}${title}</h${token.depth}>\n`;
  }

  /** A `#` link leads to its heading's id on the page; to a heading not on the page, it is only its text. */
  override link(token: Tokens.Link): string {
    if (!token.href.startsWith('#')) return super.link(token);
    const wanted = decodeUriComponentSafely(token.href.slice(1));
    const id = this.ids.get(wanted) ?? this.ids.get(wanted.toLowerCase());
    const text = this.parser.parseInline(token.tokens);
    if (id === undefined) return text;
    return `<a href="#${escapeHtml(id)}"${token.title ? ` title="${escapeHtml(token.title)}"` : ''}>${text}</a>`;
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
