import type { CDPSession } from 'playwright-core';

export interface NavigationGuard {
  /** Addresses the page tried to take the browser to while it was guarded. */
  stopped: string[];
  release(): Promise<void>;
}

/**
 * Keeps the page on the channel while it is scrolled and its buttons are clicked: a click that
 * submits a form or sets `location` would replace the page being captured. Every new document the
 * main frame asks for is answered with 204 No Content, which by the HTML standard leaves the current
 * document as it is (a failed request would show an error page instead). Frames load as usual.
 */
export async function guardNavigation(cdp: CDPSession): Promise<NavigationGuard> {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const mainFrame = frameTree.frame.id;
  const stopped: string[] = [];
  const onPaused = (event: { requestId: string; frameId: string; request: { url: string } }) => {
    const answer = event.frameId === mainFrame
      ? cdp.send('Fetch.fulfillRequest', { requestId: event.requestId, responseCode: 204, body: '' })
      : cdp.send('Fetch.continueRequest', { requestId: event.requestId });
    if (event.frameId === mainFrame) stopped.push(event.request.url);
    // The page may be closing; an unanswered request goes with it.
    answer.catch(() => undefined);
  };
  cdp.on('Fetch.requestPaused', onPaused);
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', resourceType: 'Document', requestStage: 'Request' }] });
  return {
    stopped,
    release: async () => {
      cdp.off('Fetch.requestPaused', onPaused);
      await cdp.send('Fetch.disable').catch(() => undefined);
    },
  };
}
