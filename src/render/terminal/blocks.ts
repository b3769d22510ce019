// Markdown blocks → lines through marked with marked-terminal's renderers, our overrides (overrides.ts) installed on
// top. Blocks are one blank line apart, as marked-terminal's sections are, and none apart inside a tight list item.
import type { ChalkInstance } from 'chalk';
import { Marked, Parser, type Token } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { CALLOUT_TOKEN, type CalloutToken } from '../../core/dialects/callouts.js';
import { SHORTCODE_TOKEN, type ShortcodeToken } from '../../core/dialects/hugo.js';
import { BLOCK_ID_TOKEN } from '../../core/dialects/obsidian.js';
import { isShortcodeSpan } from '../../core/dialects/shortcodes.js';
import { TEMPLATE_TOKEN } from '../../core/markdown/templates.js';
import { WIKI_LINK_TOKEN, type WikiLinkToken } from '../../core/markdown/wikilinks.js';
import { highlight } from './cli-highlight-lean.js';
import { renderCallout, renderTabLabel } from './elements/callout.js';
import { renderWikiLink } from './elements/link.js';
import { linesOf, rendererOverrides } from './overrides.js';
import type { RenderContext } from './render-context.js';
import { codeTheme, markedTerminalOptions } from './marked-options.js';

export type BaseContext = Omit<RenderContext, 'renderBlocks' | 'renderInline' | 'colourCode'>;

/** Code in the theme's code colours: highlighted where the language is one we highlight, else in the code style. */
function codeColourer(base: BaseContext, chalk: ChalkInstance): RenderContext['colourCode'] {
  if (chalk.level === 0) return (code) => code;
  const theme = codeTheme(base.theme, chalk);
  return (code, language) => {
    try {
      return highlight(code, { language, theme });
    } catch {
      return theme.default!(code);
    }
  };
}

/** A renderer for one piece of Markdown in the base context's theme, width and links. */
export function createMarkdownRenderer(base: BaseContext, chalk: ChalkInstance): (tokens: Token[]) => string[] {
  const terminal = markedTerminal(markedTerminalOptions(base, chalk));
  let current: RenderContext;
  const marked = new Marked(terminal).use(
    { renderer: rendererOverrides(terminal.renderer, () => current) },
    // the core lexer's own tokens: site template syntax (literal text, set apart; a Hugo shortcode is the site's
    // to replace, so nothing), wiki links, and the dialects' callouts, tabs and hidden block ids
    {
      extensions: [
        { name: TEMPLATE_TOKEN, renderer: (token) => (isShortcodeSpan(token.raw) ? '' : current.paint('template')(token.raw)) },
        { name: WIKI_LINK_TOKEN, renderer: (token) => renderWikiLink(token as WikiLinkToken, current) },
        { name: CALLOUT_TOKEN, renderer: (token) => `${renderCallout(token as CalloutToken, current).join('\n')}\n\n` },
        {
          name: SHORTCODE_TOKEN,
          renderer: (token) =>
            (token as ShortcodeToken).tab === undefined ? '' : `${renderTabLabel((token as ShortcodeToken).tab!, current).join('\n')}\n\n`,
        },
        { name: BLOCK_ID_TOKEN, renderer: () => '' },
      ],
    },
  );
  const parser = new Parser(marked.defaults);

  const renderBlocks = (tokens: Token[], context: RenderContext): string[] => {
    const outer = current;
    current = context;
    try {
      const lines: string[] = [];
      for (const token of tokens) {
        const block = linesOf(parser.parse([token]));
        if (block.length === 0) continue;
        if (lines.length > 0 && !context.tight) lines.push('');
        for (const line of block) lines.push(line); // a block may be 100,000s of lines: too many to spread
      }
      return lines;
    } finally {
      current = outer;
    }
  };
  const root: RenderContext = {
    ...base,
    colourCode: codeColourer(base, chalk),
    renderBlocks,
    renderInline: (tokens) => parser.parseInline(tokens),
  };
  return (tokens) => renderBlocks(tokens, root);
}
