// Raw HTML from the notes is never passed on: comments, scripts and styles are dropped, tags removed, the text kept.
import type { Tokens } from 'marked';
import { decodeEntities } from '../../core/plaintext.js';
import type { RenderContext } from '../render-context.js';
import { wrapText } from '../wrap.js';

const HIDDEN = /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const TAG = /<\/?[a-z][^>]*>?|<![^>]*>?|<\?[\s\S]*?(?:\?>|$)/gi;

/** The text a browser would show of an HTML fragment, whitespace collapsed; '' when it is only markup. */
export function htmlText(html: string): string {
  return decodeEntities(html.replace(HIDDEN, ' ').replace(TAG, ' ')).replace(/\s+/g, ' ').trim();
}

/** A block of HTML: its text, wrapped; nothing when it is only markup. */
export function renderHtmlBlock(token: Tokens.HTML | Tokens.Tag, context: RenderContext): string[] {
  const text = htmlText(token.text);
  return text ? wrapText(context.paint('html')(text), context.width) : [];
}

/** An inline tag or comment is markup: the text around it is what a reader sees; <br> still breaks the line. */
export const inlineHtml = (token: Tokens.HTML | Tokens.Tag): string => (/^<br\s*\/?>$/i.test(token.raw.trim()) ? '\n' : '');
