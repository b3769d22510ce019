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
