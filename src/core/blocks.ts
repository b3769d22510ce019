// A section's own text → its blocks: heading, meta, paragraphs, each list item, table rows, quotes and code, with lines and labels.
import type { Token, Tokens } from 'marked';
import { lexWithLines, locateTokens, metaEntry, type LocatedToken } from './parse.js';
import { blockText, inlineText } from './plaintext.js';
import type { Section } from './types.js';

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
  parents: string[];
}

/** A label line is a paragraph of one short line: "Takeaways", "Why Argo workflows?", "Steps to convert:". */
const LABEL_MAX_LENGTH = 80;

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The blocks of one section, in order. `source` is the section's own text: from its heading line up to the next
 * heading of any level (subsections have blocks of their own).
 */
export function sectionBlocks(section: Section, source: string): Block[] {
  const located = lexWithLines(source).map(({ token, line }) => ({ token, line: line + section.line - 1 }));
  const blocks: Block[] = [];
  let metaList: Token | undefined = Object.keys(section.meta).length ? located.find((t) => t.token.type === 'list')?.token : undefined;

  located.forEach(({ token, line }, index) => {
    const add = (kind: BlockKind, text: string, label = section.title): void => {
      if (text.trim() !== '') blocks.push({ kind, line, text, label, parents: [] });
    };
    switch (token.type) {
      case 'heading':
        if (index === 0) add('heading', section.title);
        break;
      case 'paragraph': {
        const text = oneLine(inlineText((token as Tokens.Paragraph).tokens));
        add('paragraph', text, labelLine(located, index) ? labelOf(text) : section.title);
        break;
      }
      case 'list': {
        const previous = labelLine(located, previousBlock(located, index));
        const label = previous ? labelOf(oneLine(inlineText((previous as Tokens.Paragraph).tokens))) : section.title;
        blocks.push(...listBlocks(token as Tokens.List, line, label, [], token === metaList));
        metaList = undefined;
        break;
      }
      case 'table': {
        const table = token as Tokens.Table;
        // the header's line, then the delimiter row, then one line per row
        [table.header, ...table.rows].forEach((row, at) => {
          const text = row.map((cell) => inlineText(cell.tokens)).join(' | ');
          if (text.trim() !== '') blocks.push({ kind: 'row', line: line + (at === 0 ? 0 : at + 1), text, label: section.title, parents: [] });
        });
        break;
      }
      case 'blockquote':
        add('quote', blockText((token as Tokens.Blockquote).tokens));
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
        add('paragraph', oneLine(blockText([token])));
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
function listBlocks(list: Tokens.List, line: number, label: string, parents: string[], isMeta: boolean): Block[] {
  const blocks: Block[] = [];
  let meta = isMeta;
  for (const { token, line: itemLine } of locateTokens(list.items, list.raw, line)) {
    const item = token as Tokens.ListItem;
    meta &&= metaEntry(item) !== undefined;
    const children = locateTokens(item.tokens, item.text, itemLine);
    const text = blockText(children.filter((c) => c.token.type !== 'list').map((c) => c.token));
    if (text.trim() !== '') blocks.push({ kind: meta ? 'meta' : 'item', line: itemLine, text: oneLine(text), label, parents });
    for (const child of children) {
      if (child.token.type === 'list') blocks.push(...listBlocks(child.token as Tokens.List, child.line, label, [...parents, oneLine(text)], false));
    }
  }
  return blocks;
}
