// 10. The function composer: compose a function from two profiles and a qualification
// competence (drag and drop, keyboard, search), reword and weigh, autosave, coverage chart,
// DOCX and PDF exports, a conflicting edit, accessibility, reading without JavaScript.
'use strict';
const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { env } = require('../lib/env');
const { signIn } = require('../lib/auth');
const { withPage, open, screenshot, norm, waitFor, safeName } = require('../lib/pages');
const { assertAccessible } = require('../lib/axe');
const data = require('../lib/data');

const enc = encodeURIComponent;
const blocks = (page) => page.locator('#function-editor article.fblock');
const saveState = (page) => page.locator('#save-status').getAttribute('data-state');

/** Waits until everything typed or clicked is saved. */
async function saved(page, what = 'the save') {
  await waitFor(async () => (await saveState(page)) === 'saved', `${what} (save status "saved")`, 10000);
}

/** The main activity `n` (1-based) of a profile's cluster, as the API gives it, flattened. */
function mainActivity(profileId, clusterId, n) {
  const p = data.profile(profileId);
  const c = p.clusters.find((x) => x.id === clusterId);
  const m = c.main_activities[n - 1];
  const texts = [];
  const walk = (list) => (list || []).forEach((a) => { texts.push(norm(a.text)); walk(a.children); });
  walk(m.activities);
  return { cluster: c, main: m, texts };
}

/** The first cluster of the core ring holding a main activity with at least `min` statements. */
function pickMain(profileId, min, avoid = '') {
  const p = data.profile(profileId);
  for (const c of p.clusters) {
    if (c.layer !== 'kernactiviteiten' || c.id === avoid) continue;
    for (let i = 0; i < c.main_activities.length; i++) {
      const { texts } = mainActivity(profileId, c.id, i + 1);
      if (texts.length >= min) return { clusterId: c.id, n: i + 1, texts };
    }
  }
  throw new Error(`${profileId}: no core main activity with ${min} statements`);
}

/** Shows a source in the structure pane and opens the <details> holding the block `ref`. */
async function showSource(page, value, ref) {
  await page.selectOption('#source-picker', value);
  const block = page.locator(`.src-block[data-source="${ref}"]`);
  await block.waitFor({ state: 'attached' });
  await block.evaluate((b) => { b.closest('details').open = true; });
  return block;
}

async function blockTitles(page) {
  return blocks(page).evaluateAll((as) => as.map((a) => a.querySelector('.block-title-input').value));
}

/** The text of a downloaded export, whitespace normalised. */
function exportText(file, format) {
  if (format === 'pdf') return norm(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const text = xml.replace(/<\/w:p>/g, '\n').replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return norm(text);
}

/** Each block title (its heading: the last time it occurs), in order, with the wording after its title. */
function assertInOrder(text, titles, wording, wordingBlock, label) {
  const at = titles.map((title) => text.lastIndexOf(norm(title)));
  titles.forEach((title, i) => assert.ok(at[i] >= 0, `${label}: block title "${title}" is in the file`));
  for (let i = 1; i < at.length; i++) assert.ok(at[i] > at[i - 1], `${label}: "${titles[i - 1]}" comes before "${titles[i]}"`);
  const w = text.indexOf(norm(wording));
  assert.ok(w >= 0, `${label}: the reworded text is in the file`);
  const b = titles.indexOf(wordingBlock);
  assert.ok(w > at[b] && (b + 1 === at.length || w < at[b + 1]), `${label}: the reworded text is under its block "${wordingBlock}"`);
}

async function download(page, format) {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`a.export-link[data-format="${format}"]`),
  ]);
  const file = path.join(env.artifacts, `composer.${format}`);
  await dl.saveAs(file);
  return file;
}

/** A function made through the API, as the view the API answers. */
async function createFunction(title) {
  const res = await fetch(`${env.url}/api/functions`, {
    method: 'POST', headers: env.server.auth({ 'Content-Type': 'application/json' }),
    body: JSON.stringify({ title, organisation: 'e2e' }),
  });
  assert.equal(res.status, 201, 'POST /api/functions');
  return res.json();
}

