// HTML for export made safe with sanitize-html: an allowlist of tags, attributes, classes and URL schemes, whatever the
// notes' raw HTML holds, and images that load nothing from elsewhere.
import sanitizeHtml from 'sanitize-html';
import { decodeUriComponentSafely } from '../../core/links/targets.js';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const CELL_ATTRIBUTES = ['align', 'colspan', 'rowspan'];

/** Images a standalone page can show with no request to another place: embedded raster data, or a file beside the page. */
const EMBEDDED_IMAGE = /^data:image\/(png|gif|jpeg|webp|avif|bmp)[;,]/i;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    ...HEADINGS,
    ...['p', 'br', 'hr', 'blockquote', 'pre', 'code', 'div', 'span', 'ul', 'ol', 'li', 'dl', 'dt', 'dd'],
    ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'a', 'img', 'figure', 'figcaption'],
    ...['em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'sub', 'sup', 'kbd', 'samp', 'var', 'abbr', 'cite', 'q', 'small'],
    ...['details', 'summary'],
  ],
  allowedAttributes: {
    ...Object.fromEntries(HEADINGS.map((tag) => [tag, ['id']])),
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: CELL_ATTRIBUTES,
    td: CELL_ATTRIBUTES,
    ol: ['start'],
    abbr: ['title'],
    details: ['open'],
    span: ['class'],
    code: ['class'],
    pre: ['class'],
    p: ['class'],
    div: ['class'],
  },
  // the renderer's own classes; anything else a note sets is dropped, so it cannot borrow the page's styles
  allowedClasses: {
    span: [/^hljs-[a-z_-]+$/, /^[a-z]+_+$/, 'number', 'task', 'template'],
    code: [/^language-[\w+-]+$/],
    pre: ['diagram'],
    p: ['note', 'tab', 'callout-title'],
    div: ['callout', /^callout-[a-z]+$/, 'embed'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  // script, style, textarea, option and xmp lose their content with their tags; other tags keep their text
  disallowedTagsMode: 'discard',
  transformTags: { img: (tagName, attribs) => ({ tagName, attribs: imageAttributes(attribs) }) },
};

/** Characters a terminal acts on (tab and newline are text): the sanitiser writes out what `&#27;` names as it is. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * An HTML fragment with everything outside the allowlist removed and every tag closed; a control character the
 * notes' HTML names by reference stays a reference, so the page means the same and is safe to print or pipe.
 */
export const sanitizeFragment = (html: string): string =>
  sanitizeHtml(html, OPTIONS).replace(CONTROL, (char) => `&#${char.charCodeAt(0)};`);

/**
 * An image keeps its source when showing it needs no request elsewhere; otherwise it stays an `<img>` with no source,
 * showing its alt text (else its file's name) and naming the address it had in its title.
 */
export function imageAttributes(attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const { src = '', alt = '', title, ...rest } = attribs;
  // browsers ignore whitespace and controls inside a scheme (`java\tscript:`), so the checks do too
  const address = src.replace(/[\u0000-\u0020]/g, '');
  const local = address !== '' && !URL_SCHEME.test(address) && !/^[/\\]/.test(address);
  if (EMBEDDED_IMAGE.test(address) || local) return { ...rest, src, alt, ...(title === undefined ? {} : { title }) };
  const web = /^https?:\/\/|^\/(?!\/)/i.test(address);
  const name = web ? decodeUriComponentSafely(address.split(/[?#]/)[0].split('/').pop() ?? '') : '';
  return { ...rest, alt: alt.trim() || name || 'image', title: title ?? (web ? `not embedded: ${src}` : 'not embedded') };
}
