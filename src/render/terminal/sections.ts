// Markdown → terminal text: marked with marked-terminal's renderers and our overrides, themed, wrapped to the width.
// The highlighter and the diagram renderer are loaded only when the Markdown has code or a diagram to use them on.
import { marked, type Token } from 'marked';
import { findFrontMatter } from '../../core/markdown/frontmatter.js';
import { embeddedText } from '../../core/dialects/embeds.js';
import { resolveLink } from '../../core/links/targets.js';
import { lexMarkdown, lexWithLines, lineStarts, sectionSlices } from '../../core/markdown/parse.js';
import { documentOf, isSeveralFiles } from '../../core/notes/documents.js';
import { isPage, titledByHeading } from '../../core/notes/pages.js';
import type { Collection, NotesDocument, Section } from '../../core/types.js';
import { loadHighlighter } from './cli-highlight-lean.js';
import { languageOf } from '../code/language.js';
import { keepImageLines } from './elements/inline.js';
import { createMarkdownRenderer } from './blocks.js';
import { painter } from '../paint.js';
import type { EmbedResolver, LinkResolver } from './render-context.js';
import { cutStartToWidth } from '../fit.js';
import { escapedName, safeText } from '../safe-text.js';
import type { Style } from '../style.js';
import type { Element } from '../theme.js';
import { indentLines, widthOf, wrapText } from '../wrap.js';

export interface SectionsOptions {
  style: Style;
  width: number;
  /** OSC 8 hyperlinks for links that leave the notes. */
  hyperlinks?: boolean;
  /** Marks words in the notes' text as it is rendered (a search's matches); code is left as it is. */
  mark?: (text: string) => string;
  /** Code lines whole, however wide, rather than cut at the width with a marker. */
  wholeCode?: boolean;
  /** The tokens of the Markdown of the file at `path`, kept from an earlier lexing or lexed with `lex` (`show`'s, between runs). */
  keepTokens?: (markdown: string, path: string | undefined, lex: (markdown: string) => Token[]) => Token[];
}

export interface MarkdownOptions extends SectionsOptions {
  resolveLink?: LinkResolver;
  embed?: EmbedResolver;
  /** Outline numbers of the Markdown's top-level headings, in order. */
  headingNumbers?: Array<string | null>;
  /** The file on disk the Markdown is from, for `keepTokens`. */
  path?: string;
}

/** Renders one piece of Markdown; note text is made safe first, so only kubenotes's own escapes reach the terminal. */
export async function renderMarkdown(markdown: string, options: MarkdownOptions): Promise<string> {
  const { chalk, theme } = options.style;
  // lone carriage returns end lines, as the parser reads them, before safeText drops what is left of them
  const text = safeText(markdown.replace(/\r\n?/g, '\n'));
  const tokens = options.keepTokens ? options.keepTokens(text, options.path, lexMarkdown) : lexMarkdown(text);
  const code = codeLanguages(tokens);
  void marked.walkTokens(tokens, (token) => {
    if ('tokens' in token && token.tokens) keepImageLines(token.tokens);
  });
  const drawDiagram = code.has('mermaid') ? (await import('../diagram/draw.js')).drawDiagram : undefined;
  if (chalk.level > 0 && [...code].some((language) => language !== '' && language !== 'mermaid')) await loadHighlighter();
  const render = createMarkdownRenderer(
    {
      width: options.width,
      theme,
      paint: (element: Element) => painter(theme.styles[element], chalk),
      hyperlinks: Boolean(options.hyperlinks) && chalk.level > 0,
      resolveLink: options.resolveLink ?? (() => undefined),
      embed: options.embed,
      mark: options.mark,
      headingNumbers: [...(options.headingNumbers ?? [])],
      drawDiagram,
      wholeCode: options.wholeCode,
    },
    chalk,
  );
  return `${render(tokens).join('\n')}\n`;
}

/** The languages of the code blocks in the tokens, at any depth. */
function codeLanguages(tokens: Token[]): Set<string> {
  const languages = new Set<string>();
  void marked.walkTokens(tokens, (token) => {
    if (token.type === 'code') languages.add(languageOf(token.lang));
  });
  return languages;
}

/** Links written in `file` → the number and title of the section they lead to (a whole file: its name and title), or why they are broken. */
export function linkResolver(collection: Collection, file: string): LinkResolver {
  return (reference) => {
    const { target, broken } = resolveLink(collection, file, reference);
    if (broken) return { broken: broken.why };
    if (!target) return undefined;
    // titles and file names are the notes' own text: shown as any other of it is, without its control characters
    return target.section
      ? { where: target.section.number, title: safeText(target.section.title) }
      : { where: escapedName(target.document.file), title: safeText(target.document.title) };
  };
}

