// Real notes folders through the built CLI: front matter, a title per file, folder walking, show by file, edit.
import { describe, expect, test } from '@jest/globals';
import { chmodSync, cpSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cleanEnv, runCli } from './helpers/cli.js';
import { fixturePath } from './helpers/notes.js';
import { scratchFolder } from './helpers/scratch.js';

const hugo = fixturePath('sites/hugo-docs');
const jekyll = fixturePath('sites/jekyll-blog');
const vault = fixturePath('sites/obsidian-vault');
const FRONT_MATTER_KEY = /^(title|linkTitle|weight|description|tags|type|menu|layout|date|categories|author|aliases|status)\b/;

interface JsonSection {
  id: string;
  number: string | null;
  title: string;
  line: number;
  file: string;
}
const listJson = (folder: string) => JSON.parse(runCli(['list', '--json', '-f', folder]).stdout);

describe('list on real notes folders', () => {
  test('files in list --json: each file, its title and front-matter meta, in reading order', () => {
    expect(listJson(hugo).files).toEqual([
      {
        file: 'content/docs/_index.md',
        title: 'Documentation',
        meta: { weight: 1, description: 'Everything about running the widget service', type: 'docs' },
      },
      {
        file: 'content/docs/install.md',
        title: 'Installation',
        meta: { linktitle: 'Install', weight: 2, description: 'How to install the widget service on a cluster', tags: ['install', 'helm'] },
      },
      {
        file: 'content/docs/configure/_index.md',
        title: 'Configuration',
        meta: { weight: 3, description: 'Settings the widget service reads', date: '2022-10-24', tags: ['config'] },
      },
      { file: 'content/docs/configure/options.md', title: 'Options: every flag', meta: { weight: 4 } },
    ]);
  });

  test('titles come from front matter, then the H1, then the file name', () => {
    expect(listJson(vault).files.map((f: { title: string }) => f.title)).toEqual(['2024-01-05', 'Kubernetes', 'Argo CD']);
    expect(listJson(jekyll).files.map((f: { file: string; title: string }) => `${f.file} → ${f.title}`)).toEqual([
      'index.md → index',
      '_posts/2022-11-02-helm-tips.md → Helm tips',
      '_posts/2022-10-24-kubecon-recap.md → KubeCon NA 2022 recap',
    ]);
  });

  test('no front-matter key is a section; file is relative with /; lines count the front matter', () => {
    const sections: JsonSection[] = listJson(hugo).sections;
    expect(sections.filter((s) => FRONT_MATTER_KEY.test(s.title))).toEqual([]);
    expect(sections.map((s) => `${s.file}:${s.line} ${s.number} ${s.title}`)).toEqual([
      'content/docs/_index.md:10 1 Overview',
      'content/docs/install.md:12 2 Prerequisites',
      'content/docs/install.md:18 2.1 Helm chart',
      'content/docs/install.md:31 3 Verify',
      'content/docs/configure/_index.md:9 4 Environment',
      'content/docs/configure/_index.md:13 4.1 WIDGET_PORT',
      'content/docs/configure/options.md:6 5 Flags',
      'content/docs/configure/options.md:8 5.1 --verbose',
    ]);
    const source = readFileSync(join(hugo, 'content/docs/install.md'), 'utf8').split('\n');
    expect(source[18 - 1]).toBe('### Helm chart');
  });

  test('a single file is named by itself; its front matter title is the title', () => {
    const json = JSON.parse(runCli(['list', '--json', '-f', join(hugo, 'content/docs/install.md')]).stdout);
    expect(json.title).toBe('Installation');
    expect(json.files.map((f: { file: string }) => f.file)).toEqual(['install.md']);
    expect(json.sections[0].file).toBe('install.md');
  });

  test('human list: each file title with its file, its sections below it', () => {
    const { stdout, stderr, status } = runCli(['list', '-f', jekyll]);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(
      [
        'index  (index.md)',
        '',
        'Helm tips  (_posts/2022-11-02-helm-tips.md)',
        '',
        '1  Templates',
        '2  Testing',
        '',
        'KubeCon NA 2022 recap  (_posts/2022-10-24-kubecon-recap.md)',
        '',
        '3  Argo Workflows',
        '4  Takeaways',
        '',
      ].join('\n'),
    );
  });

  test('broken front matter in a folder: one warning line on stderr naming file and line; the rest is listed, exit 0', () => {
    const { stdout, stderr, status } = runCli(['list', '--json', '-f', fixturePath('frontmatter')]);
    expect(status).toBe(0);
    expect(stderr).toMatch(/^kubenotes: warning: broken-yaml\.md:4: front matter not read: [^\n]+\n$/);
    expect(JSON.parse(stdout).files).toHaveLength(7);
  });

  // /proc/self/mem is a file that even root cannot read (EIO), unlike a file of mode 000
  const procMem = existsSync('/proc/self/mem') ? test : test.skip;
  procMem('an unreadable file in a folder: skipped with a warning, the rest listed, exit 0 (needs Linux /proc)', () => {
    const folder = scratchFolder('kubenotes-unreadable-');
    writeFileSync(join(folder, 'open.md'), '# Open\n\n## Readable\n');
    symlinkSync('/proc/self/mem', join(folder, 'broken.md'));
    const { stdout, stderr, status } = runCli(['list', '--json', '-f', folder]);
    expect(status).toBe(0);
    expect(stderr).toMatch(/^kubenotes: warning: broken\.md: file skipped: [^\n]+\n$/);
    expect(JSON.parse(stdout).files.map((f: { file: string }) => f.file)).toEqual(['open.md']);
  });
});

