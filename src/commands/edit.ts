// `kubenotes edit <query…>`: the section a query names, opened in the user's editor at its heading line.
import { resolve } from 'node:path';
import { documentOf } from '../core/notes/documents.js';
import { AmbiguousQuery, UsageError } from '../core/errors.js';
import { resolveQuery } from '../core/query/resolve.js';
import { openInEditor } from '../io/editor.js';
import type { CommandContext } from './context.js';

export interface EditOptions {
  first?: boolean;
}

export async function runEdit(context: CommandContext, words: string[], options: EditOptions): Promise<void> {
  const collection = await context.notes();
  const query = words.join(' ');
  const sections = resolveQuery(collection, query, { first: options.first });
  // opening the wrong file of several is worse than asking: the user picks by number or path
  if (sections.length > 1)
    throw new AmbiguousQuery(
      query,
      sections.map((s) => `${s.number ?? s.id}  ${s.path.join(' › ')}  (${s.file}:${s.line})`),
    );
  const [section] = sections;
  const { path } = documentOf(collection, section);
  if (path === undefined) throw new UsageError('edit opens notes in a file; standard input cannot be edited (name the file with --file)');
  await openInEditor(resolve(path), section.line, context.env);
}
