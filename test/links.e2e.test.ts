// `kubenotes links` and `kubenotes check` as a user runs them: on the bundled notes, a copy with a heading renamed,
// and the fixture folder of every link form; output, JSON and exit codes.
import { describe, expect, test } from '@jest/globals';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';
import { bundledBytes, bundledLine, fixturePath } from './helpers/notes.js';
import { scratchFolder } from './helpers/scratch.js';

const fixtures = fixturePath('links');
const PROMETHEUS_LINK = '[Prometheus - Intro, Deep Dive, And Open Q+A](#prometheus---intro-deep-dive-and-open-qa)';
/** The Contents entry that links to the Prometheus talk, and the talk's heading. */
const CONTENTS_LINE = bundledLine(PROMETHEUS_LINK);
const PROMETHEUS_LINE = bundledLine('## Prometheus - Intro');

describe('kubenotes check', () => {
  test('on the bundled notes: all eight Contents links resolve, exit 0', () => {
    expect(runCli(['check'])).toEqual({ stdout: '8 internal links in 1 file: all resolve\n', stderr: '', status: 0 });
    expect(runCli(['check', '--json'])).toEqual({ stdout: '[]\n', stderr: '', status: 0 });
  });

  test('a copy of the notes with one heading renamed: exit 1, the Contents line named, the closest anchor suggested', () => {
    const folder = scratchFolder('kubenotes-renamed-');
    const file = join(folder, 'kubecon-na-2022.md');
    const renamed = bundledBytes()
      .toString('utf8')
      .replace('\n## Prometheus - Intro, Deep Dive, And Open Q+A\n', '\n## Prometheus: Intro, Deep Dive and Open Q&A\n');
    writeFileSync(file, renamed);
    const { stdout, stderr, status } = runCli(['-f', file, '--width', '300', 'check']); // whole lines: check fits the width
    expect(stdout).toBe(
      `kubecon-na-2022.md:${CONTENTS_LINE}: ${PROMETHEUS_LINK}: no heading #prometheus---intro-deep-dive-and-open-qa in kubecon-na-2022.md; did you mean #prometheus-intro-deep-dive-and-open-qa?\n`,
    );
    expect(stderr).toBe('kubenotes: 1 broken (of 8 internal links in 1 file)\n');
    expect(status).toBe(1);
    expect(JSON.parse(runCli(['-f', file, 'check', '--json']).stdout)).toEqual([
      {
        file: 'kubecon-na-2022.md',
        line: CONTENTS_LINE,
        text: 'Prometheus - Intro, Deep Dive, And Open Q+A',
        href: '#prometheus---intro-deep-dive-and-open-qa',
        kind: 'anchor',
        reason: 'missing-anchor',
        why: 'no heading #prometheus---intro-deep-dive-and-open-qa in kubecon-na-2022.md',
        suggestion: '#prometheus-intro-deep-dive-and-open-qa',
      },
    ]);
  });

  test('on a folder: every broken link as file:line: [text](href): why, in reading order', () => {
    const { stdout, stderr, status } = runCli(['-f', fixtures, '--width', '300', 'check']); // whole lines: check fits the width
    expect(stdout.split('\n')).toEqual([
      'broken.md:3: [Missing file](guide/setpu.md): no file guide/setpu.md in the notes; did you mean guide/setup.md?',
      'broken.md:4: [Missing anchor](guide/setup.md#install-with-helmm): no heading #install-with-helmm in guide/setup.md; did you mean guide/setup.md#install-with-helm?',
      'broken.md:5: [Missing here](#broken-link): no heading #broken-link in broken.md; did you mean #broken-links?',
      'broken.md:6: [Bad escape](#%E0%A4%A): no heading #%E0%A4%A in broken.md',
      'broken.md:7: [[Runbook]]: matches 2 files: teams/alpha/runbook.md, teams/beta/runbook.md; did you mean [[teams/alpha/runbook]] or [[teams/beta/runbook]]?',
      'broken.md:8: [[Setup#Uninstall]]: no heading "Uninstall" in guide/setup.md; did you mean [[Setup#Install with Helm]]?',
      'broken.md:9: [[Nowhere]]: no file or title "Nowhere" in the notes',
      '',
    ]);
    expect(stderr).toBe('kubenotes: 7 broken (of 32 internal links in 7 files)\n');
    expect(status).toBe(1);
  });

  test('fixing the broken file makes the folder pass', () => {
    const folder = scratchFolder('kubenotes-fixed-');
    cpSync(fixtures, folder, { recursive: true });
    writeFileSync(join(folder, 'broken.md'), '## Fixed\n\n- [Setup](guide/setup.md)\n- [[teams/alpha/runbook#On call]]\n');
    expect(runCli(['-f', folder, 'check'])).toEqual({ stdout: '27 internal links in 7 files: all resolve\n', stderr: '', status: 0 });
  });

  test('usage errors exit 2', () => {
    expect(runCli(['check', 'extra']).status).toBe(2);
    expect(runCli(['check', '--bogus']).status).toBe(2);
  });
});

