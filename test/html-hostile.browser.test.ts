// Every way a note could try to run code, load something or take input (test/fixtures/hostile-html.md), exported
// through the CLI as a whole page, a section, a folder of two files and a file written with -o, then opened in
// headless Chromium with the page's Content-Security-Policy bypassed: the sanitiser alone must hold. Nothing runs,
// no dialog opens, nothing is requested but the page (and images beside it), and no element keeps a handler.
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { CHROMIUM, hasChromium, launchChromium } from './helpers/chromium.js';
import { runCli } from './helpers/cli.js';
import { fixturePath } from './helpers/notes.js';

jest.setTimeout(120_000);
if (!hasChromium) console.warn(`skipping the hostile HTML browser tests: ${CHROMIUM} is missing (.ci/run installs it)`);

let folder: string;
let browser: BrowserContext;

/** The exports, each as the command line that writes it into the folder. */
const EXPORTS: Array<[string, string[]]> = [
  ['the whole notes, from stdout', ['-f', 'hostile.md', 'export', '--format', 'html']],
  ['one section', ['-f', 'hostile.md', 'export', '--format', 'html', 'event handlers']],
  ['a folder of two files, the first leaving tags open', ['-f', 'notes', 'export', '--format', 'html']],
  ['a file written with -o', ['-f', 'hostile.md', 'export', '-o', 'written.html']],
];

beforeAll(async () => {
  if (!hasChromium) return;
  folder = mkdtempSync(join(tmpdir(), 'kubenotes-hostile-html-'));
  copyFileSync(fixturePath('hostile-html.md'), join(folder, 'hostile.md'));
  mkdirSync(join(folder, 'notes'));
  copyFileSync(fixturePath('hostile-html.md'), join(folder, 'notes', 'a.md'));
  writeFileSync(join(folder, 'notes', 'b.md'), '# Second file\n\n## After\n\nthis text is in no open tag of the first file\n');
  EXPORTS.forEach(([, args], i) => {
    const { stdout, status } = runCli(args, { cwd: folder });
    expect(status).toBe(0);
    if (!args.includes('-o')) writeFileSync(join(folder, `export-${i}.html`), stdout);
  });
  browser = await launchChromium(folder, {
    bypassCSP: true, // the page's own policy would stop a script the sanitiser let through: take it away
  });
});

afterAll(async () => {
  await browser?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

(hasChromium ? describe : describe.skip)('hostile HTML in an exported page, in headless Chromium, its CSP bypassed', () => {
  test.each(EXPORTS.map(([name, args], i) => [name, args.includes('-o') ? 'written.html' : `export-${i}.html`]))(
    '%s: nothing runs, loads or listens',
    async (_name, file) => {
      const url = pathToFileURL(join(folder, file)).href;
      const events: string[] = [];
      const page = await browser.newPage();
      page.on('dialog', (dialog) => {
        events.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      // an image beside the page that is not there (`<img src=x>`) is no event: the page may show such images
      page.on(
        'console',
        (message) => message.text() !== 'Failed to load resource: net::ERR_FILE_NOT_FOUND' && events.push(`console: ${message.text()}`),
      );
      page.on('pageerror', (error) => events.push(`page error: ${error.message}`));
      // the page, and images beside it (which a page may show), are all it may ask for
      page.on('request', (request) => !request.url().startsWith(pathToFileURL(folder).href) && events.push(`request: ${request.url()}`));
      await page.goto(url, { waitUntil: 'load' });
      // hover, click and focus everything a handler could have been left on, then give timers a moment
      await page.evaluate(() => {
        for (const element of document.querySelectorAll('body *')) {
          for (const type of ['mouseover', 'click', 'focus', 'toggle', 'error', 'load']) element.dispatchEvent(new Event(type));
        }
      });
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned)).toBeUndefined();
      expect(events).toEqual([]);
      const leftovers = await page.evaluate(() => {
        const main = document.querySelector('main')!;
        const active = [
          ...main.querySelectorAll('script, iframe, object, embed, form, input, button, svg, math, style, link, meta, base, template'),
        ].map((e) => e.tagName);
        const attributes = [...main.querySelectorAll('*')].flatMap((element) =>
          [...element.attributes]
            .filter(
              (a) =>
                /^on/i.test(a.name) ||
                a.name === 'style' ||
                a.name === 'srcset' ||
                /^\s*(javascript|vbscript|data:(?!image\/(png|gif|jpeg|webp|avif|bmp)))/i.test(a.value),
            )
            .map((a) => `${element.tagName} ${a.name}=${a.value}`),
        );
        return [...active, ...attributes];
      });
      expect(leftovers).toEqual([]);
      expect(page.url()).toBe(url); // no refresh took it elsewhere
      await page.close();
    },
  );

  test("the folder export: the second file's text is in no tag the first left open", async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(folder, 'export-2.html')).href, { waitUntil: 'load' });
    const parents = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.textContent?.includes('in no open tag')) {
          const names: string[] = [];
          for (let parent = node.parentElement; parent; parent = parent.parentElement) names.push(parent.tagName);
          return names;
        }
      }
      return [];
    });
    expect(parents).toEqual(['P', 'ARTICLE', 'MAIN', 'DIV', 'BODY', 'HTML'].filter((name) => parents.includes(name)));
    expect(parents).not.toContain('B');
    await page.close();
  });
});
