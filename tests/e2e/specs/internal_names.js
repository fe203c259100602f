// 16. No internal name reaches a reader: search (one query per statement kind and every kind
// facet), profile, qualification (every tab), compare, analyse and composer pages, in Dutch and
// English, show no snake_case word (a model field such as independent_in or action_context) in
// any text or in the labels a screen reader reads.
'use strict';
const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { env } = require('../lib/env');
const { withPage, open } = require('../lib/pages');
const data = require('../lib/data');

const ROOT = path.resolve(process.env.VAKKAART_ROOT || path.join(__dirname, '..', '..', '..'));
const VACANCY = path.join(ROOT, 'tests', 'data', 'vacancies', '038-campagnewerker-fairtrade.txt');

// Queries that reach every statement kind of the bundled sources (competence activities,
// knowledge, contexts, autonomy, responsibility, profile activities and definitions).
const QUERIES = ['overleg', 'zelfstandig', 'verantwoordelijk', 'kennis', 'vakbond', 'vrijwilligers'];
const KINDS = ['activity', 'sub_activity', 'main_activity', 'definition', 'competence', 'competence_activity',
  'knowledge', 'environment_context', 'action_context', 'independent_in', 'bound_to', 'relies_on', 'responsibility'];

/** snake_case words in every text node (hidden tabs too) and in title/aria-label/alt/placeholder. */
async function internalNames(page) {
  return page.evaluate(() => {
    const snake = /\b[a-z0-9]+(?:_[a-z0-9]+)+\b/g;
    const found = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement.closest('script, style, template')
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.textContent.match(snake) || []) found.add(`"${m}" in text`);
    }
    for (const el of document.querySelectorAll('[title], [aria-label], [alt], [placeholder]')) {
      for (const attr of ['title', 'aria-label', 'alt', 'placeholder']) {
        for (const m of (el.getAttribute(attr) || '').match(snake) || []) found.add(`"${m}" in @${attr}`);
      }
    }
    return [...found].sort();
  });
}

async function expectNoInternalNames(page, what) {
  const found = await internalNames(page);
  assert.deepEqual(found, [], `${what} (${page.url()}) shows internal names`);
}

function readerPaths() {
  const enc = encodeURIComponent;
  const q = data.mainQualification();
  const paths = data.pageList().map((pg) => pg.path);
  for (const p of data.profiles()) paths.push(`/profiles/${enc(p.id)}`);
  for (const tab of ['contexts', 'autonomy', 'responsibility']) paths.push(`/qualifications/${enc(q.id)}?tab=${tab}`);
  for (const query of QUERIES) paths.push(`/search?q=${enc(query)}`);
  for (const kind of KINDS) paths.push(`/search?q=${enc('de')}&kind=${kind}`);
  return paths;
}

describe('no internal names in pages', () => {
  for (const lang of ['nl', 'en']) {
    test(`search, profiles, qualification, compare (${lang})`, async (t) => {
      await withPage(t, async (page) => {
        for (const p of readerPaths()) {
          await open(page, p + (p.includes('?') ? '&' : '?') + `lang=${lang}`);
          await expectNoInternalNames(page, p);
        }
      });
    });
  }

  test('analyse result page (nl and en)', async (t) => {
    const text = fs.readFileSync(VACANCY, 'utf8');
    await withPage(t, async (page) => {
      for (const lang of ['nl', 'en']) {
        await open(page, `/analyse?lang=${lang}`);
        await expectNoInternalNames(page, 'analyse form');
        await page.fill('form.analyse-form textarea[name=text]', text);
        await Promise.all([
          page.waitForNavigation({ waitUntil: 'load' }),
          page.click('form.analyse-form button[type=submit]'),
        ]);
        assert.ok((await page.locator('main').textContent()).includes('ampagne'), 'the result page shows a verdict');
        await expectNoInternalNames(page, 'analyse result');
      }
    });
  });

  test('function list and composer with blocks of a profile and a qualification', async (t) => {
    const made = await fetch(`${env.url}/api/functions`, {
      method: 'POST', headers: env.server.auth({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({ title: 'Interne namen e2e', organisation: 'e2e' }),
    });
    assert.equal(made.status, 201, 'POST /api/functions');
    const fn = (await made.json()).function;
    await withPage(t, { signedIn: true }, async (page) => {
      for (const lang of ['nl', 'en']) {
        await open(page, `/functions?lang=${lang}`);
        await expectNoInternalNames(page, 'function list');
        await open(page, `/functions/${encodeURIComponent(fn.id)}?lang=${lang}`);
        await expectNoInternalNames(page, 'composer');
      }
    });
  });
});
