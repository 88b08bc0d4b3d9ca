/**
 * The editor in Chromium, served by the real `retort serve`, on the 4-table example and on
 * generated designs of 150, 500 and 1000 tables, all in the same run so their ratios mean
 * something on a busy machine: time until the tables are painted, auto-layout (elkjs plus
 * the redraw), and frame times while panning (at the opening zoom and zoomed out to the
 * whole design) and while dragging a table. Also the size of the production bundle.
 *
 * Frame times follow the machine's load (two cores shared with other work make a 17 ms frame
 * 50 ms), so each step also reports the CPU time the page's renderer process spent on it
 * (Chromium's `ProcessTime`, raster threads included): the work the editor asked for,
 * which load stretches much less.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, type CDPSession, chromium, type Page } from '@playwright/test';
import { largeDesign } from '@retort/testing/large-design';
import { startRetort } from '../e2e/retort-server';
import type { Measurement } from './timing';

const root = path.resolve(import.meta.dirname, '..');
// `RETORT_BENCH_WEB_SIZES=4,1000 npm run bench -- web` runs a subset (the first is the baseline).
const SIZES = (process.env.RETORT_BENCH_WEB_SIZES ?? '4,150,500,1000').split(',').map(Number);
const GESTURE_MS = 2000;

async function bundleSize(): Promise<Measurement[]> {
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
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

interface FrameStats {
  p50: number;
  p95: number;
  worst: number;
  /** Renderer CPU time during the gesture, ms. */
  cpu: number;
}

interface SizeResult {
  tables: number;
  firstRender: number;
  firstRenderCpu: number;
  autoLayout: number;
  pan: FrameStats;
  panOverview: FrameStats;
  drag: FrameStats;
}

export async function benchWeb(): Promise<Measurement[]> {
  const results = await bundleSize();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const bySize: SizeResult[] = [];
  try {
    for (const tables of SIZES) bySize.push(await benchSize(browser, tables));
  } finally {
    await browser.close();
  }
  const base = bySize[0];
  for (const r of bySize) {
    const label = r.tables === 4 ? '4 tables (example)' : `${r.tables} tables`;
    results.push(
      { name: `web ${label} first render`, value: r.firstRender, unit: 'ms' },
      { name: `web ${label} first render renderer CPU`, value: r.firstRenderCpu, unit: 'ms' },
      { name: `web ${label} auto layout`, value: r.autoLayout, unit: 'ms' },
    );
    for (const [gesture, stats] of [
      ['pan', r.pan],
      ['pan zoomed out', r.panOverview],
      ['drag table', r.drag],
    ] as const) {
      results.push(
        { name: `web ${label} ${gesture} frame p50`, value: stats.p50, unit: 'ms' },
        { name: `web ${label} ${gesture} frame p95`, value: stats.p95, unit: 'ms' },
        { name: `web ${label} ${gesture} frame worst`, value: stats.worst, unit: 'ms' },
        { name: `web ${label} ${gesture} renderer CPU`, value: stats.cpu, unit: 'ms' },
      );
    }
    if (base && r !== base) {
      const ratio = (a: number, b: number) => Math.round((a / Math.max(b, 1)) * 100) / 100;
      results.push(
        {
          name: `web ${label} drag p95 / example drag p95`,
          value: ratio(r.drag.p95, base.drag.p95),
          unit: '×',
        },
        {
          name: `web ${label} pan p95 / example pan p95`,
          value: ratio(r.pan.p95, base.pan.p95),
          unit: '×',
        },
        {
          name: `web ${label} first render / (1.5 × example + 1 s)`,
          value: ratio(r.firstRender, base.firstRender * 1.5 + 1000),
          unit: '×',
        },
      );
    }
  }
  return results;
}

