// The completion engine on a small program built like kubenotes's: commands, options, choices, section arguments.
import { describe, expect, test } from '@jest/globals';
import { Argument, Option } from 'commander';
import { completeWords, dequote, folderCandidates, sectionCandidates, typedPath, type Completion } from '../src/program/completion.js';
import { KubenotesCommand } from '../src/program/command.js';
import { describeProgram } from '../src/program/describe.js';
import { collectionOf, fixturePath, folderCollection } from './helpers/notes.js';

function sampleProgram(): KubenotesCommand {
  const program = new KubenotesCommand('kubenotes');
  program
    .option('-f, --file <path>', 'notes', (value: string, previous: string[]) => [...previous, value], [])
    .option('--no-color', 'no colour');
  program
    .command('list')
    .option('-d, --depth <n>', 'levels')
    .option('--json', 'as JSON')
    .option('--under <notes-folder>', 'a folder of the notes');
  program.command('show').argument('<query...>', 'a section').option('--raw', 'source').sectionArguments();
  program
    .command('export')
    .argument('[query...]')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'html', 'json', 'txt']))
    .option('-o, --output <file>', 'where')
    .sectionArguments();
  program.command('completion').addArgument(new Argument('<shell>').choices(['bash', 'zsh', 'fish']));
  program.command('secret', { hidden: true });
  return program;
}

const spec = describeProgram(sampleProgram());
const complete = (...words: string[]): Completion => completeWords(spec, words);
const values = (completion: Completion): string[] =>
  completion.kind === 'words' ? completion.candidates.map((c) => c.value) : [completion.kind];

describe('completeWords', () => {
  test('the first word: every listed command, with its summary; hidden ones left out', () => {
    expect(values(complete(''))).toEqual(['list', 'show', 'export', 'completion', 'help']);
    expect(values(complete('sh'))).toContain('show'); // the shell keeps those that start with what was typed
    expect(values(complete('-f', 'notes.md', ''))).toContain('list');
  });

  test('options: the command’s own, then the global ones, --help once; short flags only after a lone dash', () => {
    expect(values(complete('list', '--'))).toEqual(['--depth', '--json', '--under', '--help', '--file', '--no-color']);
    expect(values(complete('list', '-'))).toEqual(['--depth', '-d', '--json', '--under', '--help', '-h', '--file', '-f', '--no-color']);
    expect(values(complete('--'))).toEqual(['--file', '--no-color', '--help']);
  });

  test('option values: named choices, paths for <path> and <file>, nothing for others', () => {
    expect(values(complete('export', '--format', ''))).toEqual(['md', 'html', 'json', 'txt']);
    expect(values(complete('export', '--format=h'))).toEqual(['--format=md', '--format=html', '--format=json', '--format=txt']);
    expect(complete('export', '-o', '')).toEqual({ kind: 'files', prefix: '' });
    expect(complete('--file=no')).toEqual({ kind: 'files', prefix: '--file=' });
    expect(complete('-f', '')).toEqual({ kind: 'files', prefix: '' });
    expect(values(complete('list', '--depth', ''))).toEqual([]);
  });

  test('bash splits --format=md at the =: the value is still completed', () => {
    expect(values(complete('export', '--format', '='))).toEqual(['md', 'html', 'json', 'txt']);
    expect(values(complete('export', '--format', '=', 'h'))).toEqual(['md', 'html', 'json', 'txt']);
    expect(complete('--file', '=', 'notes.md', 'show', '')).toEqual({ kind: 'sections', optionValues: { file: ['notes.md'] } });
  });

  test('arguments: sections for show and export, with every --file on the line, in any of its spellings', () => {
    expect(complete('show', 'prom')).toEqual({ kind: 'sections', optionValues: {} });
    expect(complete('show', 'prometheus', '')).toEqual({ kind: 'sections', optionValues: {} }); // a query is several words
    expect(complete('-f', 'a.md', 'export', '--format', 'md', '--file=b.md', '-fc.md', '')).toEqual({
      kind: 'sections',
      optionValues: { file: ['a.md', 'b.md', 'c.md'], format: ['md'] },
    });
  });

  test('arguments: choices, command names for help, nothing past the last or for an unknown command', () => {
    expect(values(complete('completion', ''))).toEqual(['bash', 'zsh', 'fish']);
    expect(values(complete('completion', 'bash', ''))).toEqual([]);
    expect(values(complete('help', ''))).toEqual(['list', 'show', 'export', 'completion', 'help']);
    expect(values(complete('list', ''))).toEqual([]);
    expect(values(complete('lst', ''))).toEqual([]);
  });

  test('after -- every word is an argument, even one that starts with a dash', () => {
    expect(complete('show', '--', '-')).toEqual({ kind: 'sections', optionValues: {} });
  });
});

describe("--under: the notes' folders", () => {
  test('its value is a folder of the notes named on the line, also typed after =', () => {
    expect(complete('-f', 'docs', 'list', '--under', '')).toEqual({ kind: 'folders', prefix: '', optionValues: { file: ['docs'] } });
    expect(complete('list', '--under=con')).toEqual({ kind: 'folders', prefix: '--under=', optionValues: {} });
  });

  test('every folder that holds a page, each once, parents first', async () => {
    const collection = await folderCollection(fixturePath('pages/docusaurus'));
    expect(folderCandidates(collection)).toEqual([{ value: 'docs/' }, { value: 'docs/guides/' }]);
    expect(folderCandidates(collection, '--under=')[0]).toEqual({ value: '--under=docs/' });
  });
});

describe('sectionCandidates', () => {
  test('each id and number once, described by its title; a table of contents has an id but no number', () => {
    const candidates = sectionCandidates(collectionOf(fixturePath('crlf.md')));
    expect(candidates).toEqual([
      { value: 'first', description: '1 First' },
      { value: '1', description: 'First' },
      { value: 'second', description: '1.1 Second' },
      { value: '1.1', description: 'Second' },
      { value: 'third', description: '2 Third' },
      { value: '2', description: 'Third' },
    ]);
    expect(sectionCandidates(collectionOf(fixturePath('outline.md'))).slice(0, 2)).toEqual([
      { value: 'contents', description: 'Contents' },
      { value: 'alpha-talk', description: '1 Alpha talk' },
    ]);
  });
});

describe('paths typed on the line', () => {
  test('quotes and escapes are removed as the shell would; ~ is home', () => {
    expect(dequote(`'my notes'/a.md`)).toBe('my notes/a.md');
    expect(dequote(`"say \\"hi\\""`)).toBe('say "hi"');
    expect(dequote('my\\ notes.md')).toBe('my notes.md');
    expect(dequote('plain.md')).toBe('plain.md');
    expect(typedPath('~/notes', '/home/me')).toBe('/home/me/notes');
    expect(typedPath('~other/notes', '/home/me')).toBe('~other/notes');
  });
});
