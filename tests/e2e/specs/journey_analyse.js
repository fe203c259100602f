// A director's journey (issue 17, "Analyse"), at a desktop's and a phone's size: a form sent
// empty and an unreadable upload come back with the error on the form; a vacancy's result opens
// with the verdict in one sentence, then the ring coloured by coverage, then the sentences, in
// words of the page's language; "Maak hier een functie van" makes a function holding the main
// activities that come up and opens it in the composer. No sideways scrolling, axe at each step.
// The function is made on the shared server, as the composer spec's are.
'use strict';
const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { env } = require('../lib/env');
const { withPage, open, norm, screenshot } = require('../lib/pages');
const { assertAccessible } = require('../lib/axe');

const ROOT = path.resolve(process.env.VAKKAART_ROOT || path.join(__dirname, '..', '..', '..'));
const FILE = '038-campagnewerker-fairtrade.txt';
const BEST = 'campagnewerker';

const SIZES = [
  { name: 'desktop', viewport: { width: 1366, height: 768 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];

const vacancy = () => fs.readFileSync(path.join(ROOT, 'tests', 'data', 'vacancies', FILE), 'utf8');

async function noSidewaysScroll(page, label) {
  const m = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, vw: window.innerWidth }));
  assert.ok(m.sw <= m.vw + 1, `${label}: scrollWidth ${m.sw} > ${m.vw}`);
}

/** The "Best passend" table shows every column whole: it does not scroll sideways in its box. */
async function tableFits(page, label) {
  const m = await page.locator('.analyse-side .table-scroll').evaluate((box) => ({
    sw: box.scrollWidth, cw: box.clientWidth,
    right: Math.max(...[...box.querySelectorAll('th, td')].map((c) => c.getBoundingClientRect().right)),
    vw: window.innerWidth,
  }));
  assert.ok(m.sw <= m.cw, `${label}: the table is ${m.sw} px wide in a box of ${m.cw} px`);
  assert.ok(m.right <= m.vw, `${label}: a column ends at ${m.right} px, past the window's ${m.vw} px`);
}

/** Submits the analyse form as it is; returns the status of the page it answers with. */
async function submit(page) {
  const [res] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.click('form.analyse-form button[type=submit]'),
  ]);
  return res.status();
}

async function formError(page) {
  const error = page.locator('form.analyse-form .form-error');
  assert.equal(await error.count(), 1, 'one error, on the form');
  assert.ok(await error.isVisible(), 'the error is visible');
  assert.equal(await page.locator('.analyse-result').count(), 0, 'no result');
  return {
    text: norm(await error.textContent()),
    invalid: await page.locator('form.analyse-form [aria-invalid=true]').evaluateAll((els) => els.map((e) => e.id)),
  };
}

async function analyseApi(text) {
  const res = await fetch(`${env.url}/api/analyse`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text }),
  });
  assert.equal(res.status, 200);
  return res.json();
}

/** Top of each part of the result, in page coordinates. */
async function tops(page) {
  return page.evaluate(() => {
    const top = (sel) => {
      const el = document.querySelector(sel);
      return el ? el.getBoundingClientRect().top + window.scrollY : null;
    };
    return {
      verdict: top('.analyse-result .verdict'),
      ring: top('figure.analyse-ring'),
      segments: top('ol.analyse-segments'),
      form: top('form.analyse-form'),
    };
  });
}

