// The names of the export formats and the file extensions that choose them: all the help needs, none of the renderers.
export const EXPORT_FORMATS = ['md', 'html', 'json', 'txt'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const EXTENSIONS: Record<string, ExportFormat> = { md: 'md', markdown: 'md', html: 'html', htm: 'html', json: 'json', txt: 'txt' };

/** A file name's extension, lower case, without its dot (`notes.HTML` → html); undefined for a name without one. */
export const extensionOf = (path: string): string | undefined => /\.([^./\\]+)$/.exec(path)?.[1].toLowerCase();

/** The format a file's extension names (`notes.html` → html), if it names one. */
export const formatOfPath = (path: string): ExportFormat | undefined => EXTENSIONS[extensionOf(path) ?? ''];

/** The extensions that name each format, for messages: `md (.md, .markdown), html (.html, .htm), …`. */
export const formatsWithExtensions = (): string =>
  EXPORT_FORMATS.map(
    (format) =>
      `${format} (${Object.keys(EXTENSIONS)
        .filter((extension) => EXTENSIONS[extension] === format)
        .map((e) => `.${e}`)
        .join(', ')})`,
  ).join(', ');
