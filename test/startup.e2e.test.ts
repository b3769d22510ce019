// What each command loads at start: a command's time goes mostly to loading code, so each loads only what it uses.
// (How long they take is measured by `npm run bench`, never asserted here.)
import { describe, expect, jest, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv, modulesLoaded, runCli, sourcesLoaded } from './helpers/cli.js';
import { repoPath } from './helpers/notes.js';
import { scratchFolder } from './helpers/scratch.js';

jest.setTimeout(30_000);

const loads = (sources: string[], prefix: string): boolean => sources.some((source) => source.startsWith(prefix));

describe('start-up loads only what the command uses', () => {
  test('--version is answered by the bin alone: not one module of the program is loaded', () => {
    for (const flag of ['--version', '-V']) {
      const { status, modules } = modulesLoaded([flag]);
      expect(status).toBe(0);
      expect(modules.filter((url) => url.includes('/dist/'))).toEqual([]);
    }
    // with anything else the program answers, as commander does
    const { stdout, status } = runCli(['--version', '--no-color']);
    expect(status).toBe(0);
    expect(stdout).toBe(`${JSON.parse(readFileSync(repoPath('package.json'), 'utf8')).version}\n`);
  });

  test('no command that prints loads node:child_process (commander requires it for subcommands kubenotes has none of)', () => {
    for (const args of [['list'], ['search', 'helm'], ['show', '7'], ['help', 'search']]) {
      const { status, modules } = modulesLoaded(args);
      expect([args, status]).toEqual([args, 0]);
      expect([args, modules.includes('node:child_process')]).toEqual([args, false]);
    }
  });

  test('--help is printed from the help the build prepared: not even commander is loaded', () => {
    for (const flag of ['--help', '-h', 'help']) {
      const { status, modules } = modulesLoaded([flag]);
      expect(status).toBe(0);
      expect(modules.filter((url) => url.includes('/dist/')).some((url) => /\/dist\/cli-/.test(url))).toBe(false);
      // output to a pipe is told no terminal by the file system, without node:tty (and net and the streams it loads)
      expect(modules).not.toContain('node:tty');
    }
  });

  test("a command's help loads commander and the words of the help, not the notes, the parser, colours or the configuration", () => {
    const sources = sourcesLoaded(['help', 'search']);
    expect(loads(sources, 'node_modules/commander/')).toBe(true);
    for (const heavy of [
      'node_modules/marked/',
      'node_modules/chalk/',
      'node_modules/fuse.js/',
      'src/core/markdown/parse.ts',
      'src/io/config.ts',
      'src/io/sources.ts',
    ]) {
      expect([heavy, loads(sources, heavy)]).toEqual([heavy, false]);
    }
  });

  test('the prepared help is the help commander prints, at every width', () => {
    for (const columns of ['20', '21', '33', '57', '79', '80', '81', '119', '160', '250', '10000']) {
      const env = cleanEnv({ COLUMNS: columns });
      // a second option makes the entry leave the help to commander
      const commander = runCli(['--help', '--no-pager'], { env });
      expect(commander.status).toBe(0);
      for (const flag of ['--help', '-h', 'help'])
        expect([columns, flag, runCli([flag], { env }).stdout]).toEqual([columns, flag, commander.stdout]);
    }
  });

  test('the files of dist/ a cached command loads are ASCII: Node reads a file with one other character as two bytes a character', () => {
    const env = cleanEnv();
    for (const args of [['list'], ['search', 'helm'], ['show', '7'], ['show', '6.4']]) {
      modulesLoaded(args, env); // the notes parsed and kept: what follows is a cached run
      // at another width, so that it makes its output rather than print what the first run kept
      const { status, modules } = modulesLoaded(['--width', '70', ...args], env);
      expect([args, status]).toEqual([args, 0]);
      const files = modules.filter((url) => url.startsWith('file:') && url.includes('/dist/')).map((url) => fileURLToPath(url));
      expect(files.length).toBeGreaterThan(3);
      for (const file of files) expect([args, file, /[^\x00-\x7f]/.test(readFileSync(file, 'latin1'))]).toEqual([args, file, false]);
    }
  });

  test('a cached search runs none of marked: its rules, built as it loads, cost more than such a search', () => {
    const env = cleanEnv();
    // how often marked built a rule (its getRegex), from V8's coverage of the run
    const rulesBuilt = (args: string[]): number => {
      const coverage = scratchFolder('kubenotes-coverage-');
      expect([args, runCli(args, { env: { ...env, NODE_V8_COVERAGE: coverage } }).status]).toEqual([args, 0]);
      let count = 0;
      for (const file of readdirSync(coverage)) {
        const { result } = JSON.parse(readFileSync(join(coverage, file), 'utf8')) as {
          result: Array<{ url: string; functions: Array<{ functionName: string; ranges: Array<{ count: number }> }> }>;
        };
        for (const script of result.filter(({ url }) => url.includes('/dist/')))
          for (const fn of script.functions) if (fn.functionName === 'getRegex') count += fn.ranges[0].count;
      }
      return count;
    };
    for (const args of [
      ['search', 'helm'],
      ['search', '--in', 'takeaways', 'pipelines'],
    ]) {
      // the blocks it cuts kept; at another width, so that the search is run again rather than its output printed
      runCli(['--width', '50', ...args], { env });
      expect([args, rulesBuilt(args)]).toEqual([args, 0]);
    }
    expect(rulesBuilt(['show', '7'])).toBeGreaterThan(0);
  });

  test('list parses the notes once; after that it takes them from the cache, without the parser', () => {
    const env = cleanEnv();
    const first = sourcesLoaded(['list'], env);
    expect(loads(first, 'node_modules/marked/')).toBe(true);
    expect(loads(first, 'node_modules/fuse.js/')).toBe(false);
    // run another way (its environment), so that the program runs rather than print the first run's answer
    const second = sourcesLoaded(['list'], { ...env, KUBENOTES_TEST_RUN: 'again' });
    for (const parsing of ['node_modules/marked/', 'node_modules/github-slugger/', 'src/core/markdown/parse.ts']) {
      expect([parsing, loads(second, parsing)]).toEqual([parsing, false]);
    }
    expect(runCli(['list'], { env }).stdout).toBe(runCli(['list']).stdout);
  });

  test('show loads the HTML parser alone (for anchors in HTML), not the DOM and entity-encoding tools packaged with it', () => {
    const sources = sourcesLoaded(['show', '7']);
    expect(loads(sources, 'node_modules/htmlparser2/')).toBe(true);
    for (const unused of ['node_modules/domutils/', 'node_modules/dom-serializer/', 'node_modules/domhandler/']) {
      expect([unused, loads(sources, unused)]).toEqual([unused, false]);
    }
  });

  test('no command makes an Intl.Segmenter (ICU data to load) until some text needs one', () => {
    const env = cleanEnv();
    let runs = 0;
    const segmentersMade = (args: string[]): number => {
      // each run another way (its environment): the program runs, as the second `list` on the notes it cached
      const result = spawnSync(
        process.execPath,
        ['--import', repoPath('test/helpers/count-segmenters.mjs'), repoPath('bin/kubenotes.js'), ...args],
        { env: { ...env, KUBENOTES_TEST_RUN: String(++runs) }, encoding: 'utf8', timeout: 30_000 },
      );
      expect([args, result.status]).toEqual([args, 0]);
      return Number(/^\[segmenters\] (\d+)$/m.exec(result.stderr)![1]);
    };
    for (const args of [['--help'], ['list'], ['list'], ['list', '--json'], ['search', 'helm'], ['show', '7']]) {
      expect([args, segmentersMade(args)]).toEqual([args, 0]);
    }
    // text that needs one still gets one, made on first use: a title of accented words cut to 20 columns
    const notes = join(scratchFolder('kubenotes-segmenter-'), 'notes.md');
    writeFileSync(notes, '# Café\n\n## Réunion über die Größe der Knoten\n\ntext\n');
    expect(segmentersMade(['-f', notes, '-w', '20', 'list'])).toBe(1);
    expect(runCli(['-f', notes, '-w', '20', 'list'], { env }).stdout).toContain('…');
  });
});
