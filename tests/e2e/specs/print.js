// 9. The print view: every panel visible, A4 PDF.
'use strict';
const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { env } = require('../lib/env');
const { withPage, open, visiblePanels, readPanel } = require('../lib/pages');
const data = require('../lib/data');

describe('print view', () => {
  test('every cluster panel visible, on screen and in print media', async (t) => {
    const { profile: p } = data.mainProfile();
    await withPage(t, async (page) => {
      await open(page, `/profiles/${encodeURIComponent(p.id)}/print`);
      const ids = p.clusters.map((c) => c.id).sort();
      assert.deepEqual([...(await visiblePanels(page))].sort(), ids, 'visible panels (screen)');
      await page.emulateMedia({ media: 'print' });
      assert.deepEqual([...(await visiblePanels(page))].sort(), ids, 'visible panels (print media)');
      for (const c of p.clusters) {
        const v = await readPanel(page.locator(`section.cluster-panel[data-cluster="${c.id}"]`));
        assert.deepEqual(v.texts, data.clusterTexts(c), `${c.id}: activity texts`);
      }
    });
  });

  test('page.pdf({format: "A4"}) yields a PDF', async (t) => {
    const { profile: p } = data.mainProfile();
    await withPage(t, async (page) => {
      await open(page, `/profiles/${encodeURIComponent(p.id)}/print`);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      fs.writeFileSync(path.join(env.artifacts, 'profile-print.pdf'), pdf);
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', 'PDF header');
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
      assert.ok(pdf.length > 1000 && pages >= 1, `a PDF with pages (${pdf.length} bytes, ${pages} pages)`);
    });
  });
});
