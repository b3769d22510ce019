// Raw HTML from the notes is never passed on: comments, scripts and styles are dropped, tags removed, the text kept.
import { decodeEntities } from '../../core/plaintext.js';

const HIDDEN = /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const TAG = /<\/?[a-z][^>]*>?|<![^>]*>?|<\?[\s\S]*?(?:\?>|$)/gi;

/** The text a browser would show of an HTML fragment, whitespace collapsed; '' when it is only markup. */
export function htmlText(html: string): string {
  return decodeEntities(html.replace(HIDDEN, ' ').replace(TAG, ' ')).replace(/\s+/g, ' ').trim();
}
