import type { ElementHandle, Page } from 'playwright-core';
import type { PlatformModule } from '../platforms';
import type { Chosen, PageConfig, PageHelpers } from './page/api';
import { pageScript } from './page-script';

/**
 * Node's side of the page code (page/): puts the script into a page's document with the
 * platform's selectors, and calls it with types. Each call is sent as an expression of JSON, not as
 * a function handed to page.evaluate: bundlers rewrite functions (helper calls such as `__name`)
 * in ways that break once the source is sent to the browser.
 */

/** A page helper as Node calls it: the same arguments, the answer once the page has given it. */
type Remote<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never };
export type Helpers = Remote<PageHelpers>;

/** The platform's selectors and wordings, as the page code takes them. */
export function pageConfig(platformModule: PlatformModule): PageConfig {
  const texts = (patterns: RegExp[]) => patterns.map((re): [string, string] => [re.source, re.flags]);
  return {
    postSelector: platformModule.postSelector,
    authorSelector: platformModule.authorSelector,
    expandSelectors: platformModule.expandSelectors,
    expandTexts: texts(platformModule.expandTexts),
    way: {
      login: platformModule.loginWallSelectors,
      block: platformModule.blockSelectors,
      dismiss: platformModule.dismissSelectors,
      texts: texts(platformModule.loginWallTexts),
      dialogTexts: texts(platformModule.loginDialogTexts),
      blockTexts: texts(platformModule.blockTexts),
    },
  };
}

/** The page's helpers. Arguments must be JSON (no undefined inside, no Infinity). */
export function helpers(page: Page): Helpers {
  return new Proxy({} as Helpers, {
    get: (_, name: string) =>
      (...args: unknown[]) => page.evaluate(`window.__kanalarkiv.${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`),
  });
}

/** Puts the page code into the page's current document, told the platform's selectors, and makes its images load eagerly. */
export async function putHelpers(page: Page, platformModule: PlatformModule): Promise<void> {
  await page.evaluate(await pageScript());
  const helper = helpers(page);
  await helper.configure(pageConfig(platformModule));
  await helper.eagerImages();
}

/** A handle on the chosen comment or the post around it, for its picture; null when there is none. */
export async function chosenElement(page: Page, which: Chosen): Promise<ElementHandle<Element> | null> {
  return (await page.evaluateHandle(`window.__kanalarkiv.chosenElement(${JSON.stringify(which)})`)).asElement() as ElementHandle<Element> | null;
}