async function benchSize(browser: Browser, tables: number): Promise<SizeResult> {
  const projectDir = await mkdtemp(path.join(tmpdir(), 'retort-bench-web-'));
  if (tables === 4) {
    await copyFile(
      path.join(root, 'examples/shop/design.json'),
      path.join(projectDir, 'design.json'),
    );
  } else {
    const design = largeDesign(tables);
    await writeFile(path.join(projectDir, 'design.json'), `${JSON.stringify(design, null, 2)}\n`);
  }
  // A large design takes a while to open on a busy machine.
  const server = await startRetort(projectDir, { DATABASE_URL: '' }, 300_000);
  // The page's CSP forbids eval, which string predicates need; it changes nothing else.
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    bypassCSP: true,
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const cpuBefore = await rendererCpu(cdp);
    await page.goto(server.url);
    const firstRender = await painted(page);
    const firstRenderCpu = Math.round((await rendererCpu(cdp)) - cpuBefore);
    const step = (what: string) => console.error(`web ${tables} tables: ${what}`);
    step(`painted in ${firstRender} ms`);

    const pan = await recordFrames(page, cdp, () => panGesture(page));

    const started = await page.evaluate<number>('performance.now()');
    await page.getByRole('button', { name: 'Auto layout', exact: true }).first().click();
    await page.waitForFunction(
      `performance.getEntriesByName('retort:auto-layout').length > 0`,
      undefined,
      { timeout: 120_000, polling: 'raf' },
    );
    const autoLayout = Math.round((await painted(page)) - started);
    step(`laid out in ${autoLayout} ms`);

    await zoomTo(page, 'overview');
    step(`zoomed out to ${await currentZoom(page)}`);
    const panOverview = await recordFrames(page, cdp, () => panGesture(page));
    await zoomTo(page, 'working');
    step(`zoomed in to ${await currentZoom(page)}`);
    const drag = await recordFrames(page, cdp, () => dragGesture(page));
    return { tables, firstRender, firstRenderCpu, autoLayout, pan, panOverview, drag };
  } finally {
    await context.close();
    await server.stop();
    await rm(projectDir, { recursive: true, force: true });
  }
}

/** `performance.now()` once the nodes exist, React Flow has measured them, and two frames passed. */
async function painted(page: Page): Promise<number> {
  // Strings, not functions: the TypeScript runner's helpers do not exist in the page.
  await page.waitForFunction(
    `(() => {
      const nodes = [...document.querySelectorAll('.react-flow__node')];
      return nodes.length > 0 && nodes.every((n) => n.style.visibility !== 'hidden');
    })()`,
    undefined,
    { timeout: 120_000, polling: 'raf' },
  );
  const ms = await page.evaluate<number>(
    `new Promise((resolve) =>
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))))`,
  );
  return Math.round(ms);
}

/**
 * Zooms with the mouse wheel: out until the whole design shows, or in to 100 % around the
 * table nearest the centre of the view.
 */
