// The one Markdown reading of the core: GitHub-flavoured, site template spans as tokens of their own, and character
// references that never yield a control character.
import { Marked, Tokenizer } from 'marked';
import { referencedCharacter } from './plaintext.js';
import { templateTokenizer } from './templates.js';

const NUMERIC_REFERENCE = /&#(?:(\d{1,7})|[Xx]([0-9A-Fa-f]{1,6}));/g;

/**
 * A text token's numeric references decoded as the core decodes them: marked alone turns `&#27;` into ESC. A reference
 * that names no printable character stays as written (`&amp;` so that no later decoding reads it), and so does
 * `&#38;`, so that `&#38;lt;` is never read twice.
 */
const decodeNumericReferences = (raw: string): string =>
  raw.replace(NUMERIC_REFERENCE, (whole, decimal: string | undefined, hex: string | undefined) => {
    const code = decimal === undefined ? Number.parseInt(hex!, 16) : Number.parseInt(decimal, 10);
    return code === 38 ? '&amp;' : (referencedCharacter(code) ?? `&amp;${whole.slice(1)}`);
  });

export const markdown = new Marked({
  gfm: true,
  extensions: [templateTokenizer],
  tokenizer: {
    inlineText(src) {
      const token = Tokenizer.prototype.inlineText.call(this, src);
      if (token && !token.escaped && token.raw.includes('&#')) token.text = decodeNumericReferences(token.raw);
      return token;
    },
  },
});
