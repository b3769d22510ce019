// Hugo shortcodes as written: `{{< name arg key="value" >}}` and `{{% name %}}`, opening or closing (`{{< /name >}}`).
// Read into a name and arguments; what each means is hugo.ts's business.

export interface Shortcode {
  name: string;
  closing: boolean;
  /** `{{< name />}}`: it has no closing, whatever its name. */
  selfClosing: boolean;
  /** Unnamed arguments in order, unquoted. */
  positional: string[];
  /** Named arguments, keys lowercased, unquoted. */
  named: Record<string, string>;
}

/** A shortcode's inside: `name args`, between `{{<`/`{{%` and `>}}`/`%}}`, `-` trims allowed. */
const INSIDE = /^\{\{([<%])-?\s*(\/?)\s*([\w./-]+)([\s\S]*?)\s*(\/?)\s*-?[>%]\}\}$/;
/** One argument: `key="value"`, `key=value`, `"value"`, `` `value` `` or `value`. */
const ARGUMENT = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`]+))|"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`=]+)/g;

/** The shortcode a whole template span is, or undefined for other template syntax (`{{ .Site }}`, `{% tag %}`). */
export function readShortcode(span: string): Shortcode | undefined {
  const match = INSIDE.exec(span.trim());
  if (!match) return undefined;
  const positional: string[] = [];
  const named: Record<string, string> = {};
  for (const argument of match[4].matchAll(ARGUMENT)) {
    if (argument[1] !== undefined) named[argument[1].toLowerCase()] = (argument[2] ?? argument[3] ?? argument[4]).replace(/\\(.)/g, '$1');
    else positional.push((argument[5] ?? argument[6] ?? argument[7]).replace(/\\(.)/g, '$1'));
  }
  return { name: match[3].toLowerCase(), closing: match[2] === '/', selfClosing: match[5] === '/', positional, named };
}

/** Is this template span a Hugo shortcode (which the site replaces), rather than a Go template or Liquid output? */
export const isShortcodeSpan = (span: string): boolean => /^\{\{[<%]/.test(span);
