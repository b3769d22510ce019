// The shared shapes every command and renderer works on.

/** One heading of the notes and everything below it up to the next heading of the same or a higher level. */
export interface Section {
  /** GitHub anchor of the heading, unique within its file. */
  id: string;
  /** Outline number ("7", "7.5", "7.5.1"); null for a table of contents, which is not part of the outline. */
  number: string | null;
  /** Heading text with inline Markdown removed. */
  title: string;
  /** Heading depth, 1–6. */
  level: number;
  /** Titles from the top numbered level down to this section. */
  path: string[];
  /** 1-based line of the heading in its file. */
  line: number;
  /** The file, relative to the notes path given. */
  file: string;
  /** `**Key**: value` items at the start of the section, keys lowercased. */
  meta: Record<string, string>;
  /** Exact source of the section, subsections included. */
  markdown: string;
}

/** A front-matter value kept as metadata: a scalar, or a list of scalars (`tags`). */
export type MetaScalar = string | number | boolean;
export type MetaValue = MetaScalar | MetaScalar[];

/** One notes file: its title, its text as loaded, and its sections in order. */
export interface NotesDocument {
  file: string;
  /** Its front matter's `title`, else the single level-1 heading that opens it, else its file name without extension. */
  title: string;
  /** Its front matter's other scalar and list values, keys lowercased. */
  meta: Record<string, MetaValue>;
  /** The decoded text, every byte of which is covered by the preamble and the sections' own slices. */
  text: string;
  /** The text before mojibake was repaired, where a repair changed it (line for line the same lines). Not part of the JSON. */
  source?: string;
  sections: Section[];
  /** The id of the level-1 heading that titles the file (and is no section), for links to it. Not part of the JSON. */
  titleId?: string;
  /** Where the file is on disk (for `edit`); absent for standard input. Not part of the JSON. */
  path?: string;
  /** What was wrong with the file but did not stop it being read (broken front matter). */
  warnings: Warning[];
}

/** Something a user should hear about that is not an error: the file, the line if known, and what. */
export interface Warning {
  file: string;
  line?: number;
  message: string;
}

/** Every document of the notes in reading order, all their sections in that order, and the warnings of reading them. */
export interface Collection {
  documents: NotesDocument[];
  sections: Section[];
  warnings: Warning[];
  /** For some of the notes picked out (`--tag`): all of them, among which links are still resolved. */
  whole?: Collection;
}

/** A file as the loader hands it to the core: its display name, its bytes and, for a file on disk, its path. */
export interface SourceFile {
  file: string;
  bytes: Uint8Array;
  path?: string;
  /** The folder it was found in, as named: files of one folder are put in its site's order. */
  walk?: string;
}
