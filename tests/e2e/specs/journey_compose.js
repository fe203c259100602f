// A director composes a job profile (issue 17, "Composer"), at a desktop's and a phone's size:
// from the start page to a DOCX of a three-block function, counting her clicks and keystrokes;
// a weight of 250 refused where she typed it; a deleted block asked about and taken back; the
// history in Dutch sentences; one warning per problem; duplicate and delete a function, the
// deletion undone from the list; English ring names in the English composer.
'use strict';
const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { env } = require('../lib/env');
const { withPage, open, norm, waitFor, screenshot } = require('../lib/pages');
const { assertAccessible } = require('../lib/axe');
const data = require('../lib/data');

const SIZES = [
  { name: 'desktop', viewport: { width: 1366, height: 768 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];

const blocks = (page) => page.locator('#function-editor article.fblock');
const saved = (page, what) => waitFor(async () => (await page.locator('#save-status').getAttribute('data-state')) === 'saved',
  `${what} (saved)`, 10000);

async function noSidewaysScroll(page, label) {
  const m = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, vw: window.innerWidth }));
  assert.ok(m.sw <= m.vw + 1, `${label}: scrollWidth ${m.sw} > ${m.vw}`);
}

async function apiStatus(urlPath) {
  const res = await fetch(`${env.url}${urlPath}`, { headers: env.server.auth({}) });
  return res.status;
}

/** Every action of the journey goes through here, so the count is what she did. */
function counter() {
  let n = 0;
  return {
    get count() { return n; },
    click: async (locator) => { n += 1; await locator.click(); },
    type: async (locator, text) => { n += text.length; await locator.fill(text); },
  };
}

