// Tokens kept between runs change speed, never output: a text lexed once is rendered from its kept tokens as it is
// rendered lexed, whatever the Markdown; the kept tokens are those of the very text, of this build, sealed with the
// cache's key; an entry keeps a bounded number of texts.
import { describe, expect, jest, test } from '@jest/globals';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Token } from 'marked';
import { lexMarkdown } from '../src/core/markdown/parse.js';
import { seal } from '../src/io/sealed.js';
import { CacheStore } from '../src/io/cache-store.js';
import { tokenKeeper } from '../src/io/kept-tokens.js';
import { sha256 } from '../src/io/sha256.js';
import { createStyle } from '../src/render/style.js';
import { renderMarkdown } from '../src/render/terminal/sections.js';
import { cleanEnv, runCli } from './helpers/cli.js';
import { hostileNotes } from './helpers/hostile-markdown.js';
import { fixturePath, repoPath } from './helpers/notes.js';
import { scratchFolder } from './helpers/scratch.js';

jest.setTimeout(120_000);

/** Lexing that keeps its tokens in a cache folder of its own (its lexings and the store's writes counted). */
function lexerIn(folder = scratchFolder('kubenotes-tokens-'), build = 'build 1') {
  const store = new CacheStore(folder, () => {});
  store.key(); // made once, before the writes counted
  const writes = jest.spyOn(store, 'write');
  const keep = tokenKeeper(store, build, () => 'entry');
  const lexings = jest.fn(lexMarkdown);
  return {
    lex: (markdown: string, path?: string) => keep(markdown, path, lexings),
    lexings,
    keep,
    writes,
    entry: join(folder, 'entry.tokens'),
    folder,
  };
}

/** Every Markdown file below a folder. */
const markdownBelow = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(folder, name));

