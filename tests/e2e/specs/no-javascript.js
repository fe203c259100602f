// 7. Without JavaScript: panels and tabs work through links and query parameters.
'use strict';
const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const { withPage, open, expectOnlyPanel, clickSvgLink, readPanel } = require('../lib/pages');
const { expectTab } = require('./qualification');
const data = require('../lib/data');

describe('without JavaScript', () => {
  test('profile: ?cluster= shows that panel; a segment click navigates to the other', async (t) => {
    const { profile: p, first, second } = data.mainProfile();
    await withPage(t, { javaScriptEnabled: false }, async (page) => {
      await open(page, `/profiles/${encodeURIComponent(p.id)}?cluster=${encodeURIComponent(first.id)}`);
      await expectOnlyPanel(page, first.id);
      await Promise.all([
        page.waitForURL((u) => u.searchParams.get('cluster') === second.id, { waitUntil: 'load' }),
        clickSvgLink(page, page.locator(`svg.ring-model a.seg[data-cluster="${second.id}"]`)),
      ]);
      await expectOnlyPanel(page, second.id);
      const v = await readPanel(page.locator(`section.cluster-panel[data-cluster="${second.id}"]`));
      assert.deepEqual(v.texts, data.clusterTexts(second), 'activity texts of the panel');
    });
  });

  test('qualification: ?tab=autonomy shows that panel; a tab link navigates', async (t) => {
    const q = data.mainQualification();
    await withPage(t, { javaScriptEnabled: false }, async (page) => {
      await open(page, `/qualifications/${encodeURIComponent(q.id)}?tab=autonomy`);
      await expectTab(page, 'autonomy');
      await Promise.all([
        page.waitForURL((u) => u.searchParams.get('tab') === 'certificates', { waitUntil: 'load' }),
        page.click('#tab-certificates'),
      ]);
      await expectTab(page, 'certificates');
    });
  });
});