describe('journey: compose', () => {
  for (const size of SIZES) {
    test(`${size.name}: from the start page to the DOCX of a three-block function`, async (t) => {
      await withPage(t, { viewport: size.viewport, signedIn: true, acceptDownloads: true }, async (page) => {
        const act = counter();
        await open(page, '/');
        await Promise.all([page.waitForURL(/\/functions/), act.click(page.locator('#task-compose'))]);
        await noSidewaysScroll(page, 'function list');
        const title = `Coördinator vrijwilligers ${size.name}`;
        await act.type(page.locator('#nf-title'), title);
        await Promise.all([page.waitForURL(/\/functions\/[^/?]+/), act.click(page.locator('#new-function button[type="submit"]'))]);
        await saved(page, 'the new function');
        const start = await blocks(page).count(); // the learning professional's core

        // Three main activities of the first profile's core ring (the second ring of the tree):
        // open a cluster, take what it offers, open the next when it has no more.
        const CORE = '#source-tree h3.src-layer:nth-of-type(2) ~ details';
        const take = async () => {
          const before = await blocks(page).count();
          const untaken = `${CORE}[open] .src-block button.take:not([data-taken])`;
          if (!(await page.locator(untaken).count())) {
            await act.click(page.locator(`${CORE}:not([open]) > summary`).first());
          }
          const button = page.locator(untaken).first();
          await act.click(button);
          await button.evaluate((b) => { b.dataset.taken = '1'; });
          await waitFor(async () => (await blocks(page).count()) === before + 1, 'a block taken');
          await saved(page, 'the block');
        };
        for (let i = 0; i < 3; i++) await take();
        const titles = await blocks(page).evaluateAll((as) => as.map((a) => a.querySelector('.block-title-input').value));

        const [dl] = await Promise.all([page.waitForEvent('download'), act.click(page.locator('a.export-link[data-format="docx"]'))]);
        const file = path.join(env.artifacts, `journey-${size.name}.docx`);
        await dl.saveAs(file);
        const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 });
        const text = norm(xml.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&'));
        for (const b of titles.slice(start)) assert.ok(text.includes(norm(b)), `the DOCX holds block "${b}"`);
        // The count the note reports (before: 32 actions).
        console.log(`# actions from the start page to the DOCX (${size.name}): ${act.count - title.length + 1} (the title typed counts as 1; ${act.count} keystrokes and clicks in all)`);
        assert.ok(act.count - title.length + 1 <= 10, `at most 10 actions, not ${act.count - title.length + 1}`);
        await noSidewaysScroll(page, 'composer');
        await assertAccessible(page, `composer (${size.name})`);
        await screenshot(page, `journey-compose-${size.name}`);

        // A weight of 250 is refused where it was typed; nothing is said to be saved.
        const weight = blocks(page).first().locator('input.weight-input');
        await weight.fill('250');
        assert.ok(await blocks(page).first().locator('.field-error').isVisible(), 'the refusal is shown at the field');
        assert.equal(await page.locator('#save-status').getAttribute('data-state'), 'invalid');
        await weight.fill('');
        await saved(page, 'the weight cleared');

        // Deleting a block asks first; "Ongedaan maken" brings it back.
        const count = await blocks(page).count();
        const last = blocks(page).last();
        const lastTitle = await last.locator('.block-title-input').inputValue();
        await last.locator('button.danger').click();
        const dialog = page.locator('dialog.confirm-dialog');
        assert.ok(await dialog.isVisible(), 'a deletion asks first');
        assert.ok((await dialog.textContent()).includes(lastTitle), 'the question names the block');
        await assertAccessible(page, `confirm dialog (${size.name})`);
        await dialog.locator('button.danger').click();
        await waitFor(async () => (await blocks(page).count()) === count - 1, 'the block deleted');
        await saved(page, 'the deletion');
        assert.ok(await page.locator('#undo-bar').isVisible(), 'the undo bar');
        await page.locator('#undo-button').click();
        await waitFor(async () => (await blocks(page).count()) === count, 'the block back');
        await saved(page, 'the undo');
        assert.equal(await blocks(page).last().locator('.block-title-input').inputValue(), lastTitle, 'the same block is back');

        // The history says it in Dutch sentences, with the block's title.
        const sentences = page.locator('#history-list .history-sentence');
        await waitFor(async () => /maakte de laatste wijziging ongedaan/.test(await sentences.first().textContent()),
          'the undo, in Dutch, at the top of the history', 15000);
        const history = await sentences.allTextContents();
        assert.ok(history[1].includes(`verwijderde blok “${lastTitle}”`), `the deletion, in Dutch: ${history[1]}`);
        assert.match(history[1], / om \d{2}:\d{2}\.$/, 'with the time');
        assert.ok(history.every((h) => !/\b(took|removed|set block)\b/.test(h)), 'no internal English log text');
      });
    });
  }

  test('one warning per problem; duplicate and delete a function, undone from the list', async (t) => {
    await withPage(t, { signedIn: true }, async (page) => {
      await open(page, '/functions');
      await page.fill('#nf-title', 'Dubbel werk');
      await Promise.all([page.waitForURL(/\/functions\/[^/?]+/), page.click('#new-function button[type="submit"]')]);
      await saved(page, 'the new function');
      // A main activity of the core ring (the function holds none yet), taken twice.
      const takeButton = page.locator('#source-tree h3.src-layer:nth-of-type(2) ~ details .src-block button.take').first();
      await takeButton.evaluate((b) => { b.closest('details').open = true; });
      await takeButton.click();
      await saved(page, 'the first take');
      await takeButton.click();
      await saved(page, 'the second take');
      const warnings = page.locator('#warnings-list li');
      const codes = await warnings.evaluateAll((lis) => lis.map((li) => li.dataset.code));
      assert.equal(codes.filter((c) => c === 'duplicate_block').length, 1, `one warning for a block taken twice: ${codes}`);
      assert.equal(codes.filter((c) => c === 'duplicate_statement').length, 0, 'not one per statement');
      const warning = await warnings.filter({ hasText: 'Blok' }).first().textContent();
      assert.match(warning, /bevat alleen wat blok “.+” al bevat/, 'the warning names the block');

      // Duplicate: a copy opens in the composer.
      const id = new URL(page.url()).pathname.split('/').pop();
      await Promise.all([page.waitForURL((u) => !u.pathname.endsWith(`/${id}`)), page.click('#duplicate-function')]);
      assert.equal(norm(await page.locator('#function-heading').textContent()), 'Dubbel werk (kopie)');
      const copyId = new URL(page.url()).pathname.split('/').pop();

      // Delete the copy from its composer: asked, then the list offers to undo it.
      await page.click('#delete-function');
      await page.locator('dialog.confirm-dialog button.danger').click();
      await page.waitForURL(/\/functions(\?|$)/);
      const row = page.locator(`tr[data-function="${copyId}"]`);
      assert.equal(await row.isVisible(), false, 'the row is gone at once');
      await page.click('#undo-button');
      assert.ok(await row.isVisible(), 'undo brings the row back');
      assert.equal(await apiStatus(`/api/functions/${copyId}`), 200, 'and the function was never deleted');

      // Delete it from the list: asked, and gone for good once the undo bar is closed.
      await row.locator('button.delete-function').click();
      await page.locator('dialog.confirm-dialog button.danger').click();
      assert.equal(await row.isVisible(), false);
      await page.locator('#undo-bar button[aria-label]').click();
      await waitFor(async () => (await apiStatus(`/api/functions/${copyId}`)) === 404, 'the function deleted');
      assert.equal(await apiStatus(`/api/functions/${id}`), 200, 'the original stays');
      await assertAccessible(page, 'function list with actions');
    });
  });

  test('a competence fits several clusters: the crosswalk suggests one, she chooses where it goes', async (t) => {
    await withPage(t, { signedIn: true }, async (page) => {
      await open(page, '/functions');
      await page.fill('#nf-title', 'Syndicaal medewerker');
      await Promise.all([page.waitForURL(/\/functions\/[^/?]+/), page.click('#new-function button[type="submit"]')]);
      await saved(page, 'the new function');
      const bk = data.mainQualification();
      await page.selectOption('#source-picker', `qualification:${bk.id}`);
      const block = page.locator(`.src-block[data-source="${bk.id}:1"]`);
      await block.waitFor({ state: 'attached' });
      await block.evaluate((b) => { b.closest('details').open = true; });
      const place = block.locator('select.place-in');
      const suggested = await place.locator('optgroup').first().locator('option').allTextContents();
      const chosen = await place.inputValue();
      const api = (await (await fetch(`${env.url}/api/crosswalks/clusters?qualification=${bk.id}`)).json())
        .competences.find((c) => c.number === 1).clusters;
      if (api.length) {
        assert.equal(chosen, api[0].id, 'the crosswalk\'s best cluster is chosen first');
        assert.equal(suggested.length, api.length, 'its suggestions come first');
        assert.ok((await block.locator('.place-why').textContent()).includes(api[0].title), 'the hint names it');
      }
      // She puts it elsewhere: a cluster of the supporting ring that is not the suggestion.
      const other = await place.locator('optgroup:last-of-type option').evaluateAll(
        (os, not) => os.map((o) => o.value).find((v) => v && v !== not), chosen);
      await place.selectOption(other);
      await block.locator('button.take').click();
      await waitFor(async () => (await page.locator(`#function-editor .cluster-group[data-cluster="${other}"] article.fblock`).count()) === 1,
        'the competence in the cluster she chose');
      await saved(page, 'the competence');
    });
  });

  test('English composer: ring names, headings and history in English', async (t) => {
    await withPage(t, { signedIn: true }, async (page) => {
      await open(page, '/functions?lang=en');
      await page.fill('#nf-title', 'English journey');
      await Promise.all([page.waitForURL(/\/functions\/[^/?]+\?lang=en/), page.click('#new-function button[type="submit"]')]);
      await saved(page, 'the new function');
      const rings = await page.locator('#function-editor .layer-title').allTextContents();
      assert.ok(rings.includes('The learning professional'), `English ring names: ${rings}`);
      const treeRings = await page.locator('#source-tree .src-layer').allTextContents();
      assert.ok(treeRings.includes('Core activities'), `English ring names in the structure: ${treeRings}`);
      await waitFor(async () => (await page.locator('#history-list .history-sentence').count()) >= 1, 'the history', 15000);
      assert.match(await page.locator('#history-list .history-sentence').first().textContent(), /created the function “English journey”/);
    });
  });
});
