// The marked renderer overrides installed over marked-terminal's renderers: our element renderers, only where
// marked-terminal gets an element wrong for kubenotes (each says what it does instead). Block overrides end their
// lines with a blank line, as marked-terminal's sections do; `context()` is the context of the block being rendered.
import type { RendererObject, Tokens } from 'marked';
import { inlineText } from '../../core/markdown/plaintext.js';
import { renderBlockquote } from './elements/blockquote.js';
import { renderCodeBlock } from './elements/code-block.js';
import { renderEmbed, soleEmbed } from './elements/embed.js';
import { renderHeading } from './elements/heading.js';
import { inlineHtml, renderHtmlBlock } from './elements/html.js';
import { renderLink } from './elements/link.js';
import { renderList } from './elements/list.js';
import { renderTable } from './elements/table.js';
import type { RenderContext } from './render-context.js';
import { wrapText } from '../wrap.js';

const section = (lines: string[]): string => (lines.length > 0 ? `${lines.join('\n')}\n\n` : '');

/** A rendered block's lines, without the blank line after it. */
export function linesOf(block: string | false): string[] {
  const text = block === false ? '' : block.replace(/\n+$/, '');
  return text === '' ? [] : text.split('\n');
}

export function rendererOverrides(terminal: RendererObject, context: () => RenderContext): RendererObject {
  const overrides: RendererObject = {
    // marked-terminal styles the paragraph and its inline elements; it is wrapped here, because marked-terminal's
    // reflowText counts UTF-16 units rather than columns, cuts URLs and OSC 8 hyperlinks apart, and knows only the full
    // width, not the narrower one inside a list item or a quote
    paragraph(token) {
      const embed = soleEmbed(token.tokens);
      const embedded = embed && renderEmbed(embed, context());
      if (embedded) return section(embedded);
      return section(wrapText(linesOf(terminal.paragraph!.call(this, token)).join('\n'), context().width));
    },
    // a tight list item's text, which marked-terminal prints as its source (`**Title**` and all), is a paragraph
    // (of which marked-terminal reads only the tokens); other text is marked-terminal's, through its `text` option
    text(token) {
      return 'tokens' in token && token.tokens ? overrides.paragraph!.call(this, token as unknown as Tokens.Paragraph) : false;
    },
    // marked-terminal highlights code only when chalk's global instance has colour, whatever the level chosen here;
    // Mermaid diagrams are drawn instead, and lines wider than the width are cut, which marked-terminal never does
    code: (token) => section(renderCodeBlock(token, context())),
    // marked-terminal: no outline numbers, no rules, no wrapping under the title, one style for every level below 1
    heading: (token) => section(renderHeading(token, context())),
    // marked-terminal: `*` at every depth, numbers restarted at 1, `[X]` twice for a task with marked 18, items
    // wrapped (if at all) at the full width and then indented past it
    list: (token) => section(renderList(token, context(), context().listDepth ?? 0)),
    // the list draws a task's box in its marker
    checkbox: () => '',
    // marked-terminal: indented without a bar, wrapped at the full width and then indented past it
    blockquote: (token) => section(renderBlockquote(token, context())),
    // marked-terminal draws tables with cli-table3 under one set of table options for every table, so columns cannot
    // be fitted to the width (cli-table3 cuts a long word to an ellipsis), colours borders by its own colour detection, even
    // when piped, and leaks a placeholder for `:` into header cells
    table: (token) => section(renderTable(token, context())),
    // marked-terminal: a line of `-` as wide as the terminal, whatever the width asked for
    hr: () => {
      const { paint, theme, width } = context();
      return section([paint('rule')(theme.layout.rule.repeat(width))]);
    },
    // marked-terminal passes raw HTML and comments through to the terminal
    html: (token) => (token.block ? section(renderHtmlBlock(token, context())) : inlineHtml(token)),
    // marked-terminal: links to sections as bare `#ids`; OSC 8 hyperlinks decided by the process's stdout rather than
    // kubenotes's colour and hyperlink settings, and then without the URL
    link: (token) => renderLink(token, context().renderInline(token.tokens), inlineText(token.tokens), context()),
    // marked-terminal replaces `:` in code spans with a placeholder that only its own paragraphs, headings and list
    // items put back: it would leak from every element above
    codespan: (token) => context().paint('codespan')(token.text),
  };
  return overrides;
}
