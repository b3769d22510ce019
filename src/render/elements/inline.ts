// Inline Markdown (emphasis, code spans, links, breaks) → one line of styled text, soft line breaks made spaces.
import type { Token, Tokens } from 'marked';
import { decodeEntities, inlineText } from '../../core/plaintext.js';
import { TEMPLATE_TOKEN } from '../../core/templates.js';
import { WIKI_LINK_TOKEN, type WikiLinkToken } from '../../core/wikilinks.js';
import type { RenderContext } from '../render-context.js';
import { renderImage, renderLink, renderWikiLink } from './link.js';

/** Styled text of inline tokens; a hard break (`br`) is the only newline left. */
export function renderInline(tokens: Token[] | undefined, context: RenderContext): string {
  const list = tokens ?? [];
  return list.map((token, i) => (isBreakBesideImage(list, i) ? '\n' : inlineToken(token, context))).join('');
}

/** Images on lines of their own stay on lines of their own: their placeholders are not one paragraph. */
function isBreakBesideImage(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  return token.type === 'text' && /^[ \t]*\n\s*$/.test(token.raw) && (tokens[i - 1]?.type === 'image' || tokens[i + 1]?.type === 'image');
}

function inlineToken(token: Token, context: RenderContext): string {
  const { paint } = context;
  switch (token.type) {
    case 'text':
      return 'tokens' in token && token.tokens ? renderInline(token.tokens, context) : decodeEntities(token.text).replace(/\n/g, ' ');
    case 'escape':
      return token.text;
    case 'strong':
      return paint('strong')(renderInline(token.tokens, context));
    case 'em':
      return paint('em')(renderInline(token.tokens, context));
    case 'del':
      return paint('del')(renderInline(token.tokens, context));
    case 'codespan':
      return paint('codespan')(token.text.replace(/\n/g, ' '));
    case 'br':
      return '\n';
    case 'link':
      return renderLink(token as Tokens.Link, renderInline(token.tokens, context), inlineText(token.tokens), context);
    case WIKI_LINK_TOKEN:
      return renderWikiLink(token as WikiLinkToken, context);
    case 'image':
      return renderImage(token as Tokens.Image, context);
    case 'html':
      // an inline tag or comment is markup: the text around it is what a reader sees; <br> still breaks the line
      return /^<br\s*\/?>$/i.test(token.raw.trim()) ? '\n' : '';
    case 'checkbox':
      return '';
    case TEMPLATE_TOKEN:
      return paint('template')(token.raw); // site template syntax: literal text, set apart
    default:
      return 'tokens' in token && token.tokens ? renderInline(token.tokens, context) : decodeEntities(token.raw);
  }
}
