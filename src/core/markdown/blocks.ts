// A section's own text → its blocks: heading, meta, paragraphs, each list item, table rows, quotes and code, with lines and labels.
import type { Token, Tokens } from 'marked';
import { lexWithLines, locateTokens, metaEntry, type LocatedToken } from './parse.js';
import { findFrontMatter } from './frontmatter.js';
import { blockText, inlineText, type PlainTextOptions } from './plaintext.js';
import type { NotesDocument, Section } from '../types.js';

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'row' | 'quote' | 'code' | 'meta';

/** One block of the notes, the unit search finds. */
export interface Block {
  kind: BlockKind;
  /** 1-based line of the block's first line in its file. */
  line: number;
  /** The block's own text, Markdown removed (a list item without its nested items). */
  text: string;
  /** The nearest heading's title, or the label line that stands right before the block's list. */
  label: string;
  /** Text of the list items this one is nested in, outermost first. */
  parents: readonly string[];
}

/** The parents of a block nested in no list: one list for them all, since a folder has millions of blocks. */
const NO_PARENTS: readonly string[] = Object.freeze([]);

/** A label line is a paragraph of one short line: "Takeaways", "Why Argo workflows?", "Steps to convert:". */
const LABEL_MAX_LENGTH = 80;

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Site template syntax is markup, not prose: search never matches it as words. */
const PROSE: PlainTextOptions = { omitTemplates: true };

/** Front-matter keys that are searchable as metadata. */
const SEARCHABLE_META = ['tags', 'description'] as const;

/**
 * The blocks of a file that belong to no section: its searchable front matter (`tags`, `description`) as meta, then
 * the text before its first heading. A front-matter `title` is the file's title, not a block.
 */
export function fileBlocks(document: NotesDocument, preamble: string): Block[] {
  // front matter is never after a heading: the text before the first one holds it whole, if the file has it
  const block = findFrontMatter(preamble);
  const keyLines = block ? block.content.split(/\r\n?|\n/) : [];
  const meta = SEARCHABLE_META.flatMap((key): Block[] => {
    const value = document.meta[key];
    if (value === undefined || String(value).trim() === '') return [];
    const at = keyLines.findIndex((line) => new RegExp(`^${key}\\s*[:=]`, 'i').test(line));
    const text = oneLine([value].flat().join(', '));
    return [{ kind: 'meta', line: at === -1 ? 1 : at + 2, text, label: key, parents: NO_PARENTS }];
  });
  return [...meta, ...textBlocks(preamble, { firstLine: 1, title: document.title })];
}

/**
 * The blocks of one section, in order. `source` is the section's own text: from its heading line up to the next
 * heading of any level (subsections have blocks of their own).
 */
export function sectionBlocks(section: Section, source: string): Block[] {
  return textBlocks(source, { firstLine: section.line, title: section.title, hasMeta: Object.keys(section.meta).length > 0 });
}

interface TextPlace {
  /** The line of the file `source` starts on. */
  firstLine: number;
  /** The title of what holds the text: the label of blocks that have no label line. */
  title: string;
  /** Does the text open with a list of `**Key**: value` items (a talk's title and presenters)? */
  hasMeta?: boolean;
}

/** The blocks of Markdown text, in order: a section's own text, or the text of a file before its first heading. */
function textBlocks(source: string, { firstLine, title, hasMeta = false }: TextPlace): Block[] {
  const located = lexWithLines(source).map(({ token, line }) => ({ token, line: line + firstLine - 1 }));
  const blocks: Block[] = [];
  let metaList: Token | undefined = hasMeta ? located.find((t) => t.token.type === 'list')?.token : undefined;

  located.forEach(({ token, line }, index) => {
    const add = (kind: BlockKind, text: string, label = title): void => {
      if (text.trim() !== '') blocks.push({ kind, line, text, label, parents: NO_PARENTS });
    };
    switch (token.type) {
      case 'heading':
        // the section's own heading (a file's opening level-1 heading, before its first section, is its title)
        if (index === 0 || located.slice(0, index).every((t) => t.token.type === 'space'))
          add('heading', oneLine(inlineText((token as Tokens.Heading).tokens, PROSE)));
        break;
      case 'paragraph': {
        const text = oneLine(inlineText((token as Tokens.Paragraph).tokens, PROSE));
        add('paragraph', text, labelLine(located, index) ? labelOf(text) : title);
        break;
      }
      case 'list': {
        const previous = labelLine(located, previousBlock(located, index));
        const label = previous ? labelOf(oneLine(inlineText((previous as Tokens.Paragraph).tokens, PROSE))) : title;
        for (const block of listBlocks(token as Tokens.List, line, label, NO_PARENTS, token === metaList)) blocks.push(block); // 100,000s of items
        metaList = undefined;
        break;
      }
      case 'table': {
        const table = token as Tokens.Table;
        // the header's line, then the delimiter row, then one line per row
        [table.header, ...table.rows].forEach((row, at) => {
          const text = row.map((cell) => inlineText(cell.tokens, PROSE)).join(' | ');
          if (text.trim() !== '')
            blocks.push({ kind: 'row', line: line + (at === 0 ? 0 : at + 1), text, label: title, parents: NO_PARENTS });
        });
        break;
      }
      case 'blockquote':
        add('quote', blockText((token as Tokens.Blockquote).tokens, PROSE));
        break;
      case 'code':
        add('code', (token as Tokens.Code).text);
        break;
      case 'space':
      case 'hr':
      case 'html':
      case 'def':
        break;
      default:
        add('paragraph', oneLine(blockText([token], PROSE)));
    }
  });
  return blocks;
}

/** The index of the block before `index`, blank lines skipped, or -1. */
function previousBlock(located: LocatedToken[], index: number): number {
  let at = index - 1;
  while (at >= 0 && located[at].token.type === 'space') at--;
  return at;
}

/** The paragraph at `index` if it is a label line: one short line, and the next block is a list. */
function labelLine(located: LocatedToken[], index: number): Token | undefined {
  const token = located[index]?.token;
  if (token?.type !== 'paragraph' || token.raw.trim().includes('\n')) return undefined;
  if (oneLine((token as Tokens.Paragraph).text).length > LABEL_MAX_LENGTH) return undefined;
  let next = index + 1;
  while (located[next]?.token.type === 'space') next++;
  return located[next]?.token.type === 'list' ? token : undefined;
}

const labelOf = (text: string): string => text.replace(/\s*:$/, '');

/** Each item of a list as a block, nested items after their parent and carrying its text; meta items as meta. */
function listBlocks(list: Tokens.List, line: number, label: string, parents: readonly string[], isMeta: boolean): Block[] {
  const blocks: Block[] = [];
  let meta = isMeta;
  for (const { token, line: itemLine } of locateTokens(list.items, list.raw, line)) {
    const item = token as Tokens.ListItem;
    meta &&= metaEntry(item) !== undefined;
    const children = locateTokens(item.tokens, item.text, itemLine);
    const text = blockText(
      children.filter((c) => c.token.type !== 'list').map((c) => c.token),
      PROSE,
    );
    if (text.trim() !== '') blocks.push({ kind: meta ? 'meta' : 'item', line: itemLine, text: oneLine(text), label, parents });
    for (const child of children) {
      if (child.token.type === 'list')
        for (const block of listBlocks(child.token as Tokens.List, child.line, label, [...parents, oneLine(text)], false))
          blocks.push(block);
    }
  }
  return blocks;
}
