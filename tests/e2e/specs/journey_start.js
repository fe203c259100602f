// A director's first minutes (issue 17, "Start" and "The ring model"), at a desktop's and a
// phone's size: what vakkaart is and its three tasks, counts that agree between the start page
// and the ring, the ring's legend and (on a phone) its list, and a language choice that stays.
'use strict';
const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const { withPage, open } = require('../lib/pages');
const { assertAccessible } = require('../lib/axe');

const SIZES = [
  { name: 'desktop', viewport: { width: 1366, height: 768 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];

async function noSidewaysScroll(page, label) {
  const m = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, vw: window.innerWidth }));
  assert.ok(m.sw <= m.vw + 1, `${label}: scrollWidth ${m.sw} > ${m.vw}`);
}

describe('journey: start', () => {
  for (const size of SIZES) {
    test(`${size.name}: the start page says what vakkaart is and offers the three tasks`, async (t) => {
      await withPage(t, { viewport: size.viewport }, async (page) => {
        await open(page, '/');
        assert.ok(await page.locator('#what').isVisible(), 'the one-sentence description');
        for (const [id, name] of [['#task-compose', 'Een functie samenstellen'],
          ['#task-analyse', 'Een vacature of tekst analyseren'],
          ['#task-explore', 'Beroepen en kwalificaties verkennen']]) {
          const task = page.locator(id);
          assert.ok(await task.isVisible(), `${id} visible`);
          assert.ok((await task.textContent()).includes(name), `${id} is named "${name}"`);
        }
        assert.match(await page.title(), /Start/);
        assert.equal(await page.locator('link[rel=icon]').count(), 1, 'a favicon');
        await noSidewaysScroll(page, 'start');
        await assertAccessible(page, `start (${size.name})`);

        // The counts on a profile's card are those of its page and of its ring.
        const card = page.locator('#profiles .card a').first();
        const main = Number(await card.locator('.main-activity-count').getAttribute('data-count'));
        const all = Number(await card.locator('.activity-count').getAttribute('data-count'));
        await Promise.all([page.waitForURL(/\/profiles\//), card.click()]);
        const ring = await page.locator('svg.ring-model a.seg').evaluateAll(
          (segs) => segs.reduce((sum, s) => sum + Number(s.dataset.count), 0));
        assert.equal(ring, all, 'the ring counts the activities the start page named');
        assert.equal(Number(await page.locator('#profile-counts .activities').getAttribute('data-count')), all);
        assert.equal(Number(await page.locator('#profile-counts .main-activities').getAttribute('data-count')), main);
        assert.match(await page.title(), /^[^·]+ · vakkaart$/, 'the title names the profile');

        assert.ok(await page.locator('#ring-legend').isVisible(), 'the legend is shown');
        const list = page.locator('#ring-list');
        if (size.name === 'phone') {
          assert.ok(await list.isVisible(), 'a phone gets the list of clusters');
          const smallest = await list.locator('a').evaluateAll(
            (as) => Math.min(...as.map((a) => parseFloat(getComputedStyle(a).fontSize))));
          assert.ok(smallest >= 14, `list links are readable (${smallest}px)`);
          // The ring's own labels, a few pixels high at this width, are not shown.
          assert.equal(await page.locator('svg.ring-model text').first().isVisible(), false);
        } else {
          assert.equal(await list.isVisible(), false, 'the desktop reads the ring itself');
        }
        await noSidewaysScroll(page, 'profile');
        await assertAccessible(page, `profile (${size.name})`);
      });
    });
  }

  test('the language chosen stays on every page until changed back', async (t) => {
    await withPage(t, async (page) => {
      await open(page, '/');
      await Promise.all([page.waitForURL(/lang=en/), page.locator('a.lang-switch').click()]);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      // A link without ?lang= (typed, bookmarked) keeps English.
      await open(page, '/profiles/campagnewerker');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.ok((await page.locator('#ring-legend').textContent()).includes('Core activities'));
      await open(page, '/search');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      await Promise.all([page.waitForURL(/lang=nl/), page.locator('a.lang-switch').click()]);
      assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
      await open(page, '/');
      assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
    });
  });
});
