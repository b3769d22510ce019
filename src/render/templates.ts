// Site template syntax in rendered Markdown: each span shown as the literal text it is, dimmed; template code blocks as code.
import type { MarkedExtension } from 'marked';
import { templateBlocksAsFences, templateTokenizer } from '../core/templates.js';

/**
 * A marked extension for any renderer of section Markdown: `{{< … >}}`, `{% … %}` and kin print as written through
 * `dim` (kept as text, never read as HTML or emphasis), and `{% highlight %}` blocks render as code blocks.
 */
export function templateSyntax(dim: (text: string) => string): MarkedExtension {
  return {
    extensions: [{ ...templateTokenizer, renderer: (token) => dim(token.raw) }],
    hooks: { preprocess: (markdown) => templateBlocksAsFences(markdown.replace(/\r\n?/g, '\n')) },
  };
}
