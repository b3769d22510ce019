// Markdown as man(7) roff: the manual's pages in docs/ become the man page's text, so the two never say different
// things. Examples keep their command lines only; their output is the manual's to show.
import { Lexer, type Token, type Tokens } from 'marked';

/** Text as roff prints it literally within a line: backslashes and hyphens escaped. */
const literal = (text: string): string => text.replace(/\\/g, '\\e').replace(/-/g, '\\-');

/** Lines roff would take for requests (a leading `.` or `'`) kept as text. */
const asText = (lines: string): string => lines.replace(/^[.']/gm, '\\&$&');

/** Text as roff prints it literally: backslashes and hyphens escaped, no line taken for a request. */
export const roff = (text: string): string => asText(literal(text));

const bold = (text: string): string => `\\fB${text}\\fR`;
const italic = (text: string): string => `\\fI${text}\\fR`;

/** Inline Markdown as one roff text line: code and strong in bold, emphasis in italics, links by their text. */
const textLine = (tokens: Token[] | undefined): string => asText(inline(tokens));

function inline(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((token): string => {
      switch (token.type) {
        case 'strong':
          return bold(inline(token.tokens));
        case 'em':
          return italic(inline(token.tokens));
        case 'codespan':
          return bold(literal(unescapeEntities(token.text)));
        case 'link':
        case 'del':
          return inline(token.tokens);
        case 'br':
          return ' ';
        case 'html':
          return '';
        case 'text':
        case 'escape':
          return 'tokens' in token && token.tokens ? inline(token.tokens) : literal(unescapeEntities(token.text));
        default:
          return 'text' in token ? literal(unescapeEntities(String(token.text))) : '';
      }
    })
    .join('')
    .replace(/\n/g, ' ');
}

// marked escapes &, < and > in the text of inline tokens; roff wants them as they are
const unescapeEntities = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** A code block as an indented, unfilled example; a console transcript keeps its `$ ` command lines only. */
function example(code: Tokens.Code): string[] {
  const lines = code.lang?.startsWith('console')
    ? code.text
        .split('\n')
        .filter((line) => line.startsWith('$ '))
        .map((line) => line.slice(2))
    : code.text.split('\n');
  if (lines.length === 0) return [];
  return ['.PP', '.RS 4', '.nf', ...lines.map(roff), '.fi', '.RE'];
}

/** A table as a tagged list: the first cell is the term; the others follow, named by their column when there are several. */
function table(token: Tokens.Table): string[] {
  const headers = token.header.map((cell) => inline(cell.tokens));
  return token.rows.flatMap((row) => {
    const [term, ...rest] = row.map((cell) => textLine(cell.tokens));
    const meaning =
      rest.length === 1
        ? rest[0]
        : rest.flatMap((text, index) => (text && text !== '—' ? [`${headers[index + 1]}: ${text}`] : [])).join('; ');
    return ['.TP', term, meaning];
  });
}

function list(token: Tokens.List): string[] {
  return token.items.flatMap((item, index) => {
    const mark = token.ordered ? `${Number(token.start || 1) + index}.` : '\\(bu';
    const [first, ...more] = blocks(item.tokens);
    // the item's first paragraph is its tag's text; what follows stays indented under it
    return [`.IP ${mark} 4`, ...(first === '.PP' ? more : [first, ...more])];
  });
}

function blocks(tokens: Token[]): string[] {
  return tokens.flatMap((token): string[] => {
    switch (token.type) {
      case 'heading':
        return ['.PP', bold(inline(token.tokens))];
      case 'paragraph':
        return ['.PP', textLine(token.tokens)];
      case 'text':
        return ['.PP', textLine((token as Tokens.Text).tokens ?? [{ type: 'text', raw: token.raw, text: token.text }])];
      case 'list':
        return list(token as Tokens.List);
      case 'table':
        return table(token as Tokens.Table);
      case 'code':
        return example(token as Tokens.Code);
      case 'blockquote':
        return ['.RS 4', ...blocks((token as Tokens.Blockquote).tokens), '.RE'];
      default:
        // space, hr and raw HTML say nothing a man page can show
        return [];
    }
  });
}

/** A manual page's Markdown as roff lines, without its title (the man page names the section itself). */
export function markdownToRoff(markdown: string): string[] {
  const tokens = new Lexer().lex(markdown);
  const body = tokens[0]?.type === 'heading' && tokens[0].depth === 1 ? tokens.slice(1) : tokens;
  return blocks(body);
}

/** The part of a page under the heading with this text, up to the next heading. */
export function sectionOf(markdown: string, heading: string): string {
  const tokens = new Lexer().lex(markdown);
  const start = tokens.findIndex((token) => token.type === 'heading' && token.text === heading);
  if (start < 0) throw new Error(`the manual has no section "${heading}"`);
  const end = tokens.findIndex((token, index) => index > start && token.type === 'heading');
  return tokens
    .slice(start + 1, end < 0 ? undefined : end)
    .map((token) => token.raw)
    .join('')
    .trim()
    .concat('\n');
}
