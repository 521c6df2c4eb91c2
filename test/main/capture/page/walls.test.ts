import { describe, expect, it } from 'vitest';
import type { PageConfig } from '../../../../src/main/capture/page/api';
import { pageConfig } from '../../../../src/main/capture/page-helpers';
import { bluesky } from '../../../../src/main/platforms/bluesky';
import { facebook } from '../../../../src/main/platforms/facebook';
import { linkedin } from '../../../../src/main/platforms/linkedin';
import { youtube } from '../../../../src/main/platforms/youtube';
import { pageCode } from '../../../helpers/page-code';

const code = pageCode();

/** A platform's ways of turning a visitor away, none but those given. */
const way = (given: Partial<PageConfig['way']>): Pick<PageConfig, 'way'> => ({ way: { login: [], block: [], dismiss: [], texts: [], dialogTexts: [], blockTexts: [], ...given } });

describe('walls and bot checks (page/walls.ts)', () => {
  it('closes a login dialog a logged-out visitor may close, once, and counts it', async () => {
    const { helper, page } = await code.open(
      `<p>Flödet</p><div id="wall" role="dialog"><p>Logga in</p><div role="button" aria-label="Stäng" onclick="this.parentElement.remove()">×</div></div>`,
      way({ login: ['#wall'], dismiss: ['#wall [aria-label="Stäng"]'] }),
    );
    expect(await helper.barrier()).toBe('closing');
    expect(await page.locator('#wall').count()).toBe(0);
    expect(await helper.barrier()).toBeNull();
    expect(await helper.loginDialogsClosed()).toBe(1);
  });

  it('calls a dialog that stays, or has no close button, a wall', async () => {
    const { helper } = await code.open(`<div id="wall" role="dialog"><p>Logga in</p><div role="button" aria-label="Stäng">×</div></div>`, way({ login: ['#wall'], dismiss: ['#wall [aria-label="Stäng"]'] }));
    expect(await helper.barrier()).toBe('closing');
    expect(await helper.barrier()).toBe('login');
  });

  it('knows a wall by its whole text, inside a shadow root too, and not by a text that only contains it', async () => {
    const texts: Array<[string, string]> = [['^logga in för att se mer$', 'i']];
    const inShadow = await code.open(`<div id="host"></div><script>document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p>Logga in för att se mer</p>';</script>`, way({ texts }));
    expect(await inShadow.helper.barrier()).toBe('login');
    const inPost = await code.open('<p>Kommunen skriver: logga in för att se mer om bygglov i e-tjänsten.</p>', way({ texts }));
    expect(await inPost.helper.barrier()).toBeNull();
  });

  it('takes a visible element only: a hidden wall is no wall', async () => {
    const { helper } = await code.open('<div id="wall" style="display: none">Logga in</div>', way({ login: ['#wall'] }));
    expect(await helper.barrier()).toBeNull();
  });

  it('waits for the first post, and stops waiting at a wall', async () => {
    const { helper, page } = await code.open('<main></main>', pageConfig(facebook));
    const waiting = helper.firstPost('article', 5_000);
    await page.evaluate(`setTimeout(() => document.querySelector('main').append(document.createElement('article')), 300)`);
    expect(await waiting).toBe(true);
    const walled = await code.open('<main></main>', way({ login: ['#wall'] }));
    const atWall = walled.helper.firstPost('article', 5_000);
    await walled.page.evaluate(`setTimeout(() => document.querySelector('main').append(Object.assign(document.createElement('div'), { id: 'wall', textContent: 'Logga in' })), 300)`);
    expect(await atWall).toBe(true);
    expect(await (await code.open('<main></main>')).helper.firstPost('article', 200)).toBe(false);
  });
});

