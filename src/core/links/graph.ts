// Every link of the notes, found in the tokens (never in code) with its file, line and section, and resolved once:
// what a section links to, what links to it, and which links are broken.
import type { Token, Tokens } from 'marked';
import { lexWithLines, locateTokens, type LocatedToken } from '../markdown/parse.js';
import { isPage } from '../notes/pages.js';
import { decodeEntities, inlineText } from '../markdown/plaintext.js';
import { CALLOUT_TOKEN, type CalloutToken } from '../dialects/callouts.js';
import { linkReference, resolveLink, type LinkReference, type Resolution } from './targets.js';
import type { Collection, NotesDocument, Section } from '../types.js';
import { WIKI_LINK_TOKEN, wikiHref, type WikiLinkToken } from '../markdown/wikilinks.js';

/** A link as found in a file, and where it leads. */
export interface NoteLink extends Resolution {
  file: string;
  /** 1-based line of the link in its file (front matter counted). */
  line: number;
  /** The section the link is in (the nearest heading above it); undefined above the first section. */
  section?: Section;
  /** What a reader sees: the link's text, or a wiki link's alias or target. */
  text: string;
  /** The href as written, or a wiki link's target without its alias. */
  href: string;
  /** The link as written, for messages: `[text](href)` or `[[page#heading|alias]]`. */
  source: string;
}

/** A link found in the tokens, before it is resolved. */
interface FoundLink {
  line: number;
  text: string;
  href: string;
  source: string;
  reference: LinkReference;
}

const newlines = (text: string): number => text.split('\n').length - 1;

/** Links in inline tokens that start on `line`: Markdown links (inline, reference, autolinks) and wiki links; not in code spans. */
function inlineLinks(tokens: Token[], line: number, found: FoundLink[]): void {
  let at = line;
  for (const token of tokens) {
    if (token.type === 'link') {
      const { href } = token as Tokens.Link;
      const text = inlineText(token.tokens).replace(/\s+/g, ' ').trim();
      const reference = linkReference(token as Tokens.Link);
      found.push({ line: at, text, href, source: 'ref' in reference ? `[${text}](ref "${href}")` : `[${text}](${href})`, reference });
    } else if (token.type === WIKI_LINK_TOKEN) {
      const wiki = token as WikiLinkToken;
      found.push({ line: at, text: decodeEntities(wiki.text), href: wikiHref(wiki), source: wiki.raw, reference: { wiki } });
    } else if (token.type !== 'codespan' && token.type !== 'image' && 'tokens' in token && token.tokens) {
      inlineLinks(token.tokens, at, found); // emphasis: its delimiters hold no line break, so its inside starts on its line
    }
    at += newlines(token.raw);
  }
}

/** Links in block tokens, each with its line: paragraphs, headings, list items at any depth, quotes, tables; not in code. */
function blockLinks(located: LocatedToken[], found: FoundLink[]): void {
  for (const { token, line } of located) {
    switch (token.type) {
      case 'list':
        for (const item of locateTokens((token as Tokens.List).items, token.raw, line)) {
          const { tokens, text } = item.token as Tokens.ListItem;
          blockLinks(locateTokens(tokens, text, item.line), found);
        }
        break;
      case 'blockquote':
        blockLinks(locateTokens((token as Tokens.Blockquote).tokens, (token as Tokens.Blockquote).text, line), found);
        break;
      case 'table': {
        const table = token as Tokens.Table;
        // the header's line, then the delimiter row, then one line per row
        [table.header, ...table.rows].forEach((row, at) =>
          row.forEach((cell) => inlineLinks(cell.tokens, line + (at === 0 ? 0 : at + 1), found)),
        );
        break;
      }
      case CALLOUT_TOKEN: {
        const callout = token as CalloutToken;
        blockLinks(locateTokens(callout.tokens, callout.text, line + 1), found); // its body starts below its opening line
        break;
      }
      case 'code':
      case 'html':
        break;
      default:
        if ('tokens' in token && token.tokens) inlineLinks(token.tokens, line, found); // headings, paragraphs, an item's text
    }
  }
}

/** The links of one document, in order, each resolved from its file and placed in its section. */
function documentLinks(collection: Collection, document: NotesDocument): NoteLink[] {
  const found: FoundLink[] = [];
  blockLinks(lexWithLines(document.text), found);
  let next = 0;
  let section: Section | undefined;
  return found.map(({ reference, ...link }) => {
    while (next < document.sections.length && document.sections[next].line <= link.line) section = document.sections[next++];
    return { file: document.file, ...link, ...(section ? { section } : {}), ...resolveLink(collection, document.file, reference) };
  });
}

const graphs = new WeakMap<Collection, NoteLink[]>();

/** Every link of the collection, in reading order; found and resolved once per collection. */
export function collectionLinks(collection: Collection): NoteLink[] {
  let links = graphs.get(collection);
  if (!links) {
    links = collection.documents.flatMap((document) => documentLinks(collection, document));
    graphs.set(collection, links);
  }
  return links;
}

/** A section with the links written in it (its subsections' too: the text `show` shows) and the links that lead to it. */
export interface SectionLinks {
  section: Section;
  outgoing: NoteLink[];
  incoming: NoteLink[];
}

export function sectionLinks(collection: Collection, section: Section): SectionLinks {
  const links = collectionLinks(collection);
  const end = section.line + newlines(section.markdown.replace(/\r\n?/g, '\n').replace(/\n$/, ''));
  return {
    section,
    outgoing: links.filter((l) => l.file === section.file && l.line >= section.line && l.line <= end),
    // a page is led to by links to its file as a whole
    incoming: links.filter((l) =>
      isPage(section) ? l.target?.document.file === section.file && !l.target.section : l.target?.section === section,
    ),
  };
}
