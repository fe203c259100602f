// A director's journey (issue 17, "Compare"), at a desktop's and a phone's size: from the start
// page to the compare page, two profiles and a qualification chosen in the form. The page opens
// with a summary (how alike, what is shared, in words and a small heat map), the details follow
// collapsed per cluster, a qualification's competences sit in the cluster rows with how sure
// each correspondence is, jargon is only named with its explanation, hints say what is shown,
// the disabled button looks disabled, nothing scrolls sideways and axe finds nothing serious.
'use strict';
const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { api } = require('../lib/env');
const { withPage, open, norm, screenshot } = require('../lib/pages');
const { assertAccessible } = require('../lib/axe');

const ROOT = path.resolve(process.env.VAKKAART_ROOT || path.join(__dirname, '..', '..', '..'));
const texts = (lang) => JSON.parse(fs.readFileSync(path.join(ROOT, 'web', 'i18n', `${lang}.json`), 'utf8'));

const SIZES = [
  { name: 'desktop', viewport: { width: 1366, height: 768 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];
const BK = 'BK-0338-3';
const PROFILES = ['campagnewerker', 'belangenbehartiger'];
// With every group open the page is 27,600 px (desktop) and 40,300 px (phone) tall; closed,
// 2,200 and 4,100 px (two profiles and BK-0338-3, December 2026).
const MAX_HEIGHT = { desktop: 3500, phone: 6500 };
const JARGON = /jaccard|tf-idf|cosinus|cosine/i;

async function noSidewaysScroll(page, label) {
  const m = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, vw: window.innerWidth }));
  assert.ok(m.sw <= m.vw + 1, `${label}: scrollWidth ${m.sw} > ${m.vw}`);
}

/** The competence alignments of the qualification with the two profiles, as the API has them. */
async function competenceAlignments() {
  const doc = await api(`/api/crosswalks?source=${BK}&target=${PROFILES.join(',')}`);
  return doc.alignments.filter((a) => a.source.kind === 'competence');
}

/** The heat maps of all items say what each square shows, which they print. */
async function checkHeatMapHint(page, t) {
  assert.equal(norm(await page.locator('#similarity > p.meta').textContent()), t.similarity_hover);
  for (const measure of ['statements', 'terms']) {
    const map = page.locator(`svg.heatmap[data-measure="${measure}"]`);
    const cells = await map.locator('rect.cell').count();
    assert.ok(cells > 0);
    assert.equal(await map.locator('text.v').count(), cells, `every square of ${measure} prints its value`);
  }
}

async function chooseInTheForm(page, t) {
  const submit = page.locator('form#compare-form button[type=submit]');
  await page.locator('form#compare-form input[name=item]:checked').evaluateAll(
    (is) => is.forEach((i) => { i.checked = false; i.dispatchEvent(new Event('change')); }));
  // Nothing chosen: the button cannot be used, looks it, and its hint says why, now.
  assert.equal(await submit.isDisabled(), true, 'the button is disabled with nothing chosen');
  const looks = (el) => {
    const s = getComputedStyle(el);
    return { bg: s.backgroundColor, color: s.color, cursor: s.cursor };
  };
  const disabled = await submit.evaluate(looks);
  assert.equal(disabled.cursor, 'not-allowed', 'a disabled button shows no pointer');
  assert.equal(await submit.getAttribute('title'), t.compare.choice_need, 'the hint says what is missing');
  assert.ok((await page.locator('#choice-status').textContent()).includes(t.compare.choice_need));
  await page.check(`form#compare-form input[name=item][value="${PROFILES[0]}"]`);
  assert.equal(await submit.isDisabled(), true, 'one is not enough');
  await page.check(`form#compare-form input[name=item][value="${PROFILES[1]}"]`);
  await page.check(`form#compare-form input[name=item][value="${BK}"]`);
  assert.equal(await submit.isDisabled(), false, 'three chosen: the button works');
  const enabled = await submit.evaluate(looks);
  assert.notEqual(disabled.bg, enabled.bg, 'disabled and enabled buttons differ in colour');
  assert.notEqual(enabled.cursor, 'not-allowed');
  assert.equal(await submit.getAttribute('title'), null, 'no hint left from the state before');
  assert.equal(norm(await page.locator('#choice-status').textContent()),
    t.compare.choice_status.replace('{n}', '3'));
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/compare' && u.searchParams.getAll('item').length === 3, { waitUntil: 'load' }),
    submit.click(),
  ]);
}

