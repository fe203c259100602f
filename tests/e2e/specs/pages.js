// 1. Every page opens, has the shared frame, and leaves a full-page screenshot.
'use strict';
const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const { withPage, open, screenshot, norm } = require('../lib/pages');
const data = require('../lib/data');

/** The frame every page shares: lang, language switch, site navigation, main. */
async function assertFrame(page, lang) {
  assert.equal(await page.getAttribute('html', 'lang'), lang, 'html[lang]');
  const sw = page.locator('a.lang-switch');
  assert.equal(await sw.count(), 1, 'one a.lang-switch');
  assert.equal(norm(await sw.textContent()), lang === 'nl' ? 'English' : 'Nederlands', 'a.lang-switch text');
  const links = await page.locator('nav.site-nav a').evaluateAll((as) => as.map((a) => ({
    path: new URL(a.href).pathname, text: a.textContent.replace(/\s+/g, ' ').trim(),
  })));
  const paths = links.map((l) => l.path);
  assert.ok(paths.includes('/'), `nav.site-nav links to / (has ${JSON.stringify(links)})`);
  const search = links.find((l) => l.path === '/search');
  const compare = links.find((l) => l.path === '/compare');
  assert.equal(search?.text, lang === 'nl' ? 'Zoeken' : 'Search', 'nav link to /search');
  assert.equal(compare?.text, lang === 'nl' ? 'Vergelijken' : 'Compare', 'nav link to /compare');
  assert.equal(await page.locator('main#main').count(), 1, '<main id="main">');
}

describe('pages', () => {
  for (const name of data.PAGE_NAMES) {
    test(`${name} opens with the shared frame; screenshot ${name}.png`, async (t) => {
      await withPage(t, async (page) => {
        await open(page, data.pagePath(name));
        await assertFrame(page, 'nl');
        await screenshot(page, name);
      });
    });
  }

  test('start page lists every profile and qualification and the counts', async (t) => {
    await withPage(t, async (page) => {
      await open(page, '/');
      const form = page.locator('form.search-form');
      assert.equal(await form.count(), 1, 'form.search-form');
      assert.equal(new URL(await form.evaluate((f) => f.action)).pathname, '/search', 'search form action');
      assert.equal(await form.locator('input[name=q]').count(), 1, 'input[name=q]');
      const hrefs = async (sel) => (await page.locator(sel).evaluateAll((as) => as.map((a) => new URL(a.href).pathname))).sort();
      assert.deepEqual(await hrefs('#profiles a[href^="/profiles/"]'),
        data.profiles().map((p) => `/profiles/${encodeURIComponent(p.id)}`).sort(), '#profiles links');
      assert.deepEqual(await hrefs('#qualifications a[href^="/qualifications/"]'),
        data.qualifications().map((q) => `/qualifications/${encodeURIComponent(q.id)}`).sort(), '#qualifications links');
      for (const p of data.profiles()) {
        const text = norm(await page.locator(`#profiles a[href^="/profiles/${p.id}"]`).first().textContent());
        assert.ok(text.includes(norm(p.title)), `profile link text "${text}" has the title "${p.title}"`);
      }
      const counts = page.locator('#counts');
      assert.equal(await counts.count(), 1, '#counts');
      const numbers = (norm(await counts.textContent()).match(/\d+/g) || []).map(Number);
      assert.ok(numbers.includes(data.profiles().length),
        `#counts ("${norm(await counts.textContent())}") names the ${data.profiles().length} profiles`);
    });
  });
});

module.exports = { assertFrame };
