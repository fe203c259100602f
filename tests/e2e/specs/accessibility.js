// 6. axe-core on every page: no serious or critical violations. The pages as they open are
// checked by every_page.js, at a desktop's and a phone's size; this adds states a visitor
// reaches by acting on a page.
'use strict';
const { describe, test } = require('node:test');
const { withPage, open, clickSvgLink, expectOnlyPanel } = require('../lib/pages');
const { assertAccessible } = require('../lib/axe');
const data = require('../lib/data');

describe('accessibility (axe-core)', () => {
  test('English start page and profile after a segment click: no serious or critical violations', async (t) => {
    const { profile: p, second } = data.mainProfile();
    await withPage(t, { bypassCSP: true }, async (page) => {
      await open(page, '/?lang=en');
      await assertAccessible(page, 'start (en)');
      await open(page, `/profiles/${encodeURIComponent(p.id)}`);
      await clickSvgLink(page, page.locator(`svg.ring-model a.seg[data-cluster="${second.id}"]`));
      await expectOnlyPanel(page, second.id);
      await assertAccessible(page, `profile after opening ${second.id}`);
      await open(page, `/qualifications/${encodeURIComponent(data.mainQualification().id)}?tab=autonomy`);
      await assertAccessible(page, 'qualification ?tab=autonomy');
    });
  });
});
