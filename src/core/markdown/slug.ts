// GitHub's heading slug, as github-slugger makes it: lowercased, anything but letters, marks, numbers, connector
// punctuation, spaces and hyphens dropped, spaces made hyphens. Text of ASCII alone is slugged without the library's
// Unicode expression, a tenth of the cost: show checks a query against every title of a folder.
import { slug } from 'github-slugger';

const ASCII = /^[\x00-\x7f]*$/;

export const headingSlug = (text: string): string =>
  ASCII.test(text)
    ? text
        .toLowerCase()
        .replace(/[^a-z0-9 _-]/g, '')
        .replaceAll(' ', '-')
    : slug(text);

/**
 * Whether `text` slugs to `id` (headingSlug), told as the text is read and without making its slug: most titles of a
 * folder show checks an id against differ from it at their first character. ASCII is lowercased, dropped or made a
 * hyphen a character at a time, in the slug as alone, so a difference there is one in the slug; from the first other
 * character on, the slug is made.
 */
export function slugsTo(text: string, id: string): boolean {
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code > 0x7f) return headingSlug(text) === id;
    if (code >= 0x41 && code <= 0x5a) code += 0x20; // A-Z
    const kept = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x2d || code === 0x20;
    if (!kept) continue;
    if (id.charCodeAt(at++) !== (code === 0x20 ? 0x2d : code)) return false;
  }
  return at === id.length;
}

/**
 * GitHub's heading ids, as github-slugger's slugger makes them: each heading's slug, and for a slug already given, the
 * first of `slug-1`, `slug-2`… not given yet. Through headingSlug: a first run slugs every heading of a folder.
 */
export class HeadingSlugger {
  private readonly occurrences = new Map<string, number>();

  slug(title: string): string {
    const original = headingSlug(title);
    let result = original;
    while (this.occurrences.has(result)) {
      const count = this.occurrences.get(original)! + 1;
      this.occurrences.set(original, count);
      result = `${original}-${count}`;
    }
    this.occurrences.set(result, 0);
    return result;
  }
}