async function checkSummaryFirst(page, size, t) {
  // The summary comes first, in the first screen, before the details and the heat maps.
  const order = await page.evaluate(() => ['summary', 'details', 'similarity']
    .map((id) => document.getElementById(id))
    .map((el) => (el ? el.getBoundingClientRect().top + window.scrollY : null)));
  assert.ok(order.every((y) => y !== null), `summary, details and heat maps are there (${order})`);
  assert.ok(order[0] < order[1] && order[1] < order[2], `summary, details, heat maps in that order (${order})`);
  assert.ok(order[0] < size.viewport.height, `the summary starts in the first screen (${order[0]} px)`);
  assert.equal(norm(await page.locator('#summary-h').textContent()), t.compare.summary_title);

  // How alike, in words: the most and least alike pair, then every pair.
  const headline = norm(await page.locator('#likeness').textContent());
  assert.match(headline, /\d,\d\d/, `the headline gives the measure in Dutch (${headline})`);
  const pairs = (await page.locator('#summary ul.pairs li').allTextContents()).map(norm);
  assert.equal(pairs.length, 3, 'three items, three pairs');
  const likeness = ['strong', 'clear', 'some', 'little'].map((k) => t.compare[`likeness_${k}`]);
  for (const p of pairs) assert.ok(likeness.some((w) => p.includes(w)), `"${p}" says how alike in words`);
  // ... and in a small heat map whose squares' hints are those very sentences.
  const map = page.locator('#summary svg.heatmap-small');
  assert.ok(await map.isVisible(), 'the small heat map is shown');
  const tips = await map.locator('rect.cell').evaluateAll((rs) => rs.map((r) => ({
    row: r.dataset.row, col: r.dataset.col, tip: r.querySelector('title')?.textContent ?? '',
  })));
  assert.equal(tips.length, 9, '3 x 3 squares');
  for (const c of tips.filter((x) => x.row !== x.col)) {
    assert.ok(pairs.includes(norm(c.tip)), `the hint of square ${c.row},${c.col} is its pair's sentence: "${c.tip}"`);
  }
  const box = await map.boundingBox();
  assert.ok(box.width <= Math.min(size.viewport.width, 600), `the heat map is small (${box.width} px)`);
  // What they share: the share counts and the clusters where most is shared, linked.
  assert.equal(await page.locator('#summary .share-legend li').count(), 3);
  assert.ok(await page.locator('#summary .most-shared a[href^="#group-"]').count() > 0, 'where most is shared');

  // The details: collapsed, one per cluster; the page is a few screens, not 26,000 px.
  const groups = page.locator('#details details.group');
  assert.ok(await groups.count() > 5, 'a group per cluster and section');
  assert.equal(await page.locator('#details details.group[open]').count(), 0, 'every group starts closed');
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height <= MAX_HEIGHT[size.name], `page height ${height} px <= ${MAX_HEIGHT[size.name]}`);
  return height;
}

async function checkCompetencesInClusterRows(page, t) {
  const alignments = await competenceAlignments();
  assert.ok(alignments.length > 0, `${BK} has alignments with the profiles`);
  for (const a of alignments) {
    const cluster = a.target.ref.split(':')[1];
    const where = `details.group[data-kind=cluster][data-group="${cluster}"] td[data-item="${BK}"] `
      + `li.placed[data-competence="${a.source.ref}"] li.crosswalk-item[data-source="${a.source.ref}"][data-target="${a.target.ref}"]`;
    assert.equal(await page.locator(where).count(), 1, `${a.source.ref} -> ${a.target.ref} in the row of ${cluster}`);
    const item = page.locator(where);
    assert.equal(await item.getAttribute('data-type'), a.type);
    assert.equal(norm(await item.locator('.crosswalk-type').textContent()), t.crosswalk[`type_${a.type}`]);
    assert.equal(norm(await item.locator('.crosswalk-score').textContent()), `${Math.round(a.score * 100)}%`);
  }
  // Not in a list of their own: the list below is for two profiles' main activities only.
  assert.equal(await page.locator(`#crosswalk li.crosswalk-item[data-source^="${BK}:"]`).count(), 0);
  // The competences section keeps those placed nowhere (with a correspondence that holds).
  const holding = new Set(alignments.filter((a) => a.status !== 'rejected').map((a) => a.source.ref));
  const leftOver = await page.locator(`details.group[data-group=competences] td[data-item="${BK}"] li.placed`)
    .evaluateAll((lis) => lis.map((li) => li.dataset.competence));
  for (const ref of leftOver) assert.ok(!holding.has(ref), `${ref} is placed, not left over`);
  const competences = (await api(`/api/qualifications/${BK}`)).competences.length;
  assert.equal(holding.size + leftOver.length, competences, 'every competence is placed or left over');
  // The summary says how many are placed.
  assert.equal(Number(await page.locator(`#summary .fit[data-item="${BK}"]`).getAttribute('data-placed')), holding.size);

  // Opening a row from the summary's link shows its placed competences and their certainty.
  const row = alignments[0].target.ref.split(':')[1];
  const details = page.locator(`details.group[data-group="${row}"]`);
  await details.locator(':scope > summary').click();
  assert.equal(await details.getAttribute('open'), '', 'the group opens');
  const placed = details.locator(`td[data-item="${BK}"] li.placed`).first();
  assert.ok(await placed.isVisible(), 'a placed competence is shown in the row');
  const badge = placed.locator('li.crosswalk-item .crosswalk-type').first();
  assert.ok(await badge.isVisible(), 'each correspondence says how sure it is');
  assert.ok(['exact', 'close', 'related'].includes(await placed.getAttribute('data-best')));
  assert.match(await badge.getAttribute('title'), /75%/, 'the certainty hint names where the types start');
}

