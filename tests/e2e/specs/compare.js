// 3. Compare: choose two profiles in the form; shared and unique statements are marked.
'use strict';
const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const { api } = require('../lib/env');
const { withPage, open, norm, waitFor } = require('../lib/pages');
const data = require('../lib/data');

/** Every statement of /api/compare as { text, share, item }. */
function apiStatements(doc) {
  const out = [];
  for (const g of doc.groups || []) {
    for (const cell of g.cells || []) {
      for (const st of cell.statements || []) {
        out.push({ text: norm(st.text), share: st.share, item: st.item ?? cell.item ?? cell.id ?? null });
      }
    }
  }
  return out;
}

/** text -> sorted distinct shares */
function sharesByText(list) {
  const m = new Map();
  for (const s of list) {
    if (!m.has(s.text)) m.set(s.text, new Set());
    m.get(s.text).add(s.share);
  }
  return new Map([...m].map(([k, v]) => [k, [...v].sort().join(',')]));
}

async function readStatements(page) {
  return page.locator('li.statement').evaluateAll((lis) => lis.map((li) => ({
    text: (li.querySelector('span.statement-text')?.textContent ?? '<no span.statement-text>').replace(/\s+/g, ' ').trim(),
    share: li.getAttribute('data-share'),
    item: li.getAttribute('data-item'),
  })));
}

describe('compare page', () => {
  test('the form offers every profile and qualification', async (t) => {
    await withPage(t, async (page) => {
      await open(page, '/compare');
      const values = await page.locator('form#compare-form input[type=checkbox][name=item]')
        .evaluateAll((is) => is.map((i) => i.value));
      const want = [...data.profiles().map((p) => p.id), ...data.qualifications().map((q) => q.id)];
      assert.deepEqual([...values].sort(), [...want].sort(), 'checkboxes name=item');
      assert.equal(await page.locator('form#compare-form button[type=submit]').count(), 1, 'submit button');
    });
  });

  test('two profiles chosen in the form: heat maps, columns, shared/unique marking', async (t) => {
    const pair = data.comparePair();
    assert.ok(pair, 'the data has two profiles with statements of their own');
    const { a, b } = pair;
    await withPage(t, async (page) => {
      await open(page, '/compare');
      await page.locator('form#compare-form input[type=checkbox][name=item]:checked').evaluateAll(
        (is) => is.forEach((i) => { i.checked = false; }));
      await page.check(`form#compare-form input[type=checkbox][name=item][value="${a.id}"]`);
      await page.check(`form#compare-form input[type=checkbox][name=item][value="${b.id}"]`);
      await Promise.all([
        page.waitForURL((u) => u.pathname === '/compare' && u.searchParams.getAll('item').length === 2, { waitUntil: 'load' }),
        page.click('form#compare-form button[type=submit]'),
      ]);
      const items = new URL(page.url()).searchParams.getAll('item');
      assert.deepEqual([...items].sort(), [a.id, b.id].sort(), 'the URL names the chosen items');
      // The chosen boxes stay checked on the result page.
      const checked = await page.locator('form#compare-form input[name=item]:checked').evaluateAll((is) => is.map((i) => i.value));
      assert.deepEqual([...checked].sort(), [a.id, b.id].sort(), 'checked boxes on the result page');

      // Heat maps: cells with a number in their <title>.
      for (const measure of ['statements', 'terms']) {
        const map = page.locator(`svg.heatmap[data-measure="${measure}"]`);
        assert.equal(await map.count(), 1, `svg.heatmap[data-measure=${measure}]`);
        const titles = await map.locator('rect.cell').evaluateAll((rs) => rs.map((r) => r.querySelector('title')?.textContent ?? null));
        assert.ok(titles.length > 0, `${measure} heat map has rect.cell`);
        for (const tt of titles) assert.match(tt ?? '<no title>', /\d/, `${measure} heat map cell <title> has a number`);
      }

      // One column per chosen item, in the table of every cluster (each collapsed on its own).
      const tables = await page.locator('table.comparison').evaluateAll((ts) => ts.map(
        (tb) => [...tb.querySelectorAll('th[scope=col]')].map((th) => th.textContent.replace(/\s+/g, ' ').trim())));
      assert.ok(tables.length > 0, 'table.comparison');
      for (const cols of tables) {
        for (const p of [a, b]) {
          assert.equal(cols.filter((c) => c.includes(norm(p.title))).length, 1,
            `one th[scope=col] with "${p.title}" (columns: ${JSON.stringify(cols)})`);
        }
      }

      // Marking of statements chosen from the store.
      const shown = await readStatements(page);
      assert.ok(shown.length > 0, 'li.statement elements');
      const byText = new Map();
      for (const s of shown) {
        if (!byText.has(s.text)) byText.set(s.text, []);
        byText.get(s.text).push(s);
      }
      for (const text of data.spread(pair.shared, 5)) {
        const found = byText.get(text) || [];
        assert.ok(found.length > 0, `shared statement listed: "${text}"`);
        for (const s of found) assert.equal(s.share, 'all', `"${text}" is in both profiles: data-share`);
      }
      for (const [p, list] of [[a, pair.uniqueA], [b, pair.uniqueB]]) {
        for (const text of data.spread(list, 4)) {
          const found = byText.get(text) || [];
          assert.ok(found.length > 0, `statement of ${p.id} only listed: "${text}"`);
          for (const s of found) {
            assert.equal(s.share, 'unique', `"${text}" is only in ${p.id}: data-share`);
            assert.equal(s.item, p.id, `"${text}" is only in ${p.id}: data-item`);
          }
        }
      }

      // The same marking as /api/compare for the same items.
      const doc = await api(`/api/compare?item=${encodeURIComponent(a.id)}&item=${encodeURIComponent(b.id)}`);
      const fromApi = sharesByText(apiStatements(doc));
      assert.ok(fromApi.size > 0, '/api/compare lists statements');
      const fromPage = sharesByText(shown);
      const diffs = [];
      for (const [text, share] of fromApi) {
        if (fromPage.get(text) !== share) diffs.push(`"${text}": api ${share}, page ${fromPage.get(text) ?? '(missing)'}`);
      }
      for (const text of fromPage.keys()) if (!fromApi.has(text)) diffs.push(`"${text}": on the page, not in /api/compare`);
      assert.deepEqual(diffs.slice(0, 20), [], `marking differs from /api/compare (${diffs.length} differences)`);
    });
  });

  test('direct link /compare?item=a&item=b renders the same columns', async (t) => {
    const { a, b } = data.comparePair();
    await withPage(t, async (page) => {
      await open(page, `/compare?item=${encodeURIComponent(a.id)}&item=${encodeURIComponent(b.id)}`);
      await waitFor(async () => (await page.locator('li.statement').count()) > 0, 'li.statement');
      const cols = (await page.locator('table.comparison th[scope=col]').allTextContents()).map(norm);
      assert.ok(cols.some((c) => c.includes(norm(a.title))) && cols.some((c) => c.includes(norm(b.title))),
        `columns ${JSON.stringify(cols)} name both profiles`);
    });
  });
});

