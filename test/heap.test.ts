// io/heap.ts: a command that goes through many MBs of notes holds its heap's growth, from the moment it does.
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { holdHeapGrowth, HOLD_HEAP_AFTER_BYTES } from '../src/io/heap.js';
import { cleanEnv } from './helpers/cli.js';
import { repoPath } from './helpers/notes.js';
import { scratchFolder } from './helpers/scratch.js';

describe("holding the heap's growth", () => {
  test('collects at once what is no longer live, so that the limit is set anew from what is', () => {
    // 100,000s of small objects kept through the young generation's collections (so in the old one), let go as the
    // function that made them returns
    const usedWithThem = (): number => {
      const kept = Array.from({ length: 400_000 }, (_, i) => ({ at: i, text: `object ${i}` }));
      expect(kept).toHaveLength(400_000);
      return getHeapStatistics().used_heap_size;
    };
    const before = usedWithThem();
    holdHeapGrowth();
    // what the objects took: tens of MB, gone before anything else runs
    expect(before - getHeapStatistics().used_heap_size).toBeGreaterThan(10 * 1024 * 1024);
  });

  test("is done by a search that reads more notes' texts than that, though it cuts few of their blocks", () => {
    const home = scratchFolder('kubenotes-heap-cache-');
    const folder = scratchFolder('kubenotes-heap-notes-');
    // each file: a short section the phrase's words are in, then a long one they are not (its blocks never cut)
    const filler = Array.from({ length: 500 }, (_, i) => `Rollout ${i} of the mesh policy went through staging.`).join(' ');
    const pageBytes = Buffer.byteLength(filler);
    const pages = Math.ceil((1.2 * HOLD_HEAP_AFTER_BYTES) / pageBytes);
    for (let i = 0; i < pages; i++)
      writeFileSync(join(folder, `page-${i}.md`), `# Page ${i}\n\n## Shift ${i}\n\nCanary traffic ${i}.\n\n## Notes ${i}\n\n${filler}\n`);
    const env = cleanEnv({ XDG_CACHE_HOME: home });
    const kubenotes = (...args: string[]) =>
      spawnSync(
        process.execPath,
        ['--require', repoPath('test/helpers/trace-v8-flags.cjs'), repoPath('bin/kubenotes.js'), '-f', folder, ...args],
        {
          env,
          encoding: 'utf8',
        },
      );
    const first = kubenotes('list');
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/^\[v8 flags\] .*--heap-growing-percent=50/m); // parsing them
    const search = kubenotes('search', '--limit', '3', '"canary traffic"');
    expect(search.status).toBe(0);
    expect(search.stdout).toMatch(/Canary traffic 0\./);
    expect(search.stderr).toMatch(/^\[v8 flags\] .*--heap-growing-percent=50/m);
  });
});
