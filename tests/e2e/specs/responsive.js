// 8. At 375×800 no page scrolls sideways.
'use strict';
const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const { withPage, open, screenshot } = require('../lib/pages');
const data = require('../lib/data');

describe('responsive (375×800)', () => {
  for (const name of data.PAGE_NAMES) {
    test(`${name}: no horizontal scrolling`, async (t) => {
      await withPage(t, { viewport: { width: 375, height: 800 } }, async (page) => {
        await open(page, data.pagePath(name));
        const m = await page.evaluate(() => {
          const vw = window.innerWidth;
          const wide = [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > vw + 1 && el.getClientRects().length > 0)
            .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= vw + 1)
            .slice(0, 8)
            .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''} (right edge ${Math.round(el.getBoundingClientRect().right)})`);
          return { scrollWidth: document.documentElement.scrollWidth, innerWidth: vw, wide };
        });
        if (m.scrollWidth > m.innerWidth + 1) await screenshot(page, `narrow-${name}`);
        assert.ok(m.scrollWidth <= m.innerWidth + 1,
          `${name}: scrollWidth ${m.scrollWidth} > innerWidth ${m.innerWidth}; sticking out: ${m.wide.join(', ')}`);
      });
    });
  }
});

// A phone (390×844) and one long word: a Dutch compound in a heading ("Gemeenschapswerker" at
// h1 size is wider than the phone) and a 200-letter word named under "Geen enkele uitspraak
// bevat:" must wrap, not push the page sideways.
describe('long words at 390×844', () => {
  const long = 'x'.repeat(200);
  for (const [name, urlPath] of [['profile gemeenschapswerker', '/profiles/gemeenschapswerker'],
    ['profile gemeenschapswerker (en)', '/profiles/gemeenschapswerker?lang=en'],
    ['search for a 200-letter word', `/search?q=${long}`]]) {
    test(`${name}: no horizontal scrolling`, async (t) => {
      await withPage(t, { viewport: { width: 390, height: 844 } }, async (page) => {
        await open(page, urlPath);
        const m = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, vw: window.innerWidth }));
        if (m.sw > m.vw) await screenshot(page, `long-word-${name.replace(/\W+/g, '-')}`);
        assert.ok(m.sw <= m.vw, `${name}: scrollWidth ${m.sw} > innerWidth ${m.vw}`);
      });
    });
  }
});
