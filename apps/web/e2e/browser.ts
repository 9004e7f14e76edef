/** Debian's Chromium through playwright-core (never a downloaded browser). */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url));

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1366, height: 900 } as const;

/** `extraArgs`: e.g. Chromium's fake camera (`--use-fake-device-for-media-stream`) for the counter's scanner. */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

export function screenshotPath(name: string): string {
  return `${screenshotDir}${name}.png`;
}

/**
 * Uncaught errors and console errors of a page. Chromium logs every 4xx answer as a failed resource; the
 * ones a test expects are listed as `[status, path]`. Always expected: 401 from GET /api/auth/me for a
 * visitor who is not signed in (the portal asks once per page load who is signed in).
 */
export function collectPageErrors(
  page: Page,
  expected: ReadonlyArray<readonly [number, string | RegExp]> = [],
): string[] {
  const allowed: ReadonlyArray<readonly [number, string | RegExp]> = [[401, '/api/auth/me'], ...expected];
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url;
    const path = url ? new URL(url, 'http://x').pathname : '';
    const matches = (p: string | RegExp) => (typeof p === 'string' ? p === path : p.test(path));
    if (allowed.some(([status, p]) => matches(p) && message.text().includes(`status of ${status}`))) return;
    errors.push(url ? `${message.text()} (${url})` : message.text());
  });
  return errors;
}
