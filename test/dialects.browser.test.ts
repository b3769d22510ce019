// The Hugo fixture's HTML export in headless Chromium (as test/html.browser.test.ts runs it): every ref and
// site-root link, in text, in a callout, in a tab and in raw HTML, is a working link that lands on its target.
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './helpers/chromium.js';
import { runCli } from './helpers/cli.js';
import { fixturePath } from './helpers/notes.js';

jest.setTimeout(120_000); // a browser start on a shared machine

let folder: string;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  if (!hasChromium) return;
  folder = mkdtempSync(join(tmpdir(), 'kubenotes-dialects-browser-'));
  const exported = runCli(['-f', fixturePath('dialects/hugo'), 'export', '-o', join(folder, 'hugo.html')]);
  expect(exported.status).toBe(0);
  browser = await launchChromium(folder, {
    viewport: { width: 1280, height: 900 },
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  await page.goto(pathToFileURL(join(folder, 'hugo.html')).href, { waitUntil: 'load' });
});

afterAll(async () => {
  await browser?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Each link of the notes' text (not the Contents), by its text → the heading its target sits under. */
const REF_LINKS: Array<[string, string]> = [
  ['quickstart', 'Run the widget'], // ref "quickstart": the page, by its first heading
  ['naming practices', 'Rules'], // /docs/practices/naming/
  ['widget CLI', 'Requirements'], // ref install.md, in an alert
  ['named', 'Rules'], // relref "practices/naming.md#rules", in a note
  ['rules', 'Rules'], // /docs/practices/naming.md#rules
  ['old setup page', 'Requirements'], // an alias
  ['the installing page', 'Requirements'], // a slug
  ['Install card', 'Requirements'], // ref in an HTML attribute
];

(hasChromium ? describe : describe.skip)('the Hugo fixture exported, in headless Chromium', () => {
  test('every ref and site-root link lands on its target', async () => {
    for (const [text, heading] of REF_LINKS) {
      const link = page
        .locator('main a, article a, body a')
        .filter({ hasText: new RegExp(`^${text}$`) })
        .first();
      const href = await link.getAttribute('href');
      expect(`${text} → ${href?.startsWith('#') ? 'anchor' : href}`).toBe(`${text} → anchor`);
      await link.click();
      // the element the hash names exists, and is the heading expected (or inside its section)
      const landed = await page.evaluate(() => {
        const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
        return target ? target.textContent?.replace(/^[\d.]+\s*/, '').trim() : null;
      });
      expect(`${text} → ${landed}`).toBe(`${text} → ${heading}`);
    }
  });

  test('the Python and Go tabs are labelled; the alert is a titled warning box', async () => {
    expect(await page.locator('p.tab').allTextContents()).toEqual(['Python', 'Go']);
    expect(await page.locator('div.callout-warning p.callout-title').textContent()).toBe('Before you begin');
  });
});