describe('tokens kept between runs', () => {
  test('a text lexed once is read back, not lexed and written again; its tokens are what lexing gives, links and all', () => {
    const { lex, lexings, writes } = lexerIn();
    const text = '# Title\n\nSome **bold** and a [ref][r].\n\n- [x] done\n- item\n\n[r]: https://example.com "t"\n';
    const fresh = lex(text, '/notes/a.md');
    expect(writes).toHaveBeenCalledTimes(1);
    const kept = lex(text, '/notes/a.md');
    expect(writes).toHaveBeenCalledTimes(1);
    expect(lexings).toHaveBeenCalledTimes(1);
    expect(kept).not.toBe(fresh);
    expect(kept).toEqual(lexMarkdown(text));
    expect((kept as Token[] & { links: unknown }).links).toEqual({ r: { href: 'https://example.com', title: 't' } });
  });

  test('another text of the file is lexed and kept beside the first; text from standard input is not kept', () => {
    const { lex, writes, folder } = lexerIn();
    lex('# One\n', '/notes/a.md');
    lex('# Two\n', '/notes/a.md');
    lex('# One\n', '/notes/a.md');
    lex('# Two\n', '/notes/a.md');
    expect(writes).toHaveBeenCalledTimes(2);
    lex('# Three\n');
    expect(writes).toHaveBeenCalledTimes(2);
    expect(readdirSync(join(folder)).filter((name) => name.endsWith('.tokens'))).toEqual(['entry.tokens']);
  });

  test("another build's tokens are lexed again", () => {
    const folder = scratchFolder('kubenotes-tokens-');
    lexerIn(folder, 'build 1').lex('# One\n', '/notes/a.md');
    const { lex, writes } = lexerIn(folder, 'build 2');
    expect(lex('# One\n', '/notes/a.md')).toEqual(lexMarkdown('# One\n'));
    expect(writes).toHaveBeenCalledTimes(1);
  });

  test('an entry keeps the texts lexed last, as many as it may: the oldest is lexed again', () => {
    const { lex, writes, entry } = lexerIn();
    const texts = Array.from({ length: 40 }, (_, i) => `# Text ${i}\n`);
    for (const text of texts) lex(text, '/notes/a.md');
    const size = statSync(entry).size;
    lex(texts.at(-1)!, '/notes/a.md');
    expect(writes).toHaveBeenCalledTimes(40);
    lex(texts[0], '/notes/a.md');
    expect(writes).toHaveBeenCalledTimes(41);
    expect(statSync(entry).size).toBeLessThanOrEqual(size + 2);
  });

  test('an entry another program sealed (SHA-256, not the cache key) is not read, whatever its tokens say', () => {
    const { lex, writes, entry, folder } = lexerIn();
    const text = '# Title\n';
    lex(text, '/notes/a.md');
    const planted = JSON.stringify({ tokens: [{ type: 'paragraph', raw: 'x', text: '\u001b]0;pwned\u0007', tokens: [] }], links: {} });
    const header = JSON.stringify({ build: 'build 1', values: [[sha256(text), Buffer.byteLength(planted)]] });
    writeFileSync(entry, Buffer.concat([...seal([`${header}\n`, planted])]));
    expect(lex(text, '/notes/a.md')).toEqual(lexMarkdown(text));
    expect(writes).toHaveBeenCalledTimes(2);
    expect(readFileSync(join(folder, 'entry.tokens'), 'utf8')).not.toContain('pwned');
  });

  test('any Markdown renders from its kept tokens as it renders lexed, at any colour level and width', async () => {
    const { keep } = lexerIn();
    await fc.assert(
      fc.asyncProperty(hostileNotes, fc.constantFrom<0 | 3>(0, 3), fc.constantFrom(20, 80), async (text, level, width) => {
        const options = { style: createStyle(level), width, hyperlinks: true };
        const lexed = await renderMarkdown(text, options);
        expect(await renderMarkdown(text, { ...options, keepTokens: keep, path: '/notes/a.md' })).toBe(lexed);
        expect(await renderMarkdown(text, { ...options, keepTokens: keep, path: '/notes/a.md' })).toBe(lexed);
      }),
      { numRuns: 150 },
    );
  });

  test('every fixture and the bundled notes render from their kept tokens as they render lexed', async () => {
    const { keep, writes } = lexerIn();
    const files = [...markdownBelow(fixturePath('')), repoPath('notes/kubecon-na-2022.md')];
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const options = { style: createStyle(3), width: 80, hyperlinks: true };
      const lexed = await renderMarkdown(text, options);
      await renderMarkdown(text, { ...options, keepTokens: keep, path: file });
      expect([file, await renderMarkdown(text, { ...options, keepTokens: keep, path: file })]).toEqual([file, lexed]);
    }
    expect(writes.mock.calls.length).toBeLessThanOrEqual(files.length);
  });

  test('show keeps the tokens of what it renders: shown again, it reads them, and prints what a fresh cache prints', () => {
    const env = cleanEnv({ FORCE_COLOR: '3' });
    const first = runCli(['show', '6.4'], { env });
    const entries = readdirSync(join(env.XDG_CACHE_HOME!, 'kubenotes')).filter((name) => name.endsWith('.tokens'));
    expect(entries).toHaveLength(1);
    const entry = statSync(join(env.XDG_CACHE_HOME!, 'kubenotes', entries[0]));
    // at another width: rendered again (not its kept output, nor its answer), from the tokens kept
    const again = runCli(['--width', '30', 'show', '6.4'], { env });
    const after = statSync(join(env.XDG_CACHE_HOME!, 'kubenotes', entries[0]));
    expect([after.ino, after.mtimeMs]).toEqual([entry.ino, entry.mtimeMs]);
    expect(again).toEqual(runCli(['--width', '30', 'show', '6.4'], { env: cleanEnv({ FORCE_COLOR: '3' }) }));
    expect(again.stdout).not.toBe(first.stdout);
    expect(again.status).toBe(0);
  });
});
