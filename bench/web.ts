/**
 * The editor in Chromium on a generated 500-table design served by the real `retort serve`:
 * time until every visible table node is painted, frames during a 2-second pan, and the
 * size of the production bundle.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { largeDesign } from '@retort/testing/large-design';
import { startRetort } from '../e2e/retort-server';
import type { Measurement } from './timing';

const root = path.resolve(import.meta.dirname, '..');
const TABLES = 500;
const PAN_MS = 2000;

async function bundleSize(): Promise<Measurement[]> {
  execFileSync('npm', ['run', 'build', '-w', '@retort/web'], { cwd: root, stdio: 'ignore' });
  const assets = path.join(root, 'apps/web/dist/assets');
  let bytes = 0;
  let gzip = 0;
  for (const name of await readdir(assets)) {
    const content = await readFile(path.join(assets, name));
    bytes += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  // What the first page load fetches: the files index.html names (later panels load lazily).
  const html = await readFile(path.join(root, 'apps/web/dist/index.html'), 'utf8');
  let initialGzip = 0;
  for (const [, href] of html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)) {
    initialGzip += gzipSync(await readFile(path.join(assets, href ?? '')), { level: 9 }).length;
  }
  return [
    { name: 'web bundle (dist/assets)', value: Math.round(bytes / 1024), unit: 'KiB' },
    { name: 'web bundle gzip', value: Math.round(gzip / 1024), unit: 'KiB' },
    {
      name: 'web first load gzip (index.html assets)',
      value: Math.round(initialGzip / 1024),
      unit: 'KiB',
    },
  ];
}

export async function benchWeb(): Promise<Measurement[]> {
  const results = await bundleSize();
  const projectDir = await mkdtemp(path.join(tmpdir(), 'retort-bench-web-'));
  const design = largeDesign(TABLES);
  await writeFile(path.join(projectDir, 'design.json'), `${JSON.stringify(design, null, 2)}\n`);
  const server = await startRetort(projectDir, { DATABASE_URL: '' });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    // The page's CSP forbids eval, which string predicates need; it changes nothing else.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      bypassCSP: true,
    });
    const page = await context.newPage();
    await page.goto(server.url);
    // Painted: nodes exist and React Flow has measured them all (it hides unmeasured ones).
    // Strings, not functions: the TypeScript runner's helpers do not exist in the page.
    await page.waitForFunction(
      `(() => {
        const nodes = [...document.querySelectorAll('.react-flow__node')];
        return nodes.length > 0 && nodes.every((n) => n.style.visibility !== 'hidden');
      })()`,
      undefined,
      { timeout: 120_000, polling: 'raf' },
    );
    const firstRender = await page.evaluate<{ ms: number; nodes: number }>(
      `new Promise((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() =>
            resolve({
              ms: performance.now(),
              nodes: document.querySelectorAll('.react-flow__node').length,
            }),
          ),
        ),
      )`,
    );
    results.push({
      name: `web first render ${TABLES} tables (${firstRender.nodes} visible)`,
      value: Math.round(firstRender.ms),
      unit: 'ms',
    });

    // Zoom in to a working scale, so the pan moves tables in and out of view.
    await page.evaluate(`document.querySelector('.react-flow__controls-zoomin')?.click()`);
    await page.waitForTimeout(300);
    await page.evaluate(`(() => {
      window.__frames = [];
      window.__recording = true;
      const tick = (t) => {
        window.__frames.push(t);
        if (window.__recording) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    const pane = await page.locator('.react-flow__pane').boundingBox();
    if (!pane) throw new Error('The canvas is not on screen.');
    const start = { x: pane.x + pane.width * 0.8, y: pane.y + pane.height * 0.7 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    const began = Date.now();
    let i = 0;
    while (Date.now() - began < PAN_MS) {
      const f = (Date.now() - began) / PAN_MS;
      await page.mouse.move(
        start.x - f * pane.width * 0.6,
        start.y - f * pane.height * 0.5 + (i % 2),
      );
      i++;
    }
    await page.mouse.up();
    const frames = await page.evaluate<number[]>(
      '(() => { window.__recording = false; return window.__frames; })()',
    );
    const duration = (frames.at(-1) ?? 0) - (frames[0] ?? 0);
    let longest = 0;
    for (let f = 1; f < frames.length; f++) {
      longest = Math.max(longest, (frames[f] ?? 0) - (frames[f - 1] ?? 0));
    }
    results.push(
      {
        name: `web pan ${TABLES} tables fps`,
        value: duration > 0 ? Math.round(((frames.length - 1) * 1000 * 10) / duration) / 10 : 0,
        unit: 'fps',
      },
      { name: `web pan ${TABLES} tables longest frame`, value: Math.round(longest), unit: 'ms' },
    );
  } finally {
    await browser.close();
    await server.stop();
    await rm(projectDir, { recursive: true, force: true });
  }
  return results;
}
