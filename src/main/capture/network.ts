import type { Page, Request } from 'playwright-core';

/**
 * Watches the page's requests so that waits adapt to the page: we move on as soon as loading has
 * stopped, instead of sleeping a fixed time. Requests that have been open for long (long polling,
 * streams) do not count, so pages that never become network-idle still settle.
 */
export class NetworkMonitor {
  private readonly open = new Map<Request, number>();
  private lastStart = 0;

  constructor(page: Page) {
    page.on('request', (request) => {
      this.open.set(request, Date.now());
      this.lastStart = Date.now();
    });
    const done = (request: Request) => this.open.delete(request);
    page.on('requestfinished', done);
    page.on('requestfailed', done);
  }

  /** Requests opened less than `staleMs` ago and not yet answered. */
  busy(staleMs: number): number {
    const now = Date.now();
    let n = 0;
    for (const started of this.open.values()) if (now - started < staleMs) n++;
    return n;
  }

  /** No fresh request is open and none has started for `quietMs`. */
  isQuiet(quietMs: number, staleMs = 2_000): boolean {
    return this.busy(staleMs) === 0 && Date.now() - this.lastStart >= quietMs;
  }

  /**
   * Resolves when no fresh request is open and none has started for `quietMs`, or after `maxMs`.
   * Returns whether the network really went quiet.
   */
  async quiet(quietMs: number, maxMs: number, staleMs = 2_000, signal?: AbortSignal): Promise<boolean> {
    const start = Date.now();
    while (Date.now() - start < maxMs && !signal?.aborted) {
      if (this.isQuiet(quietMs, staleMs)) return true;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return false;
  }
}
