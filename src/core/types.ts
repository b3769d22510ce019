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

/** One notes file: its title, its text as loaded, and its sections in order. */
export interface NotesDocument {
  file: string;
  /** The file's single level-1 heading that opens it, or null. */
  title: string | null;
  meta: Record<string, string>;
  /** The decoded text, every byte of which is covered by `preamble` and the sections' own slices. */
  text: string;
  sections: Section[];
}

/** Every document of the notes in reading order, and all their sections in that order. */
export interface Collection {
  documents: NotesDocument[];
  sections: Section[];
}

/** A file as the loader hands it to the core: its display name and its bytes. */
export interface SourceFile {
  file: string;
  bytes: Uint8Array;
}
