// What each command loads at start: a command's time goes mostly to loading code, so each loads only what it uses.
// (How long they take is measured by `npm run bench`, never asserted here.)
import { describe, expect, jest, test } from '@jest/globals';
import { cleanEnv, modulesLoaded, runCli, sourcesLoaded } from './helpers/cli.js';

jest.setTimeout(30_000);

const loads = (sources: string[], prefix: string): boolean => sources.some((source) => source.startsWith(prefix));

describe('start-up loads only what the command uses', () => {
  test('--version is answered by the entry alone: not even commander', () => {
    for (const flag of ['--version', '-V']) {
      const { status, modules } = modulesLoaded([flag]);
      expect(status).toBe(0);
      const ours = modules.filter((url) => url.includes('/dist/'));
      expect(ours.some((url) => /\/dist\/cli-/.test(url))).toBe(false);
      expect(ours.length).toBeLessThanOrEqual(4);
    }
  });

  test('--help loads commander and the words of the help, not the notes, the parser, colours or the configuration', () => {
    const sources = sourcesLoaded(['--help']);
    expect(loads(sources, 'node_modules/commander/')).toBe(true);
    for (const heavy of ['node_modules/marked/', 'node_modules/chalk/', 'node_modules/fuse.js/', 'src/core/markdown/parse.ts', 'src/io/config.ts', 'src/io/sources.ts']) {
      expect([heavy, loads(sources, heavy)]).toEqual([heavy, false]);
    }
  });

  test('list parses the notes once; after that it takes them from the cache, without the parser', () => {
    const env = cleanEnv();
    const first = sourcesLoaded(['list'], env);
    expect(loads(first, 'node_modules/marked/')).toBe(true);
    expect(loads(first, 'node_modules/fuse.js/')).toBe(false);
    const second = sourcesLoaded(['list'], env);
    for (const parsing of ['node_modules/marked/', 'node_modules/github-slugger/', 'src/core/markdown/parse.ts']) {
      expect([parsing, loads(second, parsing)]).toEqual([parsing, false]);
    }
    expect(runCli(['list'], { env }).stdout).toBe(runCli(['list']).stdout);
  });
});
