import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Names a system Chromium goes by on Debian, Ubuntu, Fedora and Alpine. */
const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** A Chromium on the PATH (or CHROMIUM_PATH), if the machine has one; never a hard-coded path. */
export function findSystemChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.CHROMIUM_PATH, ...(env.PATH ?? '').split(delimiter).filter(Boolean).flatMap((dir) => SYSTEM_NAMES.map((name) => join(dir, name)))];
  return candidates.find((path): path is string => {
    if (!path) return false;
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const SYSTEM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Launches headless Chromium for the e2e tests: the system one when there is one, else the one
 * shipped inside the `@sparticuz/chromium` npm package (a devDependency, so `npm ci` brings it):
 * its executablePath() decompresses the binary into the temp folder on first use.
 */
export async function launchChromium(): Promise<{ browser: Browser; source: string }> {
  const system = findSystemChromium();
  if (system) return { browser: await chromium.launch({ executablePath: system, args: SYSTEM_ARGS }), source: system };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('@sparticuz/chromium') as { default?: SparticuzChromium } & SparticuzChromium;
  const packaged = loaded.default ?? loaded;
  const executablePath = await packaged.executablePath();
  return { browser: await chromium.launch({ executablePath, args: packaged.args, headless: true }), source: `@sparticuz/chromium (${executablePath})` };
}

interface SparticuzChromium {
  args: string[];
  executablePath(input?: string): Promise<string>;
}