describe('each platform\'s walls and checks, in Swedish and in English, with its own config', () => {
  /** Facebook's logged-out modal over the feed at load (issue 32): its heading, and a close control labelled in the page's language. */
  const facebookModal = (heading: string, close: string) => `<main>${'<div role="article">Inlägg</div>'.repeat(3)}</main>
    <div role="dialog" id="modal" style="position: fixed; inset: 0; background: #fff"><div role="button" aria-label="${close}" onclick="document.getElementById('modal').remove()">✕</div>
    <h2>${heading}</h2><a href="/login/">Logga in</a></div>`;

  it.each([
    ['Swedish', 'Se fler inlägg från Kultur Umeå', 'Stäng'],
    ['English', 'See more from Kultur Umeå', 'Close'],
  ])('Facebook: the %s "see more from" modal is a login dialog, and is closed', async (_, heading, close) => {
    const { helper, page } = await code.open(facebookModal(heading, close), pageConfig(facebook));
    expect(await helper.barrier()).toBe('closing');
    expect(await page.locator('#modal').count()).toBe(0);
    expect(await helper.barrier()).toBeNull();
  });

  it('Facebook: the same words at the end of a limited feed, outside a dialog, are no wall; a modal without its close control is one', async () => {
    expect(await (await code.open('<main><div role="article">Inlägg</div><p>Se fler inlägg från Kultur Umeå</p></main>', pageConfig(facebook))).helper.barrier()).toBeNull();
    expect(await (await code.open(facebookModal('Se fler inlägg från Kultur Umeå', 'Stäng').replace(/<div role="button"[^>]*>✕<\/div>/, ''), pageConfig(facebook))).helper.barrier()).toBe('login');
  });

  it.each([
    ['Swedish', 'Logga in för att bekräfta att du inte är en robot'],
    ['English', 'Sign in to confirm you’re not a bot'],
  ])('YouTube: the %s bot check in the player is a block', async (_, reason) => {
    const { helper } = await code.open(`<div class="ytp-error"><div class="ytp-error-content-wrap-reason"><span>${reason}</span></div></div>`, pageConfig(youtube));
    expect(await helper.barrier()).toBe('blocked');
  });

  it.each([['Swedish', 'Inloggning krävs'], ['English', 'Sign-in Required']])('Bluesky: the %s "sign-in required" screen is a wall', async (_, title) => {
    const { helper } = await code.open(`<main><div dir="auto">${title}</div><div role="button">Gå tillbaka</div></main>`, pageConfig(bluesky));
    expect(await helper.barrier()).toBe('login');
  });

  it('LinkedIn: a guest modal the page hid itself on dismissal is no wall, though we hid it too with the fixed elements', async () => {
    const { helper } = await code.open(`<style>.modal { visibility: hidden } .modal--open { visibility: visible }</style>
      <main style="height: 5000px">${'<article data-id="urn:li:activity:1">Uppdatering</article>'.repeat(3)}</main>
      <div id="base-contextual-sign-in-modal" class="modal modal--open" style="position: fixed; inset: 0">
      <button class="modal__dismiss" aria-label="Stäng" onclick="this.closest('.modal').classList.remove('modal--open')">✕</button>
      <form class="login__form"><button>Logga in</button></form></div>`, pageConfig(linkedin));
    await helper.findScroller();
    expect(await helper.barrier()).toBe('closing');
    expect(await helper.barrier()).toBeNull();
    expect((await helper.prepareTile(false, 600)).wall).toBeNull();
    expect((await helper.prepareTile(false, 1200)).wall).toBeNull();
  });

  it('a wall we hid ourselves with the fixed elements still counts', async () => {
    const { helper } = await code.open(`<main style="height: 5000px"></main><div id="wall" style="position: fixed; inset: 0">Logga in</div>`, way({ login: ['#wall'] }));
    await helper.findScroller();
    expect((await helper.prepareTile(true, 0)).wall).toBe('login');
    const hiddenFirst = await code.open(`<main style="height: 5000px"></main><div id="bar" style="position: fixed; top: 0; height: 50px">Meny <span id="wall">Logga in</span></div>`, way({ login: ['#wall'] }));
    await hiddenFirst.helper.findScroller();
    await hiddenFirst.page.evaluate(`document.getElementById('wall').hidden = true`);
    await hiddenFirst.helper.prepareTile(false, 600);
    await hiddenFirst.page.evaluate(`document.getElementById('wall').hidden = false`);
    expect(await hiddenFirst.helper.barrier()).toBe('login');
  });
});
