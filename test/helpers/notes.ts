// Shared test helpers: the bundled notes and fixtures as collections, built by the same core the CLI uses.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildCollection } from '../../src/core/notes/collection.js';
import { frontMatterParsers } from '../../src/core/markdown/frontmatter-parsers.js';
import type { Collection } from '../../src/core/types.js';

export const repoPath = (relative: string): string => fileURLToPath(new URL(`../../${relative}`, import.meta.url));
export const fixturePath = (name: string): string => repoPath(`test/fixtures/${name}`);

export const bundledBytes = (): Buffer => readFileSync(repoPath('notes/kubecon-na-2022.md'));

/** A collection of the named files, each read from disk. */
export const collectionOf = (...paths: string[]): Collection =>
  buildCollection(
    paths.map((path) => ({ file: path.split('/').pop()!, bytes: readFileSync(path) })),
    frontMatterParsers,
  );

export const bundledCollection = (): Collection => collectionOf(repoPath('notes/kubecon-na-2022.md'));

/**
 * The line (from 1) of the bundled notes that holds `text`: tests about the bundled notes name a line by what it says,
 * so that no number in a test has to move with the file. Exactly one line must hold it.
 */
export function bundledLine(text: string): number {
  const lines = bundledBytes().toString('utf8').split('\n');
  const found = lines.flatMap((line, index) => (line.includes(text) ? [index + 1] : []));
  if (found.length !== 1) throw new Error(`${found.length} lines of the bundled notes hold ${JSON.stringify(text)}, not one`);
  return found[0];
}

/** A folder of notes as the CLI reads it: every Markdown file below it, named relative to it with `/`. */
export async function folderCollection(path: string): Promise<Collection> {
  const { readSources } = await import('../../src/io/sources.js');
  return buildCollection((await readSources([path], () => process.stdin)).files, frontMatterParsers);
}
