// The qualification page: header data, competences and tabs equal to the store.
'use strict';
const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const { withPage, open, norm, visibleKeys, waitFor } = require('../lib/pages');
const data = require('../lib/data');

const TABS = ['contexts', 'autonomy', 'responsibility', 'certificates'];
const visibleTabPanels = (page) => visibleKeys(page, '[role=tabpanel]', 'id');

async function expectTab(page, tab) {
  try {
    await waitFor(async () => {
      const v = await visibleTabPanels(page);
      return v.length === 1 && v[0] === `panel-${tab}`
        && (await page.getAttribute(`#tab-${tab}`, 'aria-selected')) === 'true';
    }, `tab ${tab}`);
  } catch {
    assert.deepEqual(
      { visible: await visibleTabPanels(page), selected: await page.getAttribute(`#tab-${tab}`, 'aria-selected') },
      { visible: [`panel-${tab}`], selected: 'true' }, `tab ${tab}: visible tab panels and aria-selected`);
  }
  const selected = await page.locator('[role=tablist] a[role=tab][aria-selected="true"]').evaluateAll((as) => as.map((a) => a.id));
  assert.deepEqual(selected, [`tab-${tab}`], 'exactly one tab aria-selected="true"');
}

describe('qualification page', () => {
  test('header, level and competences equal the store', async (t) => {
    const q = data.mainQualification();
    await withPage(t, async (page) => {
      await open(page, `/qualifications/${encodeURIComponent(q.id)}`);
      const text = async (sel) => norm(await page.locator(sel).first().textContent());
      assert.equal(await text('h1'), norm(q.title), 'h1');
      assert.ok((await text('.qualification-code')).includes(q.code), `.qualification-code has ${q.code}`);
      assert.ok((await text('.qualification-version')).includes(String(q.version)), `.qualification-version has ${q.version}`);
      const level = await text('.level');
      assert.ok(level.includes(`VKS ${q.level.vks}`), `.level "${level}" has "VKS ${q.level.vks}"`);
      assert.ok(level.includes(`EQF ${q.level.eqf}`), `.level "${level}" has "EQF ${q.level.eqf}"`);
      if (q.id === 'BK-0338-3') assert.ok(level.includes('VKS 5') && level.includes('EQF 5'), '.level VKS 5 / EQF 5');
      assert.equal(await text('.definition'), norm(q.definition), '.definition');

      // versions: the numbers of all stored versions of the code; each other one is linked.
      const others = (q.versions || []).map((v) => (typeof v === 'object' ? v.version ?? v.id : v))
        .filter((v) => v != null && String(v) !== String(q.version))
        .map((v) => (String(v).startsWith(q.code) ? String(v) : `${q.code}-${v}`));
      const versionLinks = await page.locator('.versions a').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
      for (const id of others) {
        assert.ok(versionLinks.includes(`/qualifications/${encodeURIComponent(id)}`), `.versions links to ${id}`);
      }

      const shown = await page.locator('#competences li.competence').evaluateAll((lis) => lis.map((li) => ({
        text: li.textContent.replace(/\s+/g, ' ').trim(),
        activities: [...li.querySelectorAll('li.competence-activity')].map((a) => ({
          text: a.textContent.replace(/\s+/g, ' ').trim(), descriptor: a.getAttribute('data-descriptor'),
        })),
        knowledge: [...li.querySelectorAll('li.knowledge')].map((k) => ({
          text: k.textContent.replace(/\s+/g, ' ').trim(), kind: k.getAttribute('data-kind'),
        })),
      })));
      assert.equal(shown.length, q.competences.length, 'one li.competence per competence');
      q.competences.forEach((c, i) => {
        const s = shown[i];
        assert.ok(s.text.includes(norm(c.title)), `competence ${c.number}: title "${c.title}"`);
        assert.equal(s.activities.length, c.activities.length, `competence ${c.number}: li.competence-activity count`);
        c.activities.forEach((a, k) => {
          assert.ok(s.activities[k].text.includes(norm(a.text)), `competence ${c.number} activity ${k}: "${a.text}"`);
          assert.equal(s.activities[k].descriptor, String(a.descriptor), `competence ${c.number} activity ${k}: data-descriptor`);
        });
        // Knowledge in any order (the page may group it by kind), each with its kind.
        assert.equal(s.knowledge.length, c.knowledge.length, `competence ${c.number}: li.knowledge count`);
        const left = [...s.knowledge];
        for (const kn of c.knowledge) {
          const want = norm(kn.text);
          const at = left.findIndex((x) => (x.text === want || x.text.startsWith(`${want} `)) && x.kind === String(kn.kind));
          assert.ok(at >= 0, `competence ${c.number}: li.knowledge[data-kind=${kn.kind}] "${kn.text}"`);
          left.splice(at, 1);
        }
      });
    });
  });

  test('tabs: clicking each tab shows its panel only and selects it', async (t) => {
    const q = data.mainQualification();
    await withPage(t, async (page) => {
      await open(page, `/qualifications/${encodeURIComponent(q.id)}`);
      const tabIds = await page.locator('[role=tablist] a[role=tab]').evaluateAll((as) => as.map((a) => a.id));
      assert.deepEqual([...tabIds].sort(), TABS.map((x) => `tab-${x}`).sort(), 'the tabs');
      const panelIds = await page.locator('[role=tabpanel]').evaluateAll((ps) => ps.map((p) => p.id));
      assert.deepEqual([...panelIds].sort(), TABS.map((x) => `panel-${x}`).sort(), 'the tab panels');
      for (const tab of [...TABS.slice(1), TABS[0]]) {
        await page.click(`#tab-${tab}`);
        await expectTab(page, tab);
      }
      // What the panels hold, from the store.
      await page.click('#tab-autonomy');
      await expectTab(page, 'autonomy');
      const autonomyText = norm(await page.locator('#panel-autonomy').textContent());
      for (const s of data.allStrings(q.autonomy)) {
        if (s) assert.ok(autonomyText.includes(s), `#panel-autonomy has "${s}"`);
      }
      await page.click('#tab-responsibility');
      await expectTab(page, 'responsibility');
      const respText = norm(await page.locator('#panel-responsibility').textContent());
      for (const s of data.allStrings(q.responsibility)) {
        if (s) assert.ok(respText.includes(s), `#panel-responsibility has "${s}"`);
      }
    });
  });

  test('?tab=certificates opens that tab', async (t) => {
    const q = data.mainQualification();
    await withPage(t, async (page) => {
      await open(page, `/qualifications/${encodeURIComponent(q.id)}?tab=certificates`);
      await expectTab(page, 'certificates');
    });
  });
});

module.exports = { expectTab, TABS };