describe('kubenotes links', () => {
  test('prometheus: no links of its own, and the Contents entry as its backlink', () => {
    expect(runCli(['links', 'prometheus'])).toEqual({
      stdout: [
        `7  Prometheus - Intro, Deep Dive, And Open Q+A  (kubecon-na-2022.md:${PROMETHEUS_LINE})`,
        '  links to: nothing',
        '  linked from:',
        `    kubecon-na-2022.md:${CONTENTS_LINE}  Contents: Prometheus - Intro, Deep Dive, And Open Q+A`,
        '',
      ].join('\n'),
      stderr: '',
      status: 0,
    });
  });

  test('--json: the section, its outgoing links with their targets and kinds, its incoming links', () => {
    const [entry] = JSON.parse(runCli(['links', '--json', 'prometheus']).stdout);
    expect(Object.keys(entry)).toEqual(['section', 'outgoing', 'incoming']);
    expect(entry.section).toMatchObject({
      id: 'prometheus---intro-deep-dive-and-open-qa',
      number: '7',
      line: PROMETHEUS_LINE,
      file: 'kubecon-na-2022.md',
    });
    expect(entry.outgoing).toEqual([]);
    expect(entry.incoming).toEqual([
      { id: 'contents', file: 'kubecon-na-2022.md', line: CONTENTS_LINE, text: 'Prometheus - Intro, Deep Dive, And Open Q+A' },
    ]);
    const [helm] = JSON.parse(runCli(['links', '--json', '6.8']).stdout);
    expect(helm.outgoing).toEqual([
      {
        text: 'Helm Website',
        href: 'https://helm.sh',
        line: bundledLine('[Helm Website](https://helm.sh)'),
        target: null,
        kind: 'external',
      },
      {
        text: 'https://lists.cncf.io/g/cncf-helm',
        href: 'https://lists.cncf.io/g/cncf-helm',
        line: bundledLine('Mailing List: https://lists.cncf.io/g/cncf-helm'),
        target: null,
        kind: 'external',
      },
    ]);
  });

  test('on a folder: targets by number and path (with their file), whole files, wiki links, and every section the query picks', () => {
    const { stdout, status } = runCli(['-f', fixtures, 'links', 'demo']);
    expect(status).toBe(0);
    expect(stdout).toBe(
      [
        '8  Demo  (reference/api.md:5)',
        '  links to: nothing',
        '  linked from:',
        '    guide/deep/nested.md:4  5  Nested: API reference#Demo',
        '    reference/api.md:21  13  Errors: first demo',
        '    reference/api.md:21  13  Errors: #Demo',
        '',
        '9  Demo  (reference/api.md:9)',
        '  links to: nothing',
        '  linked from:',
        '    README.md:9  1  Contents: The second demo',
        '    reference/api.md:21  13  Errors: the second',
        '',
      ].join('\n'),
    );
    const [nested] = JSON.parse(runCli(['-f', fixtures, 'links', '--json', 'nested']).stdout);
    expect(nested.outgoing).toEqual([
      {
        text: 'the requirements',
        href: '../setup.md#requirements',
        line: 3,
        target: { id: 'requirements', file: 'guide/setup.md', number: '6', path: ['Requirements'] },
        kind: 'file+anchor',
      },
      {
        text: 'wiki links',
        href: '../../README.md#wiki-links',
        line: 3,
        target: { id: 'wiki-links', file: 'README.md', number: '2', path: ['Wiki links'] },
        kind: 'file+anchor',
      },
      {
        text: 'API reference#Demo',
        href: 'API reference#Demo',
        line: 4,
        target: { id: 'demo', file: 'reference/api.md', number: '8', path: ['Demo'] },
        kind: 'wiki',
      },
      {
        text: 'legacy errors',
        href: '../../reference/api.md#legacy-errors',
        line: 5,
        target: { id: 'errors', file: 'reference/api.md', number: '13', path: ['Errors'] },
        kind: 'file+anchor',
      },
    ]);
    const [contents] = JSON.parse(runCli(['-f', fixtures, 'links', '--json', 'contents']).stdout);
    expect(contents.outgoing[0]).toEqual({
      text: 'Setup',
      href: 'guide/setup.md',
      line: 7,
      target: { id: null, file: 'guide/setup.md', number: null, path: [] },
      kind: 'file',
    });
  });

  test('broken links are said to be broken; a query that matches nothing exits 1', () => {
    const { stdout } = runCli(['-f', fixtures, 'links', 'broken links']);
    expect(stdout).toContain('    3  Missing file → broken: no file guide/setpu.md in the notes\n');
    expect(runCli(['links', 'nosuchthingatall']).status).toBe(1);
  });
});

describe('show and export through the CLI', () => {
  test("show names each Contents link's target by number", () => {
    const { stdout } = runCli(['--width', '200', 'show', 'contents']);
    expect(stdout).toContain('  • Prometheus - Intro, Deep Dive, And Open Q+A (→ 7)\n');
  });

  test("the exported page leads each Contents link to its heading, and the folder's cross-file links too", () => {
    const page = runCli(['-f', fixtures, 'export', '--format', 'html']).stdout;
    expect(page).toContain('<a href="#install-with-helm">Install with Helm</a>');
    expect(page).toContain('<a href="#errors">the errors</a>');
  });
});