async function checkNoJargonWithoutExplanation(page) {
  const found = await page.evaluate((source) => {
    const jargon = new RegExp(source, 'i');
    const main = document.querySelector('main').cloneNode(true);
    main.querySelectorAll('.method, script, style').forEach((el) => el.remove());
    const attrs = [...document.querySelectorAll('main [title], main [aria-label]')]
      .filter((el) => !el.closest('.method'))
      .map((el) => `${el.getAttribute('title') || ''} ${el.getAttribute('aria-label') || ''}`);
    return { text: (main.textContent.match(jargon) || [])[0] || null, attrs: attrs.filter((a) => jargon.test(a)) };
  }, JARGON.source);
  assert.equal(found.text, null, 'no jargon outside the explanation');
  assert.deepEqual(found.attrs, [], 'no jargon in hints');
  const method = page.locator('#summary details.method');
  await method.locator('summary').click();
  const explained = norm(await method.textContent());
  assert.match(explained, /Jaccard-index noemen: het aantal uitspraken dat beide bevatten, gedeeld door/);
  assert.match(explained, /TF-IDF geeft elk woord een gewicht: hoe vaak het item het gebruikt, maal hoe zeldzaam/);
}

describe('journey: explore and compare', () => {
  for (const size of SIZES) {
    test(`${size.name}: the compare page opens with a summary and places competences in the cluster rows`, async (t) => {
      const nl = texts('nl');
      await withPage(t, { viewport: size.viewport }, async (page) => {
        await open(page, '/');
        await Promise.all([page.waitForURL((u) => u.pathname === '/compare'), page.locator('.site-nav a[href="/compare"]').click()]);
        await noSidewaysScroll(page, 'compare form');
        await checkHeatMapHint(page, nl);
        await chooseInTheForm(page, nl);
        assert.deepEqual(new URL(page.url()).searchParams.getAll('item').sort(), [...PROFILES, BK].sort());

        await checkSummaryFirst(page, size, nl);
        await noSidewaysScroll(page, 'summary');
        await assertAccessible(page, `compare summary (${size.name})`);
        await checkNoJargonWithoutExplanation(page);
        await checkCompetencesInClusterRows(page, nl);
        await noSidewaysScroll(page, 'a cluster open');

        // Every group open: still nothing sideways, nothing serious for axe.
        await page.locator('details').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
        await noSidewaysScroll(page, 'every group open');
        await assertAccessible(page, `compare, every group open (${size.name})`);
        await screenshot(page, `journey-compare-${size.name}`);
      });
    });
  }

  test('a link to a cluster opens it, and the English page says the same in English', async (t) => {
    const en = texts('en');
    await withPage(t, async (page) => {
      const items = [...PROFILES, BK].map((id) => `item=${id}`).join('&');
      await open(page, `/compare?${items}`);
      const link = page.locator('#summary .most-shared a').first();
      const anchor = (await link.getAttribute('href')).slice(1);
      await link.click();
      await page.waitForFunction((id) => document.getElementById(id)?.open === true, anchor);
      assert.ok(await page.locator(`#${anchor} table.comparison`).isVisible(), 'the linked group is open');

      await open(page, `/compare?${items}&lang=en#${anchor}`);
      await page.waitForFunction((id) => document.getElementById(id)?.open === true, anchor);
      assert.equal(norm(await page.locator('#summary-h').textContent()), en.compare.summary_title);
      const headline = norm(await page.locator('#likeness').textContent());
      assert.match(headline, /are most alike \(\d\.\d\d\)/, `English headline with a decimal point: ${headline}`);
      const pair = norm(await page.locator('#summary ul.pairs li').first().textContent());
      assert.ok(['strong', 'clear', 'some', 'little'].some((k) => pair.includes(en.compare[`likeness_${k}`])),
        `an English pair sentence: ${pair}`);
      assert.match(norm(await page.locator('#summary .fit').first().textContent()), /competences of/);
      assert.equal(norm(await page.locator('#details-h').textContent()), en.compare.details_title);
    });
  });
});
