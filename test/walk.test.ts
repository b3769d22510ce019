import { describe, expect, test } from '@jest/globals';
import { cpSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MAX_FOLDER_DEPTH, markdownFilesBelow, slashes } from '../src/io/walk.js';
import { fixturePath } from './helpers/notes.js';
import { scratchFolder } from './helpers/scratch.js';

/** The Markdown files below a folder, relative to it with / separators. */
const filesBelow = async (root: string): Promise<string[]> =>
  (await markdownFilesBelow(root)).files.map((file) => slashes(relative(root, file)));
const scratch = (): string => scratchFolder('kubenotes-walk-');

describe('walking a notes folder', () => {
  test('a Hugo docs tree: hidden folders, public/ and *.draft.md (.gitignore) skipped; by path', async () => {
    // the skipped files are there (committed with git add -f), so skipping them is the walk's doing
    for (const skipped of ['.github/CONTRIBUTING.md', 'public/index.md', 'content/docs/notes.draft.md']) {
      expect(existsSync(fixturePath(`sites/hugo-docs/${skipped}`))).toBe(true);
    }
    expect(await filesBelow(fixturePath('sites/hugo-docs'))).toEqual([
      'content/docs/_index.md',
      'content/docs/configure/_index.md',
      'content/docs/configure/options.md',
      'content/docs/install.md',
    ]);
  });

  test('an Obsidian vault: .obsidian/ and .trash/ are skipped, names with spaces kept', async () => {
    expect(await filesBelow(fixturePath('sites/obsidian-vault'))).toEqual(['Daily/2024-01-05.md', 'Kubernetes.md', 'Projects/Argo CD.md']);
  });

  test('a Jekyll site: _posts/ is not hidden', async () => {
    expect(await filesBelow(fixturePath('sites/jekyll-blog'))).toEqual([
      '_posts/2022-10-24-kubecon-recap.md',
      '_posts/2022-11-02-helm-tips.md',
      'index.md',
    ]);
  });

  test('a .gitignore below the root applies to its folder; a deeper !pattern wins; node_modules skipped', async () => {
    const root = scratch();
    mkdirSync(join(root, 'docs/old'), { recursive: true });
    mkdirSync(join(root, 'node_modules/pkg'), { recursive: true });
    writeFileSync(join(root, '.gitignore'), '*.tmp.md\n');
    writeFileSync(join(root, 'docs/.gitignore'), 'old/\n!keep.tmp.md\n');
    for (const file of [
      'a.md',
      'a.tmp.md',
      'docs/b.md',
      'docs/keep.tmp.md',
      'docs/other.tmp.md',
      'docs/old/c.md',
      'node_modules/pkg/README.md',
    ]) {
      writeFileSync(join(root, file), '# x\n');
    }
    expect(await filesBelow(root)).toEqual(['a.md', 'docs/b.md', 'docs/keep.tmp.md']);
  });

  test('symbolic links are followed once: a loop ends, a second way to a folder or file is not read twice', async () => {
    const root = scratch();
    cpSync(fixturePath('folder'), join(root, 'notes'), { recursive: true });
    symlinkSync('..', join(root, 'notes/sub/loop')); // notes/sub/loop → notes: a loop
    symlinkSync('notes', join(root, 'also-notes')); // a second way into notes/
    symlinkSync('a.md', join(root, 'notes/same-as-a.md'));
    symlinkSync('missing.md', join(root, 'notes/dangling.md'));
    symlinkSync('self.md', join(root, 'notes/self.md'));
    const outside = scratch();
    writeFileSync(join(outside, 'linked.md'), '# linked\n');
    symlinkSync(outside, join(root, 'notes/outside'));
    symlinkSync(join(outside, 'linked.md'), join(root, 'notes/linked.md'));
    // also-notes/ comes first by name, so its paths are the ones kept; a folder outside the root is not walked, a file is read
    expect(await filesBelow(root)).toEqual(['also-notes/a.md', 'also-notes/linked.md', 'also-notes/sub/b.markdown']);
    expect(await filesBelow(join(root, 'notes'))).toEqual(['a.md', 'linked.md', 'sub/b.markdown']);
    const reasons = (await markdownFilesBelow(join(root, 'notes'))).unreadable.map(({ path, what, error }) => [
      relative(root, path),
      what,
      (error as Error).message,
    ]);
    expect(reasons).toContainEqual(['notes/outside', 'link', 'leads to a folder outside the notes folder']);
  });

  test("a link loop, and a Markdown file's link that leads nowhere, are reported; other dangling links are not", async () => {
    const root = scratch();
    writeFileSync(join(root, 'a.md'), '# a\n');
    symlinkSync('loop', join(root, 'loop'));
    symlinkSync('missing.md', join(root, 'dangling.md'));
    symlinkSync('missing', join(root, 'dangling-folder'));
    const walk = await markdownFilesBelow(root);
    expect(walk.files.map((f) => relative(root, f))).toEqual(['a.md']);
    expect(walk.unreadable.map(({ path, what, error }) => [relative(root, path), what, (error as NodeJS.ErrnoException).code])).toEqual([
      ['dangling.md', 'link', 'ENOENT'],
      ['loop', 'link', 'ELOOP'],
    ]);
  });

  test('a link to / or any folder outside the root is not walked', async () => {
    const root = scratch();
    writeFileSync(join(root, 'a.md'), '# a\n');
    symlinkSync('/', join(root, 'everything'));
    const walk = await markdownFilesBelow(root);
    expect(walk.files.map((f) => relative(root, f))).toEqual(['a.md']);
    expect(walk.unreadable.map(({ path, what }) => [relative(root, path), what])).toEqual([['everything', 'link']]);
  });

  test(`folders are walked ${MAX_FOLDER_DEPTH} deep and no deeper: one report for the first folder below`, async () => {
    const root = scratch();
    const levels = Array.from({ length: MAX_FOLDER_DEPTH + 3 }, (_, i) => `d${i}`);
    mkdirSync(join(root, ...levels), { recursive: true });
    writeFileSync(join(root, ...levels.slice(0, MAX_FOLDER_DEPTH), 'deepest-read.md'), '# x\n');
    writeFileSync(join(root, ...levels.slice(0, MAX_FOLDER_DEPTH + 1), 'too-deep.md'), '# x\n');
    const walk = await markdownFilesBelow(root);
    expect(walk.files.map((f) => slashes(relative(root, f)))).toEqual([
      [...levels.slice(0, MAX_FOLDER_DEPTH), 'deepest-read.md'].join('/'),
    ]);
    expect(walk.unreadable.map(({ path, what, error }) => [slashes(relative(root, path)), what, (error as Error).message])).toEqual([
      [levels.slice(0, MAX_FOLDER_DEPTH + 1).join('/'), 'folder', `more than ${MAX_FOLDER_DEPTH} folders deep`],
    ]);
  });

  // an unreadable folder below the root: in test/filesystem.e2e.test.ts, run as nobody, since root reads every folder
});
