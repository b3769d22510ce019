// An Obsidian embed standing alone in its paragraph (`![[Note#Heading]]`): the text it names, indented under a
// label; an embed past the depth limit, or of a text it is already inside, is only named.
import type { Token } from 'marked';
import { EMBED_DEPTH } from '../../../core/dialects/embeds.js';
import { lexMarkdown } from '../../../core/markdown/parse.js';
import { WIKI_LINK_TOKEN, type WikiLinkToken } from '../../../core/markdown/wikilinks.js';
import { nested, type RenderContext } from '../render-context.js';

const INDENT = '  ';

/** The embed a paragraph is made of alone, if it is. */
export function soleEmbed(tokens: Token[] | undefined): WikiLinkToken | undefined {
  const meaningful = (tokens ?? []).filter((t) => !(t.type === 'text' && t.raw.trim() === ''));
  const [only] = meaningful;
  return meaningful.length === 1 && only.type === WIKI_LINK_TOKEN && (only as WikiLinkToken).embed ? (only as WikiLinkToken) : undefined;
}

/** The embed's lines, or undefined when it names no note (then it is shown as a link, or an image's reference). */
export function renderEmbed(token: WikiLinkToken, context: RenderContext): string[] | undefined {
  const found = context.embed?.(token);
  if (!found) return undefined;
  const { paint } = context;
  const chain = context.embedChain ?? [];
  const label = paint('callout')(`↳ ${found.label}`);
  if (chain.includes(found.key)) return [`${label} ${paint('note')('(embedded in itself: not shown again)')}`];
  if (chain.length >= EMBED_DEPTH) return [`${label} ${paint('note')(`(embedded ${EMBED_DEPTH} deep: not shown)`)}`];
  const inner = {
    ...nested(context, INDENT.length),
    resolveLink: found.resolveLink,
    embed: found.embed,
    embedChain: [...chain, found.key],
  };
  const body = context.renderBlocks(lexMarkdown(found.markdown.replace(/\r\n?/g, '\n')), inner);
  return [label, ...body.map((line) => (line === '' ? '' : INDENT + line))];
}
