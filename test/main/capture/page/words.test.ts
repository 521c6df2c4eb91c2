import { describe, expect, it } from 'vitest';
import { pageCode } from '../../../helpers/page-code';

const code = pageCode();

describe('the words and posts of a picture (page/words.ts, through page/tile.ts)', () => {
  it('reads the words of the rows asked for, through shadow roots and same-origin frames, placed in the window', async () => {
    const { helper } = await code.open(`<body style="margin:0; font: 16px sans-serif">
      <p style="margin:0; height: 100px">Överst på sidan</p>
      <div id="host" style="height: 100px"></div>
      <iframe srcdoc="<body style='margin:0; font: 16px sans-serif'><p style='margin:0'>Ram med text</p></body>" style="border:0; display:block; margin-left: 200px; width: 300px; height: 100px"></iframe>
      <p style="visibility: hidden">Dold</p><script>var hemlig = 'skript';</script><div style="height: 2000px"></div>
      <script>document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p style="margin:0">Skugga här</p>';</script></body>`);
    await helper.findScroller();
    const tile = await helper.readTile(true, 0, 10_000);
    const words = Object.fromEntries(tile.words.map(([text, x, y]) => [text, { x, y }]));
    expect(Object.keys(words)).toEqual(['Överst', 'på', 'sidan', 'Skugga', 'här', 'Ram', 'med', 'text']);
    expect(words['Skugga']!.y).toBeGreaterThanOrEqual(100);
    expect(words['Ram']).toMatchObject({ x: 200 });
    expect(words['Ram']!.y).toBeGreaterThanOrEqual(200);
    const lower = await helper.readTile(false, 100, 10_000);
    expect(lower.words.map(([text]) => text)).not.toContain('Överst');
  });

  it('counts the posts and reads their dates in the rows of the picture', async () => {
    const { helper } = await code.open(`<body style="margin:0">
      <article style="height: 300px"><time datetime="2026-04-14T10:00:00Z">14 apr.</time></article>
      <article style="height: 300px"><a href="/p/2">3 d</a></article>
      <article style="height: 300px"><span>5 tim</span></article></body>`, { postSelector: 'article' });
    await helper.findScroller();
    const tile = await helper.readTile(true, 0, 10_000);
    expect(tile.posts).toBe(2);
    expect(tile.dates).toEqual(['2026-04-14T10:00:00Z', '3 d']);
    expect(await helper.postsInDocument()).toBe(3);
  });
});

describe('only what the picture shows, block by block (page/words.ts)', () => {
  it('leaves out words their ancestors clip away: a folded menu, a "skip to content" link, a carousel\'s hidden slide', async () => {
    const { helper } = await code.open(`<body style="margin:0; font: 16px sans-serif">
      <nav style="max-height: 0; overflow: hidden"><a href="/bygglov">Bygglov</a> <a href="/skola">Skola</a></nav>
      <a href="#main" style="position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0)">Hoppa till innehållet</a>
      <h1 style="margin: 0">Nytt badhus</h1>
      <div style="width: 300px; overflow: hidden; white-space: nowrap"><div style="display: inline-block; width: 300px">Bild ett</div><div style="display: inline-block; width: 300px">Bild två</div></div>
      <div style="height: 2000px"></div></body>`);
    await helper.findScroller();
    const words = (await helper.readTile(true, 0, 10_000)).words.map(([text]) => text);
    expect(words).toEqual(['Nytt', 'badhus', 'Bild', 'ett']);
  });

  it('numbers the blocks words stand in: inline elements are part of their paragraph, a button or a cell is a block of its own', async () => {
    const { helper } = await code.open(`<body style="margin:0; font: 16px sans-serif">
      <p>Badhuset <b>öppnar</b> <a href="/x">i juni</a>.</p><p>Andra stycket</p><button type="button">Gilla</button>
      <div style="height: 2000px"></div></body>`);
    await helper.findScroller();
    const words = (await helper.readTile(true, 0, 10_000)).words;
    const blockOf = (text: string) => words.find(([t]) => t === text)![5];
    expect(new Set(['Badhuset', 'öppnar', 'i', 'juni', '.'].map(blockOf)).size).toBe(1);
    expect(blockOf('Andra')).not.toBe(blockOf('Badhuset'));
    expect(blockOf('Gilla')).not.toBe(blockOf('Andra'));
    // The same block keeps its number in a later picture of the same document.
    expect((await helper.readTile(false, 0, 10_000)).words.find(([t]) => t === 'Andra')![5]).toBe(blockOf('Andra'));
  });
});

describe('expanding (page/expand.ts, through page/tile.ts)', () => {
  it('clicks "see more" buttons at or below the row given, never a link nor a button that would send a form', async () => {
    const { helper, page } = await code.open(`<body style="margin:0"><form>
      <button type="button" onclick="this.dataset.hit = 1" id="above">Visa mer</button>
      <div style="height: 200px"></div>
      <button type="button" onclick="this.dataset.hit = 1" id="more">Visa mer</button>
      <div role="button" onclick="this.dataset.hit = 1" id="role">Se fler kommentarer</div>
      <button onclick="this.dataset.hit = 1; return false" id="submit">Visa mer</button>
      <a href="#x"><span role="button" onclick="this.dataset.hit = 1" id="link">Visa mer</span></a>
      <button type="button" onclick="this.dataset.hit = 1" id="other">Gilla</button>
      <button type="button" onclick="this.dataset.hit = 1" class="expand" id="bySelector">…</button>
      </form><div style="height: 2000px"></div></body>`, { expandSelectors: ['.expand'] });
    await helper.findScroller();
    const { clicked } = await helper.prepareTile(true, 100);
    const hit = await page.evaluate(`[...document.querySelectorAll('[id]')].filter((el) => el.dataset.hit).map((el) => el.id)`);
    expect(hit).toEqual(['more', 'role', 'bySelector']);
    expect(clicked).toBe(3);
    expect((await helper.prepareTile(true, 100)).clicked).toBe(0);
  });
});