async function zoomTo(page: Page, scale: 'overview' | 'working') {
  const pane = await paneBox(page);
  const around = scale === 'working' ? await nearestHeader(page) : null;
  await page.mouse.move(
    around?.x ?? pane.x + pane.width / 2,
    around?.y ?? pane.y + pane.height / 2,
  );
  for (let i = 0; i < 40; i++) {
    const zoom = await currentZoom(page);
    if (scale === 'overview' && zoom <= 0.06) break;
    if (scale === 'working' && Math.abs(zoom - 1) < 0.05) break;
    const factor = scale === 'overview' ? 2 : Math.log2(1 / zoom);
    // d3-zoom: a wheel delta of -500 doubles the scale.
    await page.mouse.wheel(
      0,
      scale === 'overview' ? 500 : -500 * Math.max(-2, Math.min(2, factor)),
    );
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(300);
}

async function currentZoom(page: Page): Promise<number> {
  return page.evaluate<number>(`(() => {
    const t = document.querySelector('.react-flow__viewport')?.style.transform ?? '';
    const m = /scale\\(([0-9.]+)\\)/.exec(t);
    return m ? Number(m[1]) : 1;
  })()`);
}

async function paneBox(page: Page) {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('The canvas is not on screen.');
  return pane;
}

async function panGesture(page: Page) {
  const pane = await paneBox(page);
  const start = { x: pane.x + pane.width * 0.8, y: pane.y + pane.height * 0.7 };
  // Starts on empty pane: find a spot without a node under it.
  const free = await page.evaluate<{ x: number; y: number } | null>(`(() => {
    for (let dy = 0; dy < ${Math.round(pane.height * 0.6)}; dy += 12)
      for (let dx = 0; dx < ${Math.round(pane.width * 0.6)}; dx += 12) {
        const x = ${start.x} - dx, y = ${start.y} - dy;
        const el = document.elementFromPoint(x, y);
        if (el && el.classList.contains('react-flow__pane')) return { x, y };
      }
    return null;
  })()`);
  const from = free ?? start;
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await sweep(page, from, { x: -pane.width * 0.5, y: -pane.height * 0.4 });
  await page.mouse.up();
}

async function dragGesture(page: Page) {
  const pane = await paneBox(page);
  const header = await nearestHeader(page);
  if (!header) throw new Error('No table is on screen to drag.');
  await page.mouse.move(header.x, header.y);
  await page.mouse.down();
  await sweep(page, header, { x: pane.width * 0.3, y: pane.height * 0.25 });
  await page.mouse.up();
}

/** A point on the header (or the top of the outline) of the table nearest the centre of the view. */
async function nearestHeader(page: Page): Promise<{ x: number; y: number } | null> {
  const pane = await paneBox(page);
  return page.evaluate<{ x: number; y: number } | null>(`(() => {
    const cx = ${pane.x + pane.width / 2}, cy = ${pane.y + pane.height / 2};
    let best = null, bestDistance = Infinity;
    for (const h of document.querySelectorAll('[data-testid="table-node"]')) {
      const r = h.getBoundingClientRect();
      if (r.width === 0) continue;
      const x = r.left + Math.min(40, r.width / 4), y = r.top + Math.min(12, r.height / 10);
      const d = Math.hypot(x - cx, y - cy);
      if (d < bestDistance) { bestDistance = d; best = { x, y }; }
    }
    return best;
  })()`);
}

/** Moves the pressed mouse by `by` over GESTURE_MS, as fast as the page takes events. */
async function sweep(page: Page, from: { x: number; y: number }, by: { x: number; y: number }) {
  const began = Date.now();
  let i = 0;
  while (Date.now() - began < GESTURE_MS) {
    const f = (Date.now() - began) / GESTURE_MS;
    await page.mouse.move(from.x + f * by.x, from.y + f * by.y + (i % 2));
    i++;
  }
}

/** CPU time of the page's renderer process so far, ms. */
async function rendererCpu(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ProcessTime')?.value ?? 0) * 1000;
}

/** Frame intervals (requestAnimationFrame to requestAnimationFrame) while `gesture` runs. */
async function recordFrames(
  page: Page,
  cdp: CDPSession,
  gesture: () => Promise<void>,
): Promise<FrameStats> {
  const cpuBefore = await rendererCpu(cdp);
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    const tick = (t) => {
      window.__frames.push(t);
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await gesture();
  await page.waitForTimeout(100);
  const frames = await page.evaluate<number[]>(
    '(() => { window.__recording = false; return window.__frames; })()',
  );
  const cpu = Math.round((await rendererCpu(cdp)) - cpuBefore);
  const intervals: number[] = [];
  for (let f = 1; f < frames.length; f++) intervals.push((frames[f] ?? 0) - (frames[f - 1] ?? 0));
  intervals.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(intervals[Math.min(intervals.length - 1, Math.floor(q * intervals.length))] ?? 0);
  return { p50: at(0.5), p95: at(0.95), worst: Math.round(intervals.at(-1) ?? 0), cpu };
}
