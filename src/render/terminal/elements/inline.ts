// Inline text as marked-terminal is handed it: entities decoded, soft line breaks made spaces (paragraphs are wrapped
// afterwards), and images that stand on lines of their own kept there.
import type { Token } from 'marked';
import { decodeEntities } from '../../../core/markdown/plaintext.js';

/** A piece of inline text as a reader sees it; a hard break (`br`) is the only newline left. */
export const readableText = (text: string): string => decodeEntities(text).replace(/\n/g, ' ');

/** Images on lines of their own stay on lines of their own: the soft breaks beside them become hard ones. */
export function keepImageLines(tokens: Token[]): void {
  tokens.forEach((token, i) => {
    const besideImage = tokens[i - 1]?.type === 'image' || tokens[i + 1]?.type === 'image';
    if (token.type === 'text' && besideImage && /^[ \t]*\n\s*$/.test(token.raw)) tokens[i] = { type: 'br', raw: token.raw };
  });
}
