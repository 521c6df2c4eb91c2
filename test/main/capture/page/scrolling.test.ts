import { describe, expect, it } from 'vitest';
import { pageCode } from '../../../helpers/page-code';

const code = pageCode();

/** An app shell as Mastodon, Bluesky and Threads draw theirs: the document cannot scroll, one element does. */
const APP_SHELL = `<style>html, body { height: 100%; margin: 0; overflow: hidden } header { height: 50px } #feed { height: calc(100% - 50px); overflow-y: auto }</style>
<header>Kommunen</header><div id="feed"><div style="height: 3000px">Inlägg</div></div>`;

describe('what scrolls (page/scrolling.ts)', () => {
  it('is the document when it can scroll', async () => {
    const { helper } = await code.open('<body style="margin:0"><div style="height: 2000px">Text</div></body>');
    expect(await helper.findScroller()).toEqual({ kind: 'document', others: 0 });
    const metrics = await helper.metrics();
    expect(metrics).toMatchObject({ offset: 0, bandTop: 0, bandBottom: 600, contentHeight: 2000 });
    await helper.scrollTo(700);
    expect((await helper.metrics()).offset).toBe(700);
  });

  it('is the app shell\'s largest scrollable element, whose band lies below the header', async () => {
    const { helper, page } = await code.open(APP_SHELL);
    expect(await helper.findScroller()).toEqual({ kind: 'element', others: 0 });
    expect(await helper.metrics()).toMatchObject({ bandTop: 50, bandBottom: 600, contentHeight: 3000 + 50 });
    await helper.scrollTo(400);
    expect(await page.evaluate('document.getElementById("feed").scrollTop')).toBe(400);
    expect((await helper.metrics()).offset).toBe(400);
  });

  it('says when the content is cut off by an element that does not scroll', async () => {
    const { helper } = await code.open('<style>html, body { height: 100%; margin: 0; overflow: hidden } main { height: 100%; overflow: hidden }</style><main><div style="height: 3000px">Text</div></main>');
    expect((await helper.findScroller()).kind).toBe('clipped');
  });

  it('sees a loading indicator only when it is indeterminate and in the window', async () => {
    const shown = await code.open('<p>Flöde</p><div role="progressbar" style="width: 40px; height: 40px"></div>');
    expect((await shown.helper.growth()).loading).toBe(true);
    const progress = await code.open('<p>Video</p><div role="progressbar" aria-valuenow="30" style="width: 40px; height: 40px"></div>');
    expect((await progress.helper.growth()).loading).toBe(false);
  });
});

describe('following the content (page/anchors.ts, through page/tile.ts)', () => {
  const FEED = `<body style="margin:0"><div id="feed">${Array.from({ length: 30 }, (_, i) => `<article style="height: 200px">Inlägg ${i}</article>`).join('')}</div></body>`;

  it('follows content added above the part already captured, and says how much', async () => {
    const { helper, page } = await code.open(FEED);
    await helper.findScroller();
    await helper.afterTile(0, 0, 600, (await helper.metrics()).contentHeight);
    await page.evaluate(`document.getElementById('feed').prepend(Object.assign(document.createElement('div'), { style: 'height: 300px', textContent: '3 nya inlägg' }))`);
    const { shift } = await helper.prepareTile(false, 600);
    expect(shift).toEqual({ move: 300, skipped: 300 });
  });

  it('goes back to where content was added inside the last picture, rather than miss it', async () => {
    const { helper, page } = await code.open(FEED);
    await helper.findScroller();
    await helper.afterTile(0, 0, 600, (await helper.metrics()).contentHeight);
    // Inserted after the second post (its top at row 400): the anchors below it move, those above do not.
    await page.evaluate(`document.querySelectorAll('article')[1].after(Object.assign(document.createElement('article'), { style: 'height: 100px', textContent: 'Nytt' }))`);
    const { shift } = await helper.prepareTile(false, 600);
    expect(shift.move).toBeLessThan(0);
    expect(600 + shift.move).toBeLessThanOrEqual(400);
    expect(shift.skipped).toBe(0);
  });
});

describe('floating elements, and giving the page back (page/floating.ts, page/styles.ts)', () => {
  it('lets a sticky header scroll with the page, hides fixed bars after the first screen, and restores the inline styles it changed', async () => {
    const { helper, page } = await code.open(`<body style="margin:0">
      <header id="top" style="position: sticky; top: 0px; height: 40px">Meny</header>
      <div id="chat" style="position: fixed; top: 10px; right: 0; width: 80px; height: 80px; visibility: visible !important">Chatt</div>
      <div style="height: 3000px">Text</div></body>`);
    const before = await page.evaluate(`[document.getElementById('top').style.cssText, document.getElementById('chat').style.cssText]`);
    await helper.findScroller();
    await helper.prepareTile(true, 0);
    expect(await page.evaluate(`getComputedStyle(document.getElementById('top')).position`)).toBe('relative');
    expect(await page.evaluate(`getComputedStyle(document.getElementById('chat')).visibility`)).toBe('visible');
    await helper.prepareTile(false, 600);
    expect(await page.evaluate(`getComputedStyle(document.getElementById('chat')).visibility`)).toBe('hidden');
    await helper.restore();
    expect(await page.evaluate(`[document.getElementById('top').style.cssText, document.getElementById('chat').style.cssText]`)).toEqual(before);
  });

  it('leaves bars along the bottom out of the first picture and shows them once in the strip at the end', async () => {
    const { helper } = await code.open(`<body style="margin:0"><div style="height: 3000px">Text</div>
      <div id="bar" style="position: fixed; bottom: 0; left: 0; right: 0; height: 60px">Logga in för att se mer</div></body>`);
    await helper.findScroller();
    const tile = await helper.readTile(true, 0, 10_000);
    expect(tile.toRow).toBe(540);
    const tailTop = await helper.prepareTail();
    expect(tailTop).toBe(540);
    expect((await helper.tailWords(tailTop!)).words.map(([text]) => text)).toEqual(['Logga', 'in', 'för', 'att', 'se', 'mer']);
  });
});

describe('loading (page/loading.ts)', () => {
  it('counts images still waiting for a lazy loader to give them their source, and only in the rows asked', async () => {
    const { helper } = await code.open(`<body style="margin:0"><img data-src="/bild.jpg" style="display:block; width: 100px; height: 100px">
      <div style="height: 1000px"></div><img data-src="/annan.jpg" style="display:block; width: 100px; height: 100px"></body>`);
    expect(await helper.pendingImages()).toBe(1);
    expect(await helper.pendingImages(200, 600)).toBe(0);
  });

  it('tells a blank page from one that shows something', async () => {
    expect(await (await code.open('<body><script>var x = "text in a script";</script><p style="visibility: hidden">dold</p></body>')).helper.isBlank()).toBe(true);
    expect(await (await code.open('<body><p>Välkommen</p></body>')).helper.isBlank()).toBe(false);
  });
});
