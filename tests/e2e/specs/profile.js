// 2. The profile page: ring model, cluster panels equal to the store, by mouse and keyboard.
'use strict';
const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const {
  withPage, open, norm, visiblePanels, expectOnlyPanel, clickSvgLink, readPanel,
} = require('../lib/pages');
const data = require('../lib/data');

const enc = encodeURIComponent;
const panel = (page, id) => page.locator(`section.cluster-panel[data-cluster="${id}"]`);
const segment = (page, id) => page.locator(`svg.ring-model a.seg[data-cluster="${id}"]`);

/** Asserts the rendered panel equals the store's cluster: titles, pre-order texts, nesting. */
async function assertPanelMatches(page, cluster, label) {
  const shown = await readPanel(panel(page, cluster.id));
  const want = data.clusterTree(cluster);
  assert.equal(shown.title, want.title, `${label}: h2 = cluster title`);
  assert.deepEqual(shown.mainTitles, data.mainTitles(cluster), `${label}: main-activity titles`);
  assert.deepEqual(shown.texts, data.clusterTexts(cluster), `${label}: activity texts in pre-order`);
  assert.deepEqual(shown.mains, want.mains, `${label}: main activities and nesting (li.activity, li.activity.sub)`);
}

describe('profile page', () => {
  test('title, definition, one ring segment and one panel per cluster, none open', async (t) => {
    const { profile: p } = data.mainProfile();
    await withPage(t, async (page) => {
      await open(page, `/profiles/${enc(p.id)}`);
      assert.equal(norm(await page.locator('h1').first().textContent()), norm(p.title), 'h1');
      assert.equal(norm(await page.locator('.definition').first().textContent()), norm(p.definition), '.definition');
      const ids = p.clusters.map((c) => c.id);
      const segs = await page.locator('svg.ring-model a.seg').evaluateAll((as) => as.map((a) => a.dataset.cluster));
      assert.deepEqual([...segs].sort(), [...ids].sort(), 'a.seg[data-cluster] = the clusters');
      const panels = await page.locator('section.cluster-panel').evaluateAll((ss) => ss.map((s) => s.dataset.cluster));
      assert.deepEqual([...panels].sort(), [...ids].sort(), 'section.cluster-panel[data-cluster] = the clusters');
      assert.deepEqual(await visiblePanels(page), [], 'no panel open without ?cluster=');
      for (const id of ids) {
        const href = await segment(page, id).evaluate((a) => a.getAttribute('href') || a.getAttribute('xlink:href'));
        assert.ok(href, `segment ${id} is a link`);
        const u = new URL(href, page.url());
        assert.equal(u.pathname, `/profiles/${enc(p.id)}`, `segment ${id} links to the profile`);
        assert.equal(u.searchParams.get('cluster'), id, `segment ${id} links to ?cluster=${id}`);
      }
    });
  });

  test('every panel of every profile equals the store (server-rendered)', async (t) => {
    await withPage(t, async (page) => {
      for (const p of data.profiles()) {
        await open(page, `/profiles/${enc(p.id)}`);
        for (const c of p.clusters) await assertPanelMatches(page, c, `${p.id} / ${c.id}`);
      }
    });
  });

  test('?cluster= opens that panel only', async (t) => {
    const { profile: p, second } = data.mainProfile();
    await withPage(t, async (page) => {
      await open(page, `/profiles/${enc(p.id)}?cluster=${enc(second.id)}`);
      await expectOnlyPanel(page, second.id);
      await assertPanelMatches(page, second, second.id);
    });
  });

  test('clicking each ring segment shows that cluster, equal to the store', async (t) => {
    const { profile: p } = data.mainProfile();
    await withPage(t, async (page) => {
      await open(page, `/profiles/${enc(p.id)}`);
      for (const c of p.clusters) {
        await clickSvgLink(page, segment(page, c.id));
        await expectOnlyPanel(page, c.id);
        const v = await readPanel(panel(page, c.id));
        assert.deepEqual(v.mainTitles, data.mainTitles(c), `${c.id}: visible main-activity titles`);
        assert.deepEqual(v.texts, data.clusterTexts(c), `${c.id}: visible activity texts in pre-order`);
      }
    });
  });

  test('keyboard: focus a segment, Enter shows that cluster', async (t) => {
    const { profile: p, first, second } = data.mainProfile();
    await withPage(t, async (page) => {
      await open(page, `/profiles/${enc(p.id)}?cluster=${enc(first.id)}`);
      await expectOnlyPanel(page, first.id);
      const seg = segment(page, second.id);
      await seg.focus();
      assert.ok(await seg.evaluate((a) => document.activeElement === a), `segment ${second.id} takes focus`);
      await page.keyboard.press('Enter');
      await expectOnlyPanel(page, second.id);
      const v = await readPanel(panel(page, second.id));
      assert.deepEqual(v.mainTitles, data.mainTitles(second), 'visible main-activity titles');
      assert.deepEqual(v.texts, data.clusterTexts(second), 'visible activity texts in pre-order');
    });
  });

  test('segments are reachable with Tab', async (t) => {
    const { profile: p } = data.mainProfile();
    await withPage(t, async (page) => {
      await open(page, `/profiles/${enc(p.id)}`);
      const reached = new Set();
      for (let i = 0; i < 200 && reached.size < p.clusters.length; i++) {
        await page.keyboard.press('Tab');
        const id = await page.evaluate(() => {
          const a = document.activeElement;
          return a && a.matches('svg.ring-model a.seg') ? a.dataset.cluster : null;
        });
        if (id) reached.add(id);
      }
      assert.deepEqual([...reached].sort(), p.clusters.map((c) => c.id).sort(), 'segments reached by Tab');
    });
  });
});

module.exports = { assertPanelMatches };
