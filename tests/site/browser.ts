// Debian's chromium driven by playwright-core: never a downloaded browser.

import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { serveSite } from './static-server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install chromium), or set CHROMIUM_PATH`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A built site served on the loopback address, and a browser to read it with; close() ends both. */
export async function browseSite(root: string): Promise<{ url: string; browser: Browser; close: () => Promise<void> }> {
  const site = await serveSite(root);
  const browser = await launchBrowser();
  return { url: site.url, browser, close: async () => void (await browser.close(), await site.close()) };
}
