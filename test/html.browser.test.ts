// The exported page in a real browser: Debian's headless Chromium, driven by playwright-core. It loads with no console
// message and no request but its own, shows the eight talks, follows a Contents link, and looks like a page in
// light and dark (screenshots kept in $TMPDIR/kubenotes-screenshots/ to look at).
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, hasChromium, launchChromium } from './helpers/chromium.js';
import { runCli } from './helpers/cli.js';
import { bundledCollection } from './helpers/notes.js';

jest.setTimeout(120_000); // a browser start on a shared machine
if (!hasChromium) console.warn(`skipping the browser tests: ${CHROMIUM} is missing (.ci/run installs Debian's chromium)`);

// CI installs chromium, so there its absence is a failure, not a reason to skip
(hasChromium || process.env.CI !== 'true' ? test.skip : test)('Chromium is installed where CI runs', () => {
  expect(existsSync(CHROMIUM)).toBe(true);
});

const SCREENSHOTS = join(tmpdir(), 'kubenotes-screenshots');
const talks = bundledCollection().sections.filter((s) => s.level === 2 && s.number !== null);

let folder: string;
let browser: BrowserContext;
let page: Page;
const pageUrl = (): string => pathToFileURL(join(folder, 'kubecon.html')).href;
/** Everything the page said or asked for besides loading itself. */
const events: string[] = [];

beforeAll(async () => {
  if (!hasChromium) return;
  folder = mkdtempSync(join(tmpdir(), 'kubenotes-browser-'));
  const exported = runCli(['export', '-o', join(folder, 'kubecon.html')]);
  expect(exported.status).toBe(0);
  browser = await launchChromium(folder, {
    viewport: { width: 1280, height: 900 },
    colorScheme: 'light',
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  page.on('console', (message) => events.push(`console ${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => events.push(`page error: ${error.message}`));
  page.on('request', (request) => request.url() !== pageUrl() && events.push(`request: ${request.url()}`));
  page.on('requestfailed', (request) => events.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
  await page.goto(pageUrl(), { waitUntil: 'load' });
});

afterAll(async () => {
  await browser?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

(hasChromium ? describe : describe.skip)('the exported page in headless Chromium', () => {
  test('loads with no console message, no error, and no request but the page itself; runs no script', async () => {
    expect(await page.title()).toBe('Session Notes and Thoughts');
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(events).toEqual([]);
  });

  test('has the 8 talk headings, with the ids of list --json', async () => {
    const headings = await page.$$eval('main h2:has(.number)', (h2s) => h2s.map((h2) => ({ id: h2.id, text: h2.textContent })));
    expect(headings).toEqual(talks.map((talk) => ({ id: talk.id, text: `${talk.number} ${talk.title}` })));
  });

  test('every in-page link leads to an element of the page', async () => {
    const dangling = await page.$$eval('a[href^="#"]', (links) =>
      links.map((a) => (a as HTMLAnchorElement).hash.slice(1)).filter((id) => !document.getElementById(decodeURIComponent(id))),
    );
    expect(dangling).toEqual([]);
    expect(await page.locator('a[href^="#"]').count()).toBeGreaterThan(60);
  });

  test("a link of the notes' own Contents scrolls to its talk", async () => {
    const last = talks.at(-1)!;
    await page.locator(`#contents ~ ul a[href="#${last.id}"]`).click();
    expect(await page.evaluate(() => decodeURIComponent(location.hash))).toBe(`#${last.id}`);
    const target = await page.evaluate(() => {
      const heading = document.querySelector(':target');
      return { id: heading?.id, top: heading?.getBoundingClientRect().top, scrolled: window.scrollY, height: window.innerHeight };
    });
    expect(target.id).toBe(last.id);
    expect(target.scrolled).toBeGreaterThan(1000);
    expect(target.top).toBeGreaterThanOrEqual(0);
    expect(target.top).toBeLessThan(target.height / 2);
    await page.goto(pageUrl(), { waitUntil: 'load' }); // back to the top for the screenshots
  });

  test.each(['light', 'dark'] as const)(
    'a screenshot in %s colours is a real page: many colours, none taking nearly all of it',
    async (scheme) => {
      await page.emulateMedia({ colorScheme: scheme });
      const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      expect(background).toBe(scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(13, 17, 23)');
      mkdirSync(SCREENSHOTS, { recursive: true });
      const png = await page.screenshot({ path: join(SCREENSHOTS, `export-${scheme}.png`) });
      expect(png.length).toBeGreaterThan(20_000);
      const colours = await pngColours(png);
      expect(colours.distinct).toBeGreaterThan(50);
      expect(colours.commonest).toBeLessThan(0.95);
      expect(events).toEqual([]);
    },
  );
});

/** The number of distinct colours in a PNG and the share of its commonest, read by drawing it on a canvas. */
async function pngColours(png: Buffer): Promise<{ distinct: number; commonest: number }> {
  const canvasPage = await browser.newPage();
  try {
    return await canvasPage.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [image.width, image.height];
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = new Uint32Array(context.getImageData(0, 0, image.width, image.height).data.buffer);
      const counts = new Map<number, number>();
      for (const pixel of pixels) counts.set(pixel, (counts.get(pixel) ?? 0) + 1);
      return { distinct: counts.size, commonest: Math.max(...counts.values()) / pixels.length };
    }, png.toString('base64'));
  } finally {
    await canvasPage.close();
  }
}
