// Every page at a desktop's and a phone's size (issue 17): axe-core finds no serious or critical
// violation and nothing scrolls sideways. With E2E_SCREENSHOTS set (`make screenshots`), each is
// also photographed whole into that folder, for a reviewer to look at.
'use strict';
const { describe, test, before } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { env } = require('../lib/env');
const { withPage, open } = require('../lib/pages');
const { assertAccessible } = require('../lib/axe');
const data = require('../lib/data');

const SIZES = [
  { name: 'desktop', viewport: { width: 1366, height: 768 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];

const VACANCY = 'Wij zoeken een gemeenschapswerker die buurtbewoners samenbrengt, netwerken uitbouwt '
  + 'met lokale partners en vrijwilligers begeleidt bij het organiseren van activiteiten in de wijk.';

/** The pages, public and signed-in, as a visitor reaches them. */
function pages(functionId) {
  const enc = encodeURIComponent;
  return [
    ...data.pageList(),
    { name: 'start-en', path: '/?lang=en' },
    { name: 'analyse', path: '/analyse' },
    {
      name: 'analyse-result',
      path: '/analyse',
      async then(page) {
        await page.fill('#analyse-text', VACANCY);
        await Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.click('.analyse-form button[type="submit"]')]);
      },
    },
    { name: 'sign-in', path: '/sign-in' },
    { name: 'functions', path: '/functions', signedIn: true },
    { name: 'composer', path: `/functions/${enc(functionId)}`, signedIn: true },
    { name: 'composer-en', path: `/functions/${enc(functionId)}?lang=en`, signedIn: true },
    { name: 'account', path: '/account', signedIn: true },
    { name: 'organisation', path: '/organisation', signedIn: true },
    { name: 'audit', path: '/organisation/audit', signedIn: true },
  ];
}

let functionId = null;
const shots = process.env.E2E_SCREENSHOTS || '';

describe('every page at both sizes', () => {
  before(async () => {
    const res = await fetch(`${env.url}/api/functions`, {
      method: 'POST', headers: env.server.auth({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({ title: 'Coördinator vrijwilligers', organisation: 'Vormingplus' }),
    });
    assert.equal(res.status, 201);
    const view = await res.json();
    functionId = view.function.id;
    const edits = [{ op: 'add_block', source: 'BK-0338-3:1' }];
    const saved = await fetch(`${env.url}/api/functions/${functionId}/edits`, {
      method: 'POST', headers: env.server.auth({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({ version: view.function.version, edits }),
    });
    assert.equal(saved.status, 200);
    if (shots) fs.mkdirSync(shots, { recursive: true });
  });

  for (const size of SIZES) {
    test(`${size.name}: axe finds nothing serious, nothing scrolls sideways`, async (t) => {
      for (const p of pages(functionId)) {
        await withPage(t, { viewport: size.viewport, bypassCSP: true, signedIn: Boolean(p.signedIn) }, async (page) => {
          await open(page, p.path);
          if (p.then) await p.then(page);
          // The composer builds its editor after the page has loaded.
          if (p.name.startsWith('composer')) await page.locator('#function-editor:not([hidden])').waitFor();
          const m = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, vw: window.innerWidth }));
          assert.ok(m.sw <= m.vw + 1, `${p.name} (${size.name}): scrollWidth ${m.sw} > ${m.vw}`);
          await assertAccessible(page, `${p.name} (${size.name})`);
          if (shots) await page.screenshot({ path: path.join(shots, `${p.name}-${size.name}.png`), fullPage: true });
        });
      }
    });
  }
});
