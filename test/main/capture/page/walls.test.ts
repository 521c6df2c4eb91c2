import { describe, expect, it } from 'vitest';
import { pageConfig } from '../../../../src/main/capture/page-helpers';
import { facebook } from '../../../../src/main/platforms/facebook';
import { youtube } from '../../../../src/main/platforms/youtube';
import { pageCode } from '../../../helpers/page-code';

const code = pageCode();

describe('walls and bot checks (page/walls.ts)', () => {
  it('closes a login dialog a logged-out visitor may close, once, and counts it', async () => {
    const { helper, page } = await code.open(
      `<p>Flödet</p><div id="wall" role="dialog"><p>Logga in</p><div role="button" aria-label="Stäng" onclick="this.parentElement.remove()">×</div></div>`,
      { way: { login: ['#wall'], block: [], dismiss: ['#wall [aria-label="Stäng"]'], texts: [], blockTexts: [] } },
    );
    expect(await helper.barrier()).toBe('closing');
    expect(await page.locator('#wall').count()).toBe(0);
    expect(await helper.barrier()).toBeNull();
    expect(await helper.loginDialogsClosed()).toBe(1);
  });

  it('calls a dialog that stays, or has no close button, a wall', async () => {
    const { helper } = await code.open(
      `<div id="wall" role="dialog"><p>Logga in</p><div role="button" aria-label="Stäng">×</div></div>`,
      { way: { login: ['#wall'], block: [], dismiss: ['#wall [aria-label="Stäng"]'], texts: [], blockTexts: [] } },
    );
    expect(await helper.barrier()).toBe('closing');
    expect(await helper.barrier()).toBe('login');
  });

  it('knows a wall by its whole text, inside a shadow root too, and not by a text that only contains it', async () => {
    const config = { way: { login: [], block: [], dismiss: [], texts: [['^logga in för att se mer$', 'i']] as Array<[string, string]>, blockTexts: [] } };
    const inShadow = await code.open(`<div id="host"></div><script>document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p>Logga in för att se mer</p>';</script>`, config);
    expect(await inShadow.helper.barrier()).toBe('login');
    const inPost = await code.open('<p>Kommunen skriver: logga in för att se mer om bygglov i e-tjänsten.</p>', config);
    expect(await inPost.helper.barrier()).toBeNull();
  });

  it('takes a visible element only: a hidden wall is no wall', async () => {
    const { helper } = await code.open('<div id="wall" style="display: none">Logga in</div>', { way: { login: ['#wall'], block: [], dismiss: [], texts: [], blockTexts: [] } });
    expect(await helper.barrier()).toBeNull();
  });

  it('reads YouTube\'s bot check as a block, with the platform\'s own config', async () => {
    const { helper } = await code.open(
      '<div class="ytp-error"><div class="ytp-error-content-wrap-reason"><span>Sign in to confirm you’re not a bot</span></div></div>',
      pageConfig(youtube),
    );
    expect(await helper.barrier()).toBe('blocked');
  });

  it('waits for the first post, and stops waiting at a wall', async () => {
    const { helper, page } = await code.open('<main></main>', pageConfig(facebook));
    const waiting = helper.firstPost('article', 5_000);
    await page.evaluate(`setTimeout(() => document.querySelector('main').append(document.createElement('article')), 300)`);
    expect(await waiting).toBe(true);
    const walled = await code.open('<main></main>', { way: { login: ['#wall'], block: [], dismiss: [], texts: [], blockTexts: [] } });
    const atWall = walled.helper.firstPost('article', 5_000);
    await walled.page.evaluate(`setTimeout(() => document.querySelector('main').append(Object.assign(document.createElement('div'), { id: 'wall', textContent: 'Logga in' })), 300)`);
    expect(await atWall).toBe(true);
    expect(await walled.helper.firstPost('article', 200)).toBe(true);
    expect(await (await code.open('<main></main>')).helper.firstPost('article', 200)).toBe(false);
  });
});
