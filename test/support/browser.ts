import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's chromium: the browser tests drive it and never download one. */
export const CHROMIUM = '/usr/bin/chromium';

/** Where the browser tests leave their screenshots (git-ignored); look at them after a run. */
export const SCREENSHOTS = join(import.meta.dirname, '..', 'e2e', 'screenshots');

export interface Browser {
  readonly page: Page;
  /** Every console error, page error and CSP violation the page reported. */
  readonly problems: string[];
  /** The whole page, or only what the window shows (`{ fullPage: false }`). */
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/**
 * Headless Chromium in a fresh profile, with the flags that keep it quiet and offline (no sync, no
 * component updates, no background requests). Without the browser the tests fail and say how to
 * install it, rather than being skipped.
 */
export async function openBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Debian's chromium at ${CHROMIUM}: install it with ` +
        '`apt-get update && apt-get install -y chromium` (.ci/run does this on a fresh machine).',
    );
  }
  const profile = await mkdtemp(join(tmpdir(), 'leadflow-chromium-'));
  await mkdir(SCREENSHOTS, { recursive: true });
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 860 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return {
    page,
    problems,
    async screenshot(name, options = {}) {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: options.fullPage ?? true });
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
