// The names of the export formats and the file extensions that choose them: all the help needs, none of the renderers.
export const EXPORT_FORMATS = ['md', 'html', 'json', 'txt'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const EXTENSIONS: Record<string, ExportFormat> = { md: 'md', markdown: 'md', html: 'html', htm: 'html', json: 'json', txt: 'txt' };

/** The format a file's extension names (`notes.html` → html), if it names one. */
export const formatOfPath = (path: string): ExportFormat | undefined => EXTENSIONS[/\.([^./\\]+)$/.exec(path)?.[1].toLowerCase() ?? ''];
