// Site template syntax in notes from static sites (Hugo shortcodes, Liquid tags and output): found, never parsed as Markdown.
import type { TokenizerExtension, Tokens } from 'marked';

/** The token type the lexer gives a template span; its `raw` and `text` are the span as written. */
export const TEMPLATE_TOKEN = 'template';

/**
 * Anything but a blank line, so a stray `{{` never swallows the paragraphs after it, and at most 2000 characters,
 * so a paragraph of unclosed `{{` costs linear time, not quadratic.
 */
const INSIDE = String.raw`(?:[^\n]|\n(?![ \t]*(?:\n|$))){0,2000}?`;
/** `{{< … >}}`, `{{% … %}}` (Hugo), `{% … %}` (Liquid tag), `{{ … }}` (Liquid or Hugo output), in that order. */
const SPAN_SOURCE = String.raw`\{\{([<%])${INSIDE}\1\}\}|\{%${INSIDE}%\}|\{\{${INSIDE}\}\}`;
const SPAN_AT_START = new RegExp(`^(?:${SPAN_SOURCE})`);

/** Where template spans are in `text` (start inclusive, end exclusive), for callers that work on plain strings. */
export function templateSpans(text: string): Array<{ start: number; end: number }> {
  return [...text.matchAll(new RegExp(SPAN_SOURCE, 'g'))].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * An inline lexer extension: a template span becomes one `template` token, so its inside is never read as Markdown
 * (`{{<figure src="x">}}` is not HTML, `{{ a_b_c }}` not emphasis). Code spans and code blocks keep their text.
 */
export const templateTokenizer: TokenizerExtension = {
  name: TEMPLATE_TOKEN,
  level: 'inline',
  start: (src) => {
    const at = src.search(/\{[{%]/);
    return at === -1 ? undefined : at;
  },
  tokenizer(src): Tokens.Generic | undefined {
    if (src[0] !== '{') return undefined;
    const match = SPAN_AT_START.exec(src);
    return match ? { type: TEMPLATE_TOKEN, raw: match[0], text: match[0] } : undefined;
  },
};

/** Opening and closing lines of the template blocks whose inside is code: `{% highlight ruby %}`, `{{< highlight go >}}`, Hugo's `{{< code-toggle >}}` (configuration). */
const CODE_BLOCK_OPEN =
  /^ {0,3}(?:\{%-?\s*highlight\s+([\w+#.-]*)[^\n]*?-?%\}|\{\{[<%]\s*(?:highlight\s+([\w+#.-]*)|(code-toggle|code)(?=[\s>%]))[^\n]*?(?<!\/)[>%]\}\})[ \t]*$/;
const CODE_BLOCK_CLOSE = /^ {0,3}(?:\{%-?\s*endhighlight\s*-?%\}|\{\{[<%]\s*\/\s*(?:highlight|code-toggle|code)\s*[>%]\}\})[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The text with each template code block's opening and closing lines turned into a code fence, line for line, so
 * the lexer reads a `# comment` inside it as code and not as a heading. Blocks inside fenced code, and blocks that
 * are never closed, are left alone. `text` has `\n` line endings.
 */
export function templateBlocksAsFences(text: string): string {
  if (!text.includes('highlight') && !text.includes('code')) return text;
  const lines = text.split('\n');
  let fence: string | undefined; // the Markdown fence we are inside, if any
  for (let i = 0; i < lines.length; i++) {
    const markdownFence = FENCE.exec(lines[i])?.[1];
    if (fence) {
      if (markdownFence && markdownFence[0] === fence[0] && markdownFence.length >= fence.length) fence = undefined;
      continue;
    }
    if (markdownFence) {
      fence = markdownFence;
      continue;
    }
    const open = CODE_BLOCK_OPEN.exec(lines[i]);
    if (!open) continue;
    let close = i + 1;
    while (close < lines.length && !CODE_BLOCK_CLOSE.test(lines[close])) close++;
    if (close === lines.length) break; // nothing below closes this block, so nothing closes a later one either
    // a fence longer than any backtick fence inside, so the block's own Markdown fences stay its text
    const longest = lines.slice(i + 1, close).reduce((most, line) => Math.max(most, /^ *(`*)/.exec(line)![1].length), 2);
    const marker = '`'.repeat(longest + 1);
    lines[i] = `${marker}${open[1] ?? open[2] ?? (open[3] === 'code-toggle' ? 'toml' : '')}`;
    lines[close] = marker;
    i = close;
  }
  return lines.join('\n');
}
