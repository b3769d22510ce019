// A heading's own id, as Hugo and MkDocs (attr_list) write it at the end of its text: `## Install {#setup}`,
// `## Install { #setup .wide }`. The site gives the heading that id and shows the title without it.

/** `{#id}`, `{ #id .class key=value }` or `{ id="id" }` ending a heading, with the id in it. */
const ATTRIBUTES = /\s*\{:?\s*[^{}\n]*?(?:#([\w:.-]+)|\bid=["']?([\w:.+-]+)["']?)[^{}\n]*?\s*\}\s*$/;
/** MkDocs Material's own markers, which its documentation's hooks turn into a heading's id: `md:option x` is `+x`. */
const MATERIAL_MARKER = /<!--\s*md:(setting|option)\s+(\S+)\s*-->/;

/** A heading's text → its title (attributes dropped, whitespace collapsed) and, when written, its own id. */
export function headingTitle(text: string): { title: string; id?: string } {
  const title = text.replace(/\s+/g, ' ').trim();
  const attributes = ATTRIBUTES.exec(title);
  if (!attributes) return { title };
  return { title: title.slice(0, attributes.index).trim(), id: attributes[1] ?? attributes[2] };
}

/** The id a heading's raw source gives it: an attribute list's, or a Material marker's. */
export function headingSourceId(text: string): string | undefined {
  const marker = MATERIAL_MARKER.exec(text);
  if (marker) return `${marker[1] === 'option' ? '+' : ''}${marker[2]}`;
  return headingTitle(text).id;
}

/** Ids `{ #id }` attribute lists (and Material's markers) set on other blocks (a paragraph, an image, a list), each → its 1-based line in the text. */
export function attributeIds(text: string, firstLine = 1): Map<string, number> {
  const ids = new Map<string, number>();
  text.split('\n').forEach((line, index) => {
    const marker = headingSourceId(line.includes('md:') ? line : '');
    if (marker !== undefined && !ids.has(marker)) ids.set(marker, index + firstLine);
    for (const match of line.matchAll(/\{:?\s*[^{}\n]*?(?:#([\w:.-]+)|\bid=["']?([\w:.+-]+)["']?)[^{}\n]*?\}/g)) {
      const id = match[1] ?? match[2];
      if (!ids.has(id)) ids.set(id, index + firstLine);
    }
  });
  return ids;
}
