// A careful Playwright script, as someone writing their own capture would: load the page, wait for
// the network to go quiet, scroll to the bottom a screen at a time (so lazy content loads) and
// back to the top, then one full-page screenshot. Usage: node careful-playwright.mjs BROWSER URL OUT.png
/* global document, innerHeight, scrollTo, setTimeout -- the scrolling runs in the page */
import { chromium } from 'playwright-core';

const [executablePath, url, out] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1024 } });
  await page.goto(url, { waitUntil: 'networkidle', timeout: 120_000 });
  await page.evaluate(async () => {
    const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    for (let y = 0; y + innerHeight < document.documentElement.scrollHeight; y += innerHeight) {
      scrollTo(0, y + innerHeight);
      await pause(100);
    }
    scrollTo(0, 0);
    await pause(100);
  });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: out, fullPage: true, timeout: 300_000 });
} finally {
  await browser.close();
}
