// `npm run bench:typing`: how long the browser takes from a key to the frame that shows it, typing in a real terminal
// (tmux, 120×40) on a generated folder of 5,000 sections. Each key is sent on its own, after the frame of the last one;
// the browser, run with KUBENOTES_FRAME_TRACE, writes when it read each key and when the frame was written.
// Prints the median and worst of: key read → frame written (in the process), and key sent → frame written (tmux too).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeGeneratedNotes } from '../helpers/generated-notes.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const server = `kubenotes-typing-${process.pid}`;
const now = (): number => performance.timeOrigin + performance.now();
const tmux = (...args: string[]): string => spawnSync('tmux', ['-L', server, ...args], { encoding: 'utf8' }).stdout;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Queries typed a character at a time, Ctrl-U between them; then a few moves down the list. */
const QUERIES = ['redis spec meta', 'kafka bindings setup', 'related links 3', 'postgres auth', 'component 42', 'mqtt retries'];
/** How long a key may take to show before the run is called stuck. */
const HANG_MS = 30_000;

async function waitForTrace(file: string, lines: number): Promise<void> {
  const deadline = Date.now() + HANG_MS;
  while (Date.now() < deadline) {
    if (existsSync(file) && readFileSync(file, 'utf8').split('\n').filter(Boolean).length >= lines) return;
    await sleep(5);
  }
  throw new Error(`the browser drew no frame for key ${lines} in ${HANG_MS} ms`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const worst = (values: number[]) => Math.max(...values);
const percentile90 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.9)];

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'kubenotes-typing-'));
  const notes = writeGeneratedNotes(join(work, 'notes'));
  const trace = join(work, 'trace');
  const load = loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
  tmux('new-session', '-d', '-s', 'typing', '-x', '120', '-y', '40', 'sh');
  try {
    const command = `XDG_CACHE_HOME=${join(work, 'cache')} KUBENOTES_FRAME_TRACE=${trace} node ${join(repo, 'bin/kubenotes.js')} -f ${notes}`;
    tmux('send-keys', '-t', 'typing', '-l', command);
    tmux('send-keys', '-t', 'typing', 'Enter');
    const deadline = Date.now() + HANG_MS;
    while (!/^\? Section/m.test(tmux('capture-pane', '-t', 'typing', '-p'))) {
      if (Date.now() > deadline) throw new Error('the browser did not start');
      await sleep(20);
    }
    const sent: number[] = [];
    const send = async (...key: string[]) => {
      sent.push(now());
      tmux('send-keys', '-t', 'typing', ...key);
      await waitForTrace(trace, sent.length);
      await sleep(60); // a typist's pace; the preview of a resting cursor is rendered in such gaps
    };
    for (const query of QUERIES) {
      for (const character of query) await send('-l', character);
      for (let i = 0; i < 3; i++) await send('Down');
      await send('C-u');
    }
    tmux('send-keys', '-t', 'typing', 'Escape');
    const frames = readFileSync(trace, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(' ').map(Number));
    const inProcess = frames.map(([read, written]) => written - read);
    // each frame against the last key sent before it was read (a key may come in more than one read)
    const endToEnd = frames.map(([read, written]) => written - sent.filter((time) => time <= read).at(-1)!);
    const row = (name: string, values: number[]) =>
      `| ${name} | ${median(values).toFixed(1)} | ${percentile90(values).toFixed(1)} | ${worst(values).toFixed(1)} |`;
    console.log(`Typing in the browser: ${frames.length} keys, 120×40, 5,000 sections (${QUERIES.length} queries, moves, Ctrl-U)`);
    console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, load average before the run: ${load}\n`);
    console.log('| key → redraw (ms) | median | 90th percentile | worst |');
    console.log('| --- | ---: | ---: | ---: |');
    console.log(row('key read → frame written (in kubenotes)', inProcess));
    console.log(row('key sent → frame written (tmux included)', endToEnd));
    console.log(
      `\nSlowest keys (key number: ms in kubenotes): ${inProcess
        .map((ms, index) => [index + 1, ms])
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([key, ms]) => `${key}: ${ms.toFixed(1)}`)
        .join(', ')}`,
    );
  } finally {
    tmux('kill-server');
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