describe('journey: analyse', () => {
  for (const size of SIZES) {
    test(`${size.name}: analyse and turn into a function`, async (t) => {
      const text = vacancy();
      const expected = await analyseApi(text);
      assert.equal(expected.best, BEST);
      await withPage(t, { viewport: size.viewport, signedIn: true }, async (page) => {
        await open(page, '/analyse');
        await noSidewaysScroll(page, 'the form');
        await assertAccessible(page, `analyse form (${size.name})`);

        // Nothing to analyse: the form again, the error beside the text field.
        assert.equal(await submit(page), 400);
        let error = await formError(page);
        assert.match(error.text, /^Er is geen tekst om te analyseren/);
        assert.deepEqual(error.invalid, ['analyse-text']);
        await noSidewaysScroll(page, 'the empty form refused');
        await assertAccessible(page, `analyse form, nothing sent (${size.name})`);

        // An upload that is no PDF, with a pasted line: the error is the file's, the line stays.
        await page.fill('form.analyse-form textarea[name=text]', 'Je organiseert campagnes.');
        await page.setInputFiles('form.analyse-form input[type=file]',
          { name: 'kapot.pdf', mimeType: 'application/pdf', buffer: Buffer.from('dit is geen PDF') });
        assert.equal(await submit(page), 400);
        error = await formError(page);
        assert.match(error.text, /kapot\.pdf kan niet gelezen worden/);
        assert.deepEqual(error.invalid, ['analyse-file']);
        assert.equal(norm(await page.inputValue('form.analyse-form textarea[name=text]')), 'Je organiseert campagnes.');
        await noSidewaysScroll(page, 'the unreadable upload refused');
        await screenshot(page, `journey-analyse-error-${size.name}`);
        await assertAccessible(page, `analyse form, unreadable upload (${size.name})`);

        // The vacancy: the verdict first, in one sentence, then the ring, then the sentences.
        await page.fill('form.analyse-form textarea[name=text]', text);
        assert.equal(await submit(page), 200);
        const verdict = page.locator('.analyse-result .verdict');
        assert.equal(await verdict.getAttribute('data-best'), BEST);
        const sentence = norm(await verdict.textContent());
        const best = expected.profiles[0];
        assert.equal(sentence, `Deze tekst lijkt het meest op ${expected.best_title}: ${best.matched} van de ${best.total} hoofdactiviteiten ${best.matched === 1 ? 'komt' : 'komen'} voor.`);
        const at = await tops(page);
        assert.ok(at.verdict < at.ring && at.ring < at.segments, `verdict, ring, sentences in that order (${JSON.stringify(at)})`);
        assert.ok(at.segments < at.form, 'the form for another text comes after the result');
        const first = await page.evaluate(() => document.querySelector('.analyse-result h2 + *').className);
        assert.equal(first, 'verdict', 'the verdict is the first thing under the heading');
        const fills = await page.locator('figure.analyse-ring svg a.seg path').evaluateAll((ps) => new Set(ps.map((p) => p.getAttribute('fill'))).size);
        assert.ok(fills >= 2, 'the ring is coloured by coverage');
        const figures = norm(await page.locator('.analyse-result .fit').textContent());
        assert.match(figures, /^\d+ van de \d+ zinnen herkend; de beroepenstructuur verklaart \d+% van de tekst\.$/);
        assert.ok(!/\bpassing\b/.test(await page.locator('.analyse-result').evaluate((el) => {
          const copy = el.cloneNode(true);
          copy.querySelector('ol.analyse-segments')?.remove();
          return copy.textContent;
        })), 'no "passing" fragment');
        await noSidewaysScroll(page, 'the result');
        await tableFits(page, `the best fitting table (${size.name})`);
        await screenshot(page, `journey-analyse-result-${size.name}`);
        await assertAccessible(page, `analyse result (${size.name})`);

        // "Maak hier een functie van": the main activities that come up, one block each.
        const matched = best.main_activities.filter((m) => m.matched > 0).map((m) => m.ref);
        const form = page.locator('form.make-function');
        assert.deepEqual(await form.locator('input[name=source]').evaluateAll((is) => is.map((i) => i.value)), matched);
        assert.equal(await form.locator('input[name=candidate]').inputValue(), BEST);
        const title = `Campagnewerker eerlijke handel (${size.name})`;
        await form.locator('input[name=title]').fill(title);
        await Promise.all([
          page.waitForURL(/\/functions\/[a-z0-9-]+$/, { waitUntil: 'load' }),
          form.locator('button[type=submit]').click(),
        ]);
        const id = new URL(page.url()).pathname.split('/').pop();
        const res = await fetch(`${env.url}/api/functions/${id}`, { headers: env.server.auth() });
        assert.equal(res.status, 200);
        const made = (await res.json()).function;
        assert.equal(made.title, title);
        const refs = made.blocks.filter((b) => b.source).map((b) => b.source.ref);
        for (const ref of matched) assert.equal(refs.filter((r) => r === ref).length, 1, `${ref} is one block`);
        assert.equal(new Set(refs).size, refs.length, 'no block twice');
        assert.ok((await page.content()).includes(title), 'the composer shows the new function');
      });
    });
  }

  test('phone, English: the errors and the result speak English; anonymous visitors are sent to sign in', async (t) => {
    await withPage(t, { viewport: { width: 390, height: 844 } }, async (page) => {
      await open(page, '/analyse?lang=en');
      assert.equal(await submit(page), 400);
      assert.match((await formError(page)).text, /^There is no text to analyse/);
      await page.fill('form.analyse-form textarea[name=text]', vacancy());
      assert.equal(await submit(page), 200);
      const result = await page.locator('.analyse-result').evaluate((el) => {
        const copy = el.cloneNode(true);
        copy.querySelector('ol.analyse-segments')?.remove();
        copy.querySelectorAll('[lang=nl]').forEach((e) => e.remove());
        return copy.textContent.replace(/\s+/g, ' ');
      });
      assert.match(result, /This text is most like .*: \d+ of the \d+ main activit(y|ies) comes? up\./);
      assert.match(result, /\d+ of the \d+ sentences recognised; the occupational structure explains \d+% of the text\./);
      for (const dutch of ['passing', 'zinnen', 'dekking', 'Maak hier', 'Aanmelden']) {
        assert.ok(!new RegExp(`\\b${dutch}\\b`).test(result), `no Dutch "${dutch}" on the English page`);
      }
      const signIn = page.locator('a.make-function-sign-in');
      assert.equal(norm(await signIn.textContent()), 'Sign in to create a function');
      const next = new URL(await signIn.getAttribute('href'), env.url);
      assert.equal(next.pathname, '/sign-in');
      assert.equal(next.searchParams.get('next'), '/analyse?lang=en');
      assert.equal(await page.locator('form.make-function').count(), 0, 'no form for anonymous visitors');
      await noSidewaysScroll(page, 'the English result');
      await tableFits(page, 'the best fitting table (phone, English)');
      await assertAccessible(page, 'analyse result (phone, English, anonymous)');
    });
  });
});
