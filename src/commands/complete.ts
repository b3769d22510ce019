// `kubenotes __complete -- <words…>` (hidden): the candidates for the last word, one per line, for the shell scripts
// of `kubenotes completion`. Never an error: a Tab must not print into the user's prompt.
import { homedir } from 'node:os';
import type { ProgramSpec } from '../program/spec.js';
import { completeWords, folderCandidates, sectionCandidates, typedPath, type Candidate } from '../program/completion.js';
import type { Collection } from '../core/types.js';
import { candidateLines, filesDirective } from '../program/completion-scripts.js';

export interface CompleteIo {
  /** The notes as named on the line being completed (its --file values), else as usual. */
  notes(files: string[]): Promise<Collection>;
  write(text: string): Promise<void>;
}

export async function runComplete(spec: ProgramSpec, words: string[], io: CompleteIo): Promise<void> {
  const completion = completeWords(spec, words);
  if (completion.kind === 'words') return io.write(candidateLines(completion.candidates));
  if (completion.kind === 'files') return io.write(filesDirective(completion.prefix));
  const files = (completion.optionValues.file ?? []).map((word) => typedPath(word, homedir()));
  let candidates: Candidate[] = [];
  try {
    const notes = await io.notes(files);
    candidates = completion.kind === 'folders' ? folderCandidates(notes, completion.prefix) : sectionCandidates(notes);
  } catch {
    // notes that cannot be read have no sections to offer; `kubenotes show` will say why
  }
  await io.write(candidateLines(candidates));
}