/** Embeds written in `file` → the text they show, with the links and embeds of the file that text is from. */
export function embedResolver(collection: Collection, file: string): EmbedResolver {
  return (target) => {
    const found = embeddedText(collection, file, target);
    return found && { ...found, resolveLink: linkResolver(collection, found.file), embed: embedResolver(collection, found.file) };
  };
}

/** The numbers of a section's own heading and every heading below it, in the order they appear in its Markdown. */
function headingNumbersOf(section: Section, collection: Collection): Array<string | null> {
  const lines = lineStarts(section.markdown).length; // \r ends a line too
  return documentOf(collection, section)
    .sections.filter((s) => s.line >= section.line && s.line < section.line + lines)
    .map((s) => s.number);
}

/** A page or section rendered whole: a page as its file is read, under its title; a section with its numbers. */
async function renderPart(section: Section, collection: Collection, options: SectionsOptions): Promise<string> {
  if (!isPage(section)) {
    return renderMarkdown(section.markdown, {
      ...options,
      resolveLink: linkResolver(collection, section.file),
      embed: embedResolver(collection, section.file),
      headingNumbers: headingNumbersOf(section, collection),
      path: documentOf(collection, section).path,
    });
  }
  const document = documentOf(collection, section);
  const body = await renderDocument(document, collection, options);
  // a title from front matter or the file's name is in no heading (or not that one): it heads the page all the same
  if (titledByHeading(document)) return body;
  return `${await renderMarkdown(`# ${escapeTitle(document.title)}`, options)}${body.startsWith('\n') ? '' : '\n'}${body}`;
}

/** A title as heading text: Markdown's own characters taken literally. */
const escapeTitle = (title: string): string => title.replace(/[\\`*_[\]<>#!|~]/g, '\\$&');

/** Where a result is: its number, its page's title (when there are several pages) and its path; and its file and line. */
interface Place {
  where: string;
  file: string;
  /** Between the place and `(file)`: a page's title stands apart from its file by two spaces. */
  gap?: string;
}

function placeOf(section: Section, collection: Collection): Place {
  if (isPage(section)) return { where: section.title, file: section.file, gap: '  ' };
  const pageTitle = isSeveralFiles(collection) ? [documentOf(collection, section).title] : [];
  return {
    where: [section.number, [...pageTitle, ...section.path].join(' › ')].filter(Boolean).join('  '),
    file: `${section.file}:${section.line}`,
  };
}

/**
 * Pages and sections for `show`: each rendered; each under a dim line that says where it is when there are several,
 * or several pages it could be from.
 */
export async function renderSections(sections: Section[], collection: Collection, options: SectionsOptions): Promise<string> {
  const rendered: string[] = [];
  for (const section of sections) {
    const body = await renderPart(section, collection, options);
    if (sections.length === 1 && !isSeveralFiles(collection)) return body;
    rendered.push(`${headerLine(placeOf(section, collection), options)}\n${body}`);
  }
  return rendered.join('\n');
}

/**
 * A dim `── …` line that says where the text below comes from: the place wrapped at words, then `(file:line)` after it
 * or on a line of its own, cut at its start when even that is too narrow (its end names the file and line).
 */
function headerLine({ where, file, gap = ' ' }: Place, options: SectionsOptions): string {
  const room = options.width - 3;
  const lines = where ? wrapText(safeText(where), room) : [];
  // a file alone (each file of an export) is named bare
  const fileText = where ? `(${cutStartToWidth(escapedName(file), room - 2)})` : cutStartToWidth(escapedName(file), room);
  if (lines.length && widthOf(lines.at(-1)!) + gap.length + widthOf(fileText) <= room) lines[lines.length - 1] += `${gap}${fileText}`;
  else lines.push(fileText);
  return indentLines(lines, '── ', '   ')
    .map((line) => options.style.dim(line))
    .join('\n');
}

/** Whole documents (`export --format txt`): each with its own links and numbers; when several, each under its file's name. */
export async function renderDocuments(collection: Collection, options: SectionsOptions): Promise<string> {
  const rendered: string[] = [];
  for (const document of collection.documents) {
    const body = await renderDocument(document, collection, options);
    rendered.push(!isSeveralFiles(collection) ? body : `${headerLine({ where: '', file: document.file }, options)}\n${body}`);
  }
  return rendered.join('\n');
}

/** One whole file as a reader sees it: its front matter is metadata, not text; its sections numbered. */
export async function renderDocument(document: NotesDocument, collection: Collection, options: MarkdownOptions): Promise<string> {
  const [preamble] = sectionSlices(document);
  // a level-1 heading before the first section is the file's title, which has no number
  const titled = lexWithLines(preamble).some(({ token }) => token.type === 'heading');
  return renderMarkdown(document.text.slice(findFrontMatter(document.text)?.end ?? 0), {
    ...options,
    resolveLink: linkResolver(collection, document.file),
    embed: embedResolver(collection, document.file),
    headingNumbers: [...(titled ? [null] : []), ...document.sections.map((s) => s.number)],
    path: document.path,
  });
}
