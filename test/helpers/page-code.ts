import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { browserArgs, findBrowser } from '../../src/main/capture/browser';
import type { PageConfig } from '../../src/main/capture/page/api';
import { helpers, pageConfig, putHelpers, type Helpers } from '../../src/main/capture/page-helpers';
import { web } from '../../src/main/platforms/web';

/**
 * The page code (src/main/capture/page/) in a real Chromium page, without a capture around it:
 * for the tests of test/main/capture/page/. One browser per test file; each `open` is a new page.
 */
export function pageCode(): { open: (html: string, config?: Partial<PageConfig>) => Promise<{ page: Page; helper: Helpers }> } {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: findBrowser(undefined).executablePath, args: browserArgs() });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async open(html, config) {
      const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
      await page.setContent(html, { waitUntil: 'load' });
      await putHelpers(page, web);
      const helper = helpers(page);
      if (config) await helper.configure({ ...pageConfig(web), ...config });
      return { page, helper };
    },
  };
}