/**
 * Like withPage, for the conflict test: there the 409 of POST …/edits is the point, and
 * withPage fails on every 4xx answer. Still fails on uncaught page errors and other 4xx/5xx.
 */
async function withConflictPage(t, fn) {
  // A Flemish browser, as lib/pages.js gives every other test: the pages follow Accept-Language.
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-BE', bypassCSP: true });
  await signIn(context, env.server);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`uncaught error: ${err.message}`));
  page.on('response', (res) => {
    const expected = res.status() === 409 && res.request().method() === 'POST' && res.url().endsWith('/edits');
    if (res.status() >= 400 && !expected && res.url().startsWith(env.url) && !res.url().endsWith('/favicon.ico')) {
      problems.push(`${res.url()} -> ${res.status()}`);
    }
  });
  try {
    await fn(page);
    assert.deepEqual(problems, [], 'the page had errors');
  } catch (err) {
    await page.screenshot({ path: path.join(env.artifacts, `failed-${safeName(t.name)}.png`), fullPage: true }).catch(() => {});
    throw err;
  } finally {
    await context.close();
  }
}

describe('function composer', () => {
  test('compose from two profiles and a BK competence; reword, weigh, autosave, coverage, DOCX and PDF', async (t) => {
    const gw = pickMain('gemeenschapswerker', 4);
    const cw = pickMain('campagnewerker', 4, gw.clusterId);
    const bk = data.qualifications().find((q) => q.id === 'BK-0338-3');
    assert.ok(bk, 'BK-0338-3 is in the store');
    const competence = bk.competences.find((c) => c.number === 1);
    await withPage(t, { bypassCSP: true, acceptDownloads: true, signedIn: true }, async (page) => {
      // Create it through the list page's form.
      await open(page, '/functions');
      await page.fill('#nf-title', 'Coördinator vrijwilligerswerk e2e');
      await page.fill('#nf-organisation', 'Vormingplus e2e');
      await Promise.all([page.waitForURL(/\/functions\/[^/?#]+$/), page.click('#new-function button[type="submit"]')]);
      assert.equal(norm(await page.locator('h1').textContent()), 'Coördinator vrijwilligerswerk e2e', 'h1 of the composer');
      assert.equal(await blocks(page).count(), 1, 'a new function holds the learning-professional core');
      const fnUrl = new URL(page.url()).pathname;

      // 1. Gemeenschapswerker: drag a main activity onto the function.
      const gRef = `gemeenschapswerker:${gw.clusterId}:${gw.n}`;
      const gBlock = await showSource(page, 'profile:gemeenschapswerker', gRef);
      await gBlock.dragTo(page.locator('#blocks'));
      await waitFor(async () => (await blocks(page).count()) === 2, 'the dragged block');
      await saved(page, 'the drop');
      const g = blocks(page).filter({ has: page.locator('.provenance', { hasText: 'Gemeenschapswerker' }) });
      assert.equal(await g.count(), 1, 'one block from Gemeenschapswerker');
      const gProv = norm(await g.locator('.provenance').textContent());
      assert.match(gProv, new RegExp(`^Bron: Gemeenschapswerker · .+ · hoofdactiviteit ${gw.n}$`), 'provenance line');
      assert.deepEqual(await g.locator('.fitem textarea').evaluateAll((as) => as.map((a) => a.value.replace(/\s+/g, ' ').trim())),
        gw.texts, 'the dragged block holds every statement of the main activity');

      // 2. Campagnewerker by keyboard: untick the 2nd and 4th statement, focus Take, Enter.
      const cRef = `campagnewerker:${cw.clusterId}:${cw.n}`;
      const cBlock = await showSource(page, 'profile:campagnewerker', cRef);
      for (const pos of [2, 4]) {
        const box = cBlock.locator(`input[type="checkbox"][data-position="${pos}"]`);
        await box.focus();
        await page.keyboard.press('Space');
        assert.equal(await box.isChecked(), false, `statement ${pos} unticked`);
      }
      const take = cBlock.locator('button.take');
      await take.focus();
      await page.keyboard.press('Enter');
      await waitFor(async () => (await blocks(page).count()) === 3, 'the block taken by keyboard');
      await saved(page, 'the take');
      const c = blocks(page).filter({ has: page.locator('.provenance', { hasText: 'Campagnewerker' }) });
      const ticked = cw.texts.filter((_, i) => i !== 1 && i !== 3);
      assert.deepEqual(await c.locator('.fitem textarea').evaluateAll((as) => as.map((a) => a.value.replace(/\s+/g, ' ').trim())),
        ticked, 'only the ticked statements were taken');
      assert.ok(await take.evaluate((b) => document.activeElement === b), 'focus stays on the Take button');

      // The structure search's count reads right: one statement is "1 resultaat".
      await page.fill('#structure-q', '"erkenningsdossiers"');
      await page.press('#structure-q', 'Enter');
      const meta = page.locator('#search-results p.meta');
      await waitFor(async () => (await meta.count()) === 1 && (await meta.textContent()) === '1 resultaat',
        'the count of a single hit in the singular');

      // 3. BK-0338-3 competence 1, found with the structure search and taken with its button.
      await page.fill('#structure-q', norm(competence.activities[0].text));
      await page.press('#structure-q', 'Enter');
      const place = page.locator('#search-results a.hit-place', { hasText: 'Competentie 1:' }).first();
      await place.click();
      const bkBlock = page.locator('.src-block[data-source="BK-0338-3:1"]');
      await waitFor(() => bkBlock.evaluate((b) => b.classList.contains('revealed') && b.closest('details').open
        && document.activeElement === b), 'the search hit revealed in the tree');
      // Its knowledge is an optional list, unticked until the user wants it: tick it all here.
      const optional = bkBlock.locator('ul.checklist.optional input[type="checkbox"]');
      assert.equal(await optional.count(), competence.knowledge.length, 'the knowledge is a list of its own');
      assert.deepEqual(await optional.evaluateAll((bs) => bs.map((b) => b.checked)),
        competence.knowledge.map(() => false), 'knowledge starts unticked (optional)');
      for (const box of await optional.all()) await box.check();
      await bkBlock.locator('button.take').click();
      await waitFor(async () => (await blocks(page).count()) === 4, 'the competence block');
      await saved(page, 'the competence');
      const q = blocks(page).filter({ has: page.locator('.provenance', { hasText: 'BK-0338-3' }) });
      const textsOf = (list) => list.evaluateAll((as) => as.map((a) => a.value.replace(/\s+/g, ' ').trim()));
      assert.deepEqual(await textsOf(q.locator('ol.fitems:not(.knowledge-items) .fitem textarea')),
        competence.activities.map((s) => norm(s.text)), 'the competence block holds its activities');
      assert.deepEqual(await textsOf(q.locator('ol.knowledge-items .fitem textarea')),
        competence.knowledge.map((s) => norm(s.text)), 'then its knowledge, as a list of its own');

      // Reword an item inline: the original stays visible below it, with a revert button.
      const wording = `${gw.texts[0]} (in onze werking: met vrijwilligers)`;
      const item = g.locator('.fitem').first();
      await item.locator('textarea').fill(wording);
      await saved(page, 'the rewording');
      assert.equal(norm(await item.locator('.original-text').textContent()), gw.texts[0], 'the original shown below the wording');
      assert.equal(await item.locator('button', { hasText: 'Terug naar origineel' }).count(), 1, 'a revert button');

      // Weights, 100 % in all.
      const weights = [10, 40, 30, 20];
      for (let i = 0; i < weights.length; i++) {
        await blocks(page).nth(i).locator('input.weight-input').fill(String(weights[i]));
      }
      await saved(page, 'the weights');
      assert.match(norm(await page.locator('#weights-total').textContent()), /100 %/, 'total weight');
      assert.equal(await page.locator('#warnings li[data-code^="weights"]').count(), 0, 'no weight warning at 100 %');

      // A weight outside 0–100 is refused where it was typed; the status never says "Opgeslagen".
      const firstWeight = blocks(page).first().locator('input.weight-input');
      for (const bad of ['250', '-20']) {
        await firstWeight.fill(bad);
        assert.ok(await blocks(page).first().locator('.field-error').isVisible(), `${bad}: the refusal is shown`);
        assert.equal(await firstWeight.getAttribute('aria-invalid'), 'true', `${bad}: marked invalid`);
        assert.equal(await page.locator('#save-status').getAttribute('data-state'), 'invalid', `${bad}: not "saved"`);
      }
      await firstWeight.fill('10');
      await saved(page, 'the weight back at 10');
      assert.equal(await blocks(page).first().locator('.field-error').isVisible(), false, 'the refusal is gone');

      // Autosave: all of it is there after a reload.
      const titles = await blockTitles(page);
      await page.reload({ waitUntil: 'load' });
      assert.equal(new URL(page.url()).pathname, fnUrl);
      const reloaded = blocks(page).filter({ has: page.locator('.provenance', { hasText: 'Gemeenschapswerker' }) });
      assert.equal(norm(await reloaded.locator('.fitem textarea').first().inputValue()), norm(wording), 'the wording after a reload');
      assert.equal(norm(await reloaded.locator('.fitem .original-text').first().textContent()), gw.texts[0], 'the original after a reload');
      assert.deepEqual(await blocks(page).evaluateAll((as) => as.map((a) => Number(a.querySelector('.weight-input').value))),
        weights, 'the weights after a reload');
      assert.deepEqual(await blockTitles(page), titles, 'the blocks after a reload');

      // The coverage chart, inline SVG naming the profile most of the function comes from.
      await waitFor(() => page.locator('#coverage-chart svg').count(), 'the coverage chart');
      assert.match(await page.locator('#coverage-chart svg').textContent(), /Gemeenschapswerker/, 'the chart names Gemeenschapswerker');

      await screenshot(page, 'composer');
      await assertAccessible(page, 'composer');

      // Exports through the buttons: each block title in order, the wording under its block.
      for (const format of ['docx', 'pdf']) {
        const file = await download(page, format);
        const text = exportText(file, format);
        assertInOrder(text, titles, wording, titles[1], format.toUpperCase());
      }
    });
  });

  test('a concurrent edit: the conflict banner shows both, and my edits can be reapplied', async (t) => {
    const view = await createFunction('Conflict e2e');
    const id = view.function.id;
    await withConflictPage(t, async (page) => {
      await open(page, `/functions/${enc(id)}`);
      // A colleague saves behind the page's back, on the version the page shows.
      const theirs = 'Context van een collega';
      const res = await page.evaluate(async ({ url, version, text }) => {
        const csrf = document.querySelector('meta[name="csrf-token"]').content;
        const r = await fetch(url, {
          method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
          body: JSON.stringify({ version, edits: [{ op: 'set', field: 'context', value: text }] }),
        });
        return r.status;
      }, { url: `/api/functions/${enc(id)}/edits`, version: view.function.version, text: theirs });
      assert.equal(res, 200, 'the colleague saved');

      const mine = 'Mijn doel van de functie';
      await page.fill('#f-purpose', mine);
      await waitFor(async () => (await saveState(page)) === 'conflict', 'the conflict', 10000);
      const banner = page.locator('#conflict');
      assert.ok(await banner.isVisible(), 'the conflict banner is shown');
      assert.match(norm(await banner.locator('.conflict-theirs').textContent()), new RegExp(theirs), 'the stored version (theirs)');
      assert.match(norm(await banner.locator('.conflict-yours').textContent()), new RegExp(mine), 'my unsaved edits');
      await screenshot(page, 'composer-conflict');
      await assertAccessible(page, 'composer with conflict banner');

      await banner.locator('button.reapply').click();
      await saved(page, 'reapplying');
      assert.ok(await banner.isHidden(), 'the banner is gone');
      assert.equal(await page.locator('#f-purpose').inputValue(), mine, 'my purpose');
      assert.equal(await page.locator('#f-context').inputValue(), theirs, 'their context');
      const stored = await (await fetch(`${env.url}/api/functions/${enc(id)}`, { headers: env.server.auth() })).json();
      assert.equal(stored.function.purpose, mine, 'stored purpose');
      assert.equal(stored.function.context, theirs, 'stored context');
    });
  });

  test('the history counts the changes it leaves out: "nog 1 andere wijziging", "nog 2 andere wijzigingen"', async (t) => {
    const view = await createFunction('Meervoud e2e');
    const api = `/api/functions/${enc(view.function.id)}`;
    const save = async (version, suffix, fields) => {
      const res = await fetch(`${env.url}${api}/edits`, {
        method: 'POST', headers: env.server.auth({ 'Content-Type': 'application/json' }),
        body: JSON.stringify({ version, edits: fields.map((field) => ({ op: 'set', field, value: field === 'status' ? 'final' : `${field} ${suffix}` })) }),
      });
      assert.equal(res.status, 200, `POST ${api}/edits`);
      return (await res.json()).function.version;
    };
    // One save of four changes (three said, one more) and then one of five (two more).
    const v = await save(view.function.version, 'een', ['title', 'organisation', 'purpose', 'context']);
    await save(v, 'twee', ['title', 'organisation', 'purpose', 'context', 'status']);
    for (const [lang, one, two] of [['nl', 'nog 1 andere wijziging ', 'nog 2 andere wijzigingen '],
      ['en', 'and 1 other change ', 'and 2 other changes ']]) {
      await withPage(t, { signedIn: true }, async (page) => {
        await open(page, `/functions/${enc(view.function.id)}?lang=${lang}`);
        const sentences = page.locator('#history-list .history-sentence');
        await waitFor(async () => (await sentences.count()) >= 3, `the history (${lang})`, 15000);
        const [second, first] = (await sentences.allTextContents()).map(norm);
        assert.ok(first.includes(one), `${lang}, one more change: ${first}`);
        assert.ok(second.includes(two), `${lang}, two more changes: ${second}`);
      });
    }
  });

  test('without JavaScript the function reads, with export links; the list links to it', async (t) => {
    const view = await createFunction('Alleen lezen e2e');
    const id = view.function.id;
    await withPage(t, { javaScriptEnabled: false, signedIn: true }, async (page) => {
      await open(page, '/functions');
      assert.equal(await page.locator(`tr[data-function="${id}"] a`).getAttribute('href'), `/functions/${id}`, 'the list links to the composer');
      await open(page, `/functions/${enc(id)}`);
      assert.ok(await page.locator('#function-readonly').isVisible(), 'the read-only view');
      const first = view.function.blocks[0];
      assert.match(norm(await page.locator('#function-readonly').textContent()), new RegExp(norm(first.items[0].original).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'the items');
      assert.deepEqual(await page.locator('a.export-link').evaluateAll((as) => as.map((a) => a.dataset.format)),
        ['docx', 'pdf', 'html', 'md', 'json', 'csv', 'xlsx'], 'export links');
    });
  });

  test('English composer and a 375 px viewport: no horizontal scrolling, one column', async (t) => {
    const view = await createFunction('Smal e2e');
    await withPage(t, { viewport: { width: 375, height: 800 }, signedIn: true }, async (page) => {
      await open(page, `/functions/${enc(view.function.id)}?lang=en`);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.equal(norm(await page.locator('#structure-h').textContent()), 'Occupational structure and qualifications');
      await page.locator('.src-block').first().waitFor({ state: 'attached' });
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      assert.ok(scroll <= client + 1, `no horizontal scrolling (${scroll} > ${client})`);
      const [a, b] = await page.evaluate(() => ['#structure', '#function'].map((s) => document.querySelector(s).getBoundingClientRect().left));
      assert.equal(Math.round(a), Math.round(b), 'the panes stack in one column');
      await screenshot(page, 'composer-375-en');
    });
  });
});
