// The reader's language (issue 18): the browser's Accept-Language picks the page's language
// when the URL and the cookie name none, and the composer's scripts show framework labels in
// the reader's language, French too (whose interface words are Dutch).
'use strict';
const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const { withPage, open, norm } = require('../lib/pages');

// A profile block's source and a qualification's cluster suggestions, with the view's labels as
// the API gives them (source_title_labels, the framework's title_labels).
const VIEW = {
  framework: {
    layers: [{ id: 'kern', title: 'Kernactiviteiten' }],
    clusters: [
      { id: 'c1', layer: 'kern', title: 'Oriënteren', title_labels: { en: 'Orient <b>', fr: 'Orienter & relier' } },
      { id: 'c2', layer: 'kern', title: 'Plannen' },
    ],
  },
  source_title_labels: { p1: { en: 'Community worker', fr: 'Travailleur communautaire' } },
};
const SOURCE = { kind: 'profile', item: 'p1', item_title: 'Gemeenschapswerker', cluster: 'c1', position: 2 };

/** The composer's source line and place chooser, as the scripts build them on `page`. */
async function composerParts(page) {
  return page.evaluate(async ({ view, source }) => {
    const base = document.querySelector('script[type="module"][src*="/js/"]').src;
    const render = await import(new URL('composer_render.js', base).href);
    const tree = await import(new URL('composer_source.js', base).href);
    const t = { source: 'Bron', main_activity: 'hoofdactiviteit', place_in: 'Plaats in', place_why: 'Past bij {cluster} door {words}', place_auto: 'auto', place_suggested: 'voorgesteld', place_none: 'geen' };
    const line = document.createElement('p');
    line.append(...render.provenance(source, view, t));
    const chooser = tree.placeChooser('Q-1:1', [{ id: 'c1', title: 'Oriënteren', score: 0.5, words: ['relatie'] }],
      { t, framework: view.framework });
    const spans = (node) => [...node.querySelectorAll('span')].map((s) => [s.lang, s.textContent]);
    return {
      line: spans(line),
      lineText: line.textContent,
      suggested: [...chooser.querySelectorAll('optgroup')[0].querySelectorAll('option')].map((o) => [o.lang, o.textContent]),
      ring: [...chooser.querySelectorAll('optgroup')[1].querySelectorAll('option')].map((o) => [o.lang, o.textContent]),
      why: spans(chooser.querySelector('.place-why')),
    };
  }, { view: VIEW, source: SOURCE });
}

describe('labels', () => {
  test('Accept-Language: English for an English browser, Dutch for a Flemish one', async (t) => {
    for (const [locale, lang] of [['en-GB', 'en'], ['nl-BE', 'nl'], ['fr-BE', 'nl']]) {
      await withPage(t, { locale }, async (page) => {
        const res = await open(page, '/search');
        assert.equal(await page.getAttribute('html', 'lang'), lang, `${locale}: html[lang]`);
        assert.equal(res.headers()['content-language'], lang, `${locale}: Content-Language`);
        assert.match(res.headers().vary || '', /Accept-Language/, `${locale}: Vary`);
        assert.equal(norm(await page.textContent('a.lang-switch')), lang === 'en' ? 'Nederlands' : 'English');
        // A choice in the URL outranks the browser's.
        await open(page, '/search?lang=nl');
        assert.equal(await page.getAttribute('html', 'lang'), 'nl', `${locale}: ?lang=nl`);
      });
    }
  });

  test("the composer's source line and place chooser show the reader's labels", async (t) => {
    for (const [query, locale, labelLang] of [['?lang=en', 'nl-BE', 'en'], ['', 'fr-BE', 'fr'], ['', 'nl-BE', 'nl']]) {
      await withPage(t, { locale }, async (page) => {
        await open(page, `/${query}`);
        assert.equal(await page.getAttribute('body', 'data-label-lang'), labelLang);
        const parts = await composerParts(page);
        const profile = { en: 'Community worker', fr: 'Travailleur communautaire', nl: 'Gemeenschapswerker' }[labelLang];
        const cluster = { en: 'Orient <b>', fr: 'Orienter & relier', nl: 'Oriënteren' }[labelLang];
        assert.deepEqual(parts.line.slice(0, 2), [[labelLang, profile], [labelLang, cluster]], `${labelLang}: source line`);
        assert.match(parts.lineText, /^Bron: .* · .* · hoofdactiviteit 2$/);
        assert.deepEqual(parts.suggested, [[labelLang, `${cluster} (50 %)`]], `${labelLang}: suggested cluster`);
        assert.deepEqual(parts.ring, [[labelLang, cluster], ['nl', 'Plannen']], `${labelLang}: the ring's clusters`);
        assert.deepEqual(parts.why, [[labelLang, cluster]], `${labelLang}: why the suggestion`);
      });
    }
  });
});
