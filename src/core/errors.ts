// Typed errors of kubenotes: each carries the message a user reads and the exit code it means.

/** Base of every error kubenotes expects; anything else is a bug and is reported as one. */
export class KubenotesError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A notes path that does not exist or cannot be read. */
export class NotesNotFound extends KubenotesError {
  constructor(
    readonly path: string,
    readonly reason = 'no such file or folder',
  ) {
    super(`${path}: ${reason}`, 2);
  }
}

/** Notes larger than kubenotes reads in all (it holds them in memory). */
export class NotesTooLarge extends KubenotesError {
  constructor(
    readonly path: string,
    limit: number,
  ) {
    super(`${path}: too large: kubenotes reads at most ${limit / 2 ** 20} MiB of notes in all`, 2);
  }
}

/** A file that is not text (a NUL byte near its start). */
export class NotText extends KubenotesError {
  constructor(readonly path: string) {
    super(`${path}: not a text file (binary data found); kubenotes reads Markdown notes`, 2);
  }
}

/** A folder that holds no Markdown files. */
export class NoNotes extends KubenotesError {
  constructor(
    readonly path: string,
    reason = 'no Markdown notes (*.md, *.markdown) in this folder',
  ) {
    super(`${path}: ${reason}`, 2);
  }
}

/** A query that matched nothing; `suggestions` are the closest titles; `sought` is what it could have named. */
export class NoMatch extends KubenotesError {
  constructor(
    readonly query: string,
    readonly suggestions: string[] = [],
    sought: 'section' | 'page or section' = 'section',
  ) {
    const hint = suggestions.length ? `\ndid you mean: ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
    super(`no ${sought} matches "${query}"${hint}`, 1);
  }
}

/** A search that found no block; `within` is the scope it was limited to. */
export class NoHits extends KubenotesError {
  constructor(
    readonly query: string,
    readonly within?: string,
  ) {
    super(`nothing matches "${query}"${within === undefined ? '' : ` in "${within}"`}`, 1);
  }
}

/** A command line that cannot be carried out as written. */
export class UsageError extends KubenotesError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** An output file that exists and may not be overwritten. */
export class OutputExists extends KubenotesError {
  constructor(readonly path: string) {
    super(`${path}: file exists (use --force to overwrite)`, 2);
  }
}

/** An output file that could not be written (a missing folder, a read-only target, a full disk); the old one is intact. */
export class OutputNotWritten extends KubenotesError {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: cannot write: ${reason}`, 2);
  }
}

/** A configuration file that cannot be read or does not say what kubenotes understands. */
export class ConfigInvalid extends KubenotesError {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`, 2);
  }
}

/** A query that must name one section (`edit`) and names several; `candidates` say where each is. */
export class AmbiguousQuery extends KubenotesError {
  constructor(
    readonly query: string,
    readonly candidates: string[],
  ) {
    super(
      `"${query}" matches ${candidates.length} sections; name one by its number or path, or add --first:\n${candidates.map((c) => `  ${c}`).join('\n')}`,
      2,
    );
  }
}

/** The user's editor could not be started, or gave up. */
export class EditorFailed extends KubenotesError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** Links of the notes that lead nowhere (`check`): how many, of what was checked ("21 internal links in 7 files"). */
export class BrokenLinks extends KubenotesError {
  constructor(
    readonly broken: number,
    checked: string,
  ) {
    super(`${broken} broken (of ${checked})`, 1);
  }
}

/** `tags` on notes without any, or `--tag` that no note has: nothing found. */
export class NothingTagged extends KubenotesError {
  constructor(readonly tag?: string) {
    super(tag === undefined ? 'no tags in the notes' : `no notes tagged #${tag.replace(/^#/, '')}`, 1);
  }
}
