// A heading's own id, as Hugo and MkDocs (attr_list) write it at the end of its text: `## Install {#setup}`,
// `## Install { #setup .wide }`. The site gives the heading that id and shows the title without it.

/** `{#id}` or `{ #id .class key=value }` ending a heading, with the id in it. */
const ATTRIBUTES = /\s*\{:?\s*([^{}\n]*?#([\w:.-]+)[^{}\n]*?)\s*\}\s*$/;

/** A heading's text → its title (attributes dropped, whitespace collapsed) and, when written, its own id. */
export function headingTitle(text: string): { title: string; id?: string } {
  const title = text.replace(/\s+/g, ' ').trim();
  const attributes = ATTRIBUTES.exec(title);
  if (!attributes) return { title };
  return { title: title.slice(0, attributes.index).trim(), id: attributes[2] };
}

/** Ids `{ #id }` attribute lists set on other blocks (a paragraph, an image, a list), each → its 1-based line in the text. */
export function attributeIds(text: string, firstLine = 1): Map<string, number> {
  const ids = new Map<string, number>();
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(/\{:?\s*[^{}\n]*?#([\w:.-]+)[^{}\n]*?\}/g)) if (!ids.has(match[1])) ids.set(match[1], index + firstLine);
  });
  return ids;
}
