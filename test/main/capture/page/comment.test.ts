import { describe, expect, it } from 'vitest';
import { chosenElement } from '../../../../src/main/capture/page-helpers';
import { pageCode } from '../../../helpers/page-code';

const code = pageCode();

const THREAD = `<body style="margin:0; font: 16px sans-serif">
  <article id="post"><p>Kommunen: Nu öppnar badhuset.</p>
    <div class="comment" id="c1"><a href="/anna">Anna Andersson</a><p>Äntligen!</p><a href="/post?comment_id=1"><abbr data-utime="1776160800">2 v</abbr></a></div>
    <div class="comment" id="c2"><a href="/bo">Bo Berg</a><p>Dyrt inträde.</p><a href="/post?comment_id=2">3 d</a>
      <button type="button" onclick="this.insertAdjacentText('beforebegin', 'Och kallt vatten.'); this.remove()">Visa mer</button></div>
  </article><div style="height: 2000px"></div></body>`;

describe('the saved comment (page/comment.ts)', () => {
  it('finds a comment by its own link, reads its author and time, and takes the post around it as context', async () => {
    const { helper } = await code.open(THREAD, { postSelector: 'article' });
    expect(await helper.chooseTarget({ element: '.comment', link: 'a[href*="comment_id=1"]' })).toBe(true);
    expect(await helper.describeChosen()).toEqual({
      text: 'Anna Andersson\n\nÄntligen!\n\n2 v',
      author: { name: 'Anna Andersson', profileUrl: expect.stringMatching(/\/anna$/) },
      shownTime: '2 v',
      exactTime: '2026-04-14T10:00:00.000Z',
      contextText: expect.stringMatching(/^Kommunen: Nu öppnar badhuset\./),
    });
  });

  it('expands the chosen comment, and gives its words relative to its own corner', async () => {
    const { helper } = await code.open(THREAD, { postSelector: 'article' });
    expect(await helper.chooseTarget({ element: '.comment', link: 'a[href*="comment_id=2"]' })).toBe(true);
    expect(await helper.expandChosen()).toBe(1);
    expect((await helper.describeChosen()).text).toContain('Och kallt vatten.');
    const words = await helper.wordsInChosen('comment');
    expect(words[0]).toEqual(['Bo', 0, 0, expect.any(Number), expect.any(Number), expect.any(Number)]);
  });

  it('says when a link points at nothing, and when the chosen comment has left the page', async () => {
    const { helper, page } = await code.open(THREAD, { postSelector: 'article' });
    expect(await helper.chooseTarget({ element: '.comment', link: 'a[href*="comment_id=9"]' })).toBe(false);
    expect(await helper.chooseTarget({ element: '#c1' })).toBe(true);
    expect(await helper.chosenShown()).toBe(true);
    await page.evaluate(`document.getElementById('c1').remove()`);
    expect(await helper.chosenShown()).toBe(false);
  });

  it('lets the page owner point at the comment: a click chooses it and reaches nothing of the page', async () => {
    const { helper, page } = await code.open(THREAD.replace('<article id="post">', '<article id="post" onclick="document.title = \'clicked\'">'), { postSelector: 'article' });
    const picking = helper.pickTarget('.comment', 'Klicka på kommentaren');
    await page.getByText('Dyrt inträde.').click();
    expect(await picking).toBe(true);
    expect(await page.title()).toBe('');
    expect((await helper.describeChosen()).author.name).toBe('Bo Berg');
    expect(await page.getByText('Klicka på kommentaren').count()).toBe(0);
    const handle = await chosenElement(page, 'comment');
    expect(await handle?.getAttribute('id')).toBe('c2');
  });

  it('outlines the chosen comment in a layer of its own, and takes the outline away', async () => {
    const { helper, page } = await code.open(THREAD, { postSelector: 'article' });
    await helper.chooseTarget({ element: '#c1' });
    const height = await page.evaluate('document.documentElement.scrollHeight');
    await helper.outlineChosen(true);
    expect(await page.locator('#__kanalarkiv-outline').count()).toBe(1);
    expect(await page.evaluate('document.documentElement.scrollHeight')).toBe(height);
    await helper.outlineChosen(false);
    expect(await page.locator('#__kanalarkiv-outline').count()).toBe(0);
  });
});