describe('show in a folder', () => {
  const shown = (...query: string[]) => {
    const { stdout, status } = runCli(['show', '--json', '-f', hugo, ...query]);
    return status === 0 ? JSON.parse(stdout).map((s: JsonSection) => `${s.file}#${s.id}`) : status;
  };

  test('path/to/file.md#anchor, or the end of the path', () => {
    expect(shown('content/docs/install.md#helm-chart')).toEqual(['content/docs/install.md#helm-chart']);
    expect(shown('install.md#helm-chart')).toEqual(['content/docs/install.md#helm-chart']);
    expect(shown('configure/_index.md#environment')).toEqual(['content/docs/configure/_index.md#environment']);
  });

  test('an anchor the file does not have: exit 1 with the file’s closest anchors', () => {
    const { stderr, status } = runCli(['show', '-f', hugo, 'install.md#helm-chrt']);
    expect(status).toBe(1);
    expect(stderr).toMatch(/no section matches "install\.md#helm-chrt"\ndid you mean: .*"content\/docs\/install\.md#helm-chart"/);
  });

  test("a file's title as the first step of a path; its words as context", () => {
    expect(shown('installation/helm chart')).toEqual(['content/docs/install.md#helm-chart']);
    expect(shown('configuration/port')).toEqual(['content/docs/configure/_index.md#widget_port']);
    expect(shown('options', 'verbose')).toEqual(['content/docs/configure/options.md#--verbose']);
  });

  test('a Hugo notice is a callout; --raw keeps the shortcodes; a # comment in a highlight block is code, not a heading', () => {
    const { stdout } = runCli(['show', '-f', hugo, 'helm chart']);
    expect(stdout).toContain('# add the repository first');
    expect(stdout).toContain('│ Tip\n│ Pin the chart version in production.');
    const raw = runCli(['show', '--raw', '-f', hugo, 'prerequisites']).stdout;
    expect(raw).toContain('{{<figure src="/images/arch.png" title="Architecture">}}');
    const titles = listJson(jekyll).sections.map((s: JsonSection) => s.title);
    expect(titles).not.toContain('a workflow with one step');
  });
});

