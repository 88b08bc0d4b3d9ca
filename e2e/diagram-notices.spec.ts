/**
 * A new project (no revision yet, so the database is at base) in the light and the dark
 * theme: the base-state banner sits over the canvas but leaves its tools (Add note, Add
 * area) clear, and a note reads well in both themes.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startRetort } from './retort-server';

const root = path.resolve(import.meta.dirname, '..');

const test = base.extend<{ url: string }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture uses from this pattern
  url: async ({}, use) => {
    const projectDir = await mkdtemp(path.join(tmpdir(), 'retort-e2e-notices-'));
    await copyFile(
      path.join(root, 'examples/shop/design.json'),
      path.join(projectDir, 'design.json'),
    );
    const server = await startRetort(projectDir, { DATABASE_URL: '' });
    await use(server.url);
    await server.stop();
    await rm(projectDir, { recursive: true, force: true });
  },
});

type Rgb = [number, number, number];
const rgb = (css: string): Rgb => {
  const [r = 0, g = 0, b = 0] = (css.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b];
};
/** WCAG contrast ratio of two sRGB colours. */
function contrast(a: Rgb, b: Rgb): number {
  const luminance = ([r, g, bl]: Rgb) => {
    const [x, y, z] = [r, g, bl].map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as Rgb;
    return 0.2126 * x + 0.7152 * y + 0.0722 * z;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

for (const scheme of ['light', 'dark'] as const) {
  for (const width of [1280, 1000]) {
    test(`${scheme} theme, ${width}px wide: the base banner leaves Add note clear; a note reads`, async ({
      page,
      url,
    }, info) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height: 720 });
      await page.goto(url);
      await expect(page.getByTestId('table-node')).toHaveCount(4);
      const banner = page.getByTestId('base-banner');
      await expect(banner).toBeVisible();

      const bannerBox = (await banner.boundingBox())!;
      for (const name of ['Add note', 'Add area']) {
        const button = (await page.getByRole('button', { name }).boundingBox())!;
        const apart =
          button.x >= bannerBox.x + bannerBox.width ||
          button.x + button.width <= bannerBox.x ||
          button.y >= bannerBox.y + bannerBox.height ||
          button.y + button.height <= bannerBox.y;
        expect(apart, `${name} is clear of the banner`).toBe(true);
      }

      // A real click (Playwright refuses one on a covered button) adds a note.
      await page.getByRole('button', { name: 'Add note' }).click();
      const note = page.getByTestId('note-node');
      await note.dblclick();
      await page.keyboard.type('Prices include VAT.');
      await page.keyboard.press('Control+Enter');
      await expect(note).toHaveText('Prices include VAT.');
      const colours = await note.evaluate((element) => {
        const style = getComputedStyle(element);
        return { fg: style.color, bg: style.backgroundColor };
      });
      expect(contrast(rgb(colours.fg), rgb(colours.bg))).toBeGreaterThan(7);
      const canvasBg = await page
        .getByTestId('canvas')
        .evaluate((element) => getComputedStyle(element).backgroundColor);
      // In the dark theme the note is a dim slip, not a glaring one.
      if (scheme === 'dark') expect(contrast(rgb(colours.bg), rgb(canvasBg))).toBeLessThan(2);
      await page.screenshot({ path: info.outputPath(`notices-${scheme}-${width}.png`) });
    });
  }
}
