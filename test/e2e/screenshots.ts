import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Where the e2e saves one PNG per surface. `CS_HEALTH_SCREENSHOTS=1 npx jest test/e2e` refreshes the
 * ones the README embeds (docs/screenshots/<name>.png); a plain test run writes them to a temporary
 * folder, so `npm test` never leaves the work tree modified.
 */
export const SCREENSHOT_DIR = process.env.CS_HEALTH_SCREENSHOTS ? resolve(__dirname, '../../docs/screenshots') : mkdtempSync(join(tmpdir(), 'cs-health-screenshots-'));

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Saves the whole page as `<SCREENSHOT_DIR>/<name>.png` and returns the file's bytes, read back so
 * the caller can check a PNG was really written (a failed write fails the test, never passes quietly).
 */
export async function saveScreenshot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return readFileSync(path);
}

export const isPng = (bytes: Buffer): boolean => bytes.subarray(0, 8).equals(PNG_SIGNATURE);

/** Width and height from the PNG's IHDR chunk. */
export const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });
