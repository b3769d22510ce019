// What search looks a query's words up in, owner by owner: a file's text before its first section and each numbered
// section, lowercased with its path; their words for the term index, and the owners a query may hit.
import { loweredWords } from './words.js';
import { sectionSlices } from '../markdown/lines.js';
import type { DocumentTerms } from './term-index.js';
import type { NotesDocument, Section } from '../types.js';

/** What search looks for a query's words in: an owner's own text and path (or title and metadata), lowercased. */
export interface OwnerText {
  /** Null for the text of a file before its first section. */
  section: Section | null;
  /** The owner's own Markdown: its blocks are cut from it. */
  source: string;
  readonly lowered: string;
}

/**
 * An owner's texts, lowered when first asked for: a search through the word index cuts blocks from the source and
 * never reads the lowered copy, which for a whole folder is as large as the folder.
 */
class Owner implements OwnerText {
  private loweredText?: string;

  constructor(
    readonly section: Section | null,
    readonly source: string,
    /** What follows the source in the lowered text: the path, or the title and metadata. */
    private readonly around: string,
  ) {}

  get lowered(): string {
    return (this.loweredText ??= `${this.source}\n${this.around}`.toLowerCase());
  }
}

/** A document's owners of blocks, in order: its text before the first section, then each numbered section. */
export function ownerTexts(document: NotesDocument, text = document.text): OwnerText[] {
  const [preamble, ...slices] = sectionSlices(document, text);
  const meta = Object.values(document.meta).flat().join(' ');
  const front = new Owner(null, preamble, `${document.title} ${meta}`);
  return [
    front,
    ...document.sections.flatMap((section, i) =>
      section.number === null ? [] : [new Owner(section, slices[i], section.path.join(' \u0000 '))],
    ),
  ];
}

export function documentTerms(owners: ReadonlyArray<Pick<OwnerText, 'lowered'>>): DocumentTerms {
  const terms = new Map<string, number[]>();
  owners.forEach(({ lowered }, owner) => {
    // owners come in order: a word's list ends with this owner if it was seen in it already (no set per owner)
    for (const word of loweredWords(lowered)) {
      const list = terms.get(word);
      if (!list) terms.set(word, [owner]);
      else if (list[list.length - 1] !== owner) list.push(owner);
    }
  });
  return [...terms];
}