describe('kubenotes edit', () => {
  const scratch = scratchFolder('kubenotes-edit-');
  const argsFile = join(scratch, 'args');
  /** A stand-in editor called `name` that records its arguments, one a line, and exits with `status`. */
  const standIn = (name: string, status = 0): string => {
    const path = join(scratch, name);
    writeFileSync(path, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\nexit ${status}\n`);
    chmodSync(path, 0o755);
    return path;
  };
  const edit = (env: NodeJS.ProcessEnv, ...args: string[]) => {
    writeFileSync(argsFile, '');
    const result = runCli(['edit', '-f', hugo, ...args], { env: cleanEnv(env) });
    return { ...result, args: readFileSync(argsFile, 'utf8').split('\n').filter(Boolean) };
  };
  const install = resolve(hugo, 'content/docs/install.md');

  test('$VISUAL vim: +LINE file, at the heading line; nothing on stdout', () => {
    const { stdout, stderr, status, args } = edit({ VISUAL: standIn('vim') }, 'helm', 'chart');
    expect({ stdout, stderr, status }).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(args).toEqual(['+18', install]);
  });

  test('$EDITOR when $VISUAL is unset; VS Code gets --goto file:line; the editor’s own options are kept', () => {
    expect(edit({ EDITOR: `${standIn('code')} --wait` }, 'install.md#verify').args).toEqual(['--wait', '--goto', `${install}:31`]);
    expect(edit({ VISUAL: standIn('nano'), EDITOR: standIn('code') }, 'verify').args).toEqual(['+31', install]);
  });

  test('neither set: vi from the PATH', () => {
    standIn('vi');
    const { status, args } = edit({ PATH: `${scratch}:${process.env.PATH}` }, 'flags');
    expect(status).toBe(0);
    expect(args).toEqual(['+6', resolve(hugo, 'content/docs/configure/options.md')]);
  });

  test('an editor not known here gets the file alone', () => {
    expect(edit({ VISUAL: standIn('my-editor') }, 'verify').args).toEqual([install]);
  });

  test('no editor found: a clear message, exit 2', () => {
    const { stderr, status } = edit({ VISUAL: join(scratch, 'no-such-editor') }, 'verify');
    expect(status).toBe(2);
    expect(stderr).toMatch(/^kubenotes: editor ".*no-such-editor" was not found; set \$VISUAL or \$EDITOR/);
    const bare = edit({ PATH: scratch.replace(/$/, '/empty') }, 'verify');
    expect(bare.status).toBe(2);
    expect(bare.stderr).toMatch(/the default editor \(vi\) was not found/);
  });

  test('an editor that fails: its status in the message, exit 2', () => {
    const { stderr, status } = edit({ VISUAL: standIn('vim-failing', 1) }, 'verify');
    expect(status).toBe(2);
    expect(stderr).toMatch(/exited with status 1/);
  });

  test('several equal matches: refused with where each is, exit 2; --first opens the best', () => {
    const notes = ['-f', fixturePath('frontmatter')];
    writeFileSync(argsFile, '');
    const many = runCli(['edit', ...notes, 'first'], { env: cleanEnv({ VISUAL: standIn('vim') }) });
    expect(many.status).toBe(2);
    expect(many.stderr).toMatch(
      /"first" matches 4 sections; name one by its number or path, or add --first:\n {2}1 {2}First {2}\(toml\.md:10\)/,
    );
    expect(readFileSync(argsFile, 'utf8')).toBe('');
    const first = runCli(['edit', ...notes, '--first', 'first'], { env: cleanEnv({ VISUAL: standIn('vim') }) });
    expect(first.status).toBe(0);
    expect(readFileSync(argsFile, 'utf8')).toBe(`+10\n${resolve(fixturePath('frontmatter/toml.md'))}\n`);
  });

  test('standard input cannot be edited: exit 2 with a message', () => {
    const { stderr, status } = runCli(['edit', '-f', '-', 'a'], { input: '## A\n', env: cleanEnv({ VISUAL: standIn('vim') }) });
    expect(status).toBe(2);
    expect(stderr).toMatch(/standard input cannot be edited/);
  });

  test('edit in a copied tree edits that file', () => {
    const copy = join(scratch, 'copy');
    cpSync(hugo, copy, { recursive: true });
    writeFileSync(argsFile, '');
    runCli(['edit', '-f', copy, 'verify'], { env: cleanEnv({ VISUAL: standIn('nvim') }) });
    expect(readFileSync(argsFile, 'utf8')).toBe(`+31\n${join(copy, 'content/docs/install.md')}\n`);
  });
});
