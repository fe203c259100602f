// 5. Language switch on the start page and a profile page.
'use strict';
const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const { withPage, open, norm } = require('../lib/pages');
const data = require('../lib/data');

async function navTexts(page) {
  return page.locator('nav.site-nav a').evaluateAll((as) => Object.fromEntries(as.map((a) => [
    new URL(a.href).pathname, a.textContent.replace(/\s+/g, ' ').trim(),
  ])));
}

async function switchLanguage(page) {
  const before = page.url();
  await Promise.all([
    page.waitForURL((u) => u.href !== before, { waitUntil: 'load' }),
    page.click('a.lang-switch'),
  ]);
}

async function assertLanguage(page, lang, pathname) {
  assert.equal(await page.getAttribute('html', 'lang'), lang, 'html[lang]');
  assert.equal(new URL(page.url()).pathname, pathname, 'the switch stays on the page');
  const nav = await navTexts(page);
  assert.equal(nav['/search'], lang === 'en' ? 'Search' : 'Zoeken', 'nav link to /search');
  assert.equal(nav['/compare'], lang === 'en' ? 'Compare' : 'Vergelijken', 'nav link to /compare');
  assert.equal(norm(await page.textContent('a.lang-switch')), lang === 'en' ? 'Nederlands' : 'English', 'a.lang-switch');
}

describe('language', () => {
  test('start page: English and back', async (t) => {
    await withPage(t, async (page) => {
      await open(page, '/');
      await assertLanguage(page, 'nl', '/');
      await switchLanguage(page);
      await assertLanguage(page, 'en', '/');
      await switchLanguage(page);
      await assertLanguage(page, 'nl', '/');
    });
  });

  test('profile page: English and back', async (t) => {
    const { profile: p, first } = data.mainProfile();
    const pathname = `/profiles/${encodeURIComponent(p.id)}`;
    await withPage(t, async (page) => {
      await open(page, `${pathname}?cluster=${encodeURIComponent(first.id)}`);
      await assertLanguage(page, 'nl', pathname);
      await switchLanguage(page);
      await assertLanguage(page, 'en', pathname);
      assert.equal(norm(await page.locator('h1').first().textContent()), norm(p.title), 'h1 (the data is not translated)');
      await switchLanguage(page);
      await assertLanguage(page, 'nl', pathname);
    });
  });

  test('?lang=en gives English pages', async (t) => {
    await withPage(t, async (page) => {
      for (const name of data.PAGE_NAMES) {
        const path = data.pagePath(name);
        await open(page, path + (path.includes('?') ? '&' : '?') + 'lang=en');
        assert.equal(await page.getAttribute('html', 'lang'), 'en', `${name}: html[lang] with ?lang=en`);
        assert.equal(norm(await page.textContent('a.lang-switch')), 'Nederlands', `${name}: a.lang-switch with ?lang=en`);
      }
    });
  });
});
