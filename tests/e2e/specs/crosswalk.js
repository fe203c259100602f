// 12. Crosswalks: the qualification page lists, per competence, the profile main activities it
// corresponds to (as /api/crosswalks gives them); a person confirms one and rejects another,
// with and without JavaScript, and a reload shows the decisions kept; the compare page lists the
// alignments between the chosen items.
//
// Decisions are writes, and the other specs read the qualification page of the shared server:
// so this spec runs a server of its own on a database of its own, and removes both at the end.
'use strict';
const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { env } = require('../lib/env');
const { startServer, locate } = require('../lib/server');
const { withPage, norm, waitFor } = require('../lib/pages');
const { assertAccessible } = require('../lib/axe');

const BK = 'BK-0338-3';
const CORE = 'de-eigen-deskundigheid-opbouwen';

let server = null;
let texts = null;

async function call(method, urlPath, body) {
  const res = await fetch(server.url + urlPath, {
    method,
    headers: server.auth(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function alignments(query) {
  const res = await call('GET', `/api/crosswalks?${query}`);
  assert.equal(res.status, 200, `GET /api/crosswalks?${query}`);
  return res.body.alignments;
}

async function stored(source, target) {
  return (await alignments(`source=${encodeURIComponent(source)}&target=${encodeURIComponent(target)}`))[0];
}

/** Collects the 4xx/5xx answers and failed requests of the spec's server on `page`. */
function watchServer(page) {
  const problems = [];
  const onResponse = (res) => {
    if (res.status() >= 400 && res.url().startsWith(server.url) && !res.url().endsWith('/favicon.ico')) {
      problems.push(`${res.request().method()} ${res.url()} -> ${res.status()}`);
    }
  };
  const onFailed = (req) => {
    if (req.url().startsWith(server.url)) problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  };
  const onError = (err) => problems.push(`uncaught error: ${err.message}`);
  page.on('response', onResponse);
  page.on('requestfailed', onFailed);
  page.on('pageerror', onError);
  return {
    problems,
    stop: () => { page.off('response', onResponse); page.off('requestfailed', onFailed); page.off('pageerror', onError); },
  };
}

/** Runs fn(page) on the spec's server; fails on any error answer or page error. */
async function onOwnServer(t, options, fn) {
  // Signed in as the spec's server's user, an admin (so a curator) of the demo organisation.
  await withPage(t, { ...options, signedIn: server }, async (page) => {
    const watch = watchServer(page);
    try {
      await fn(page);
    } finally {
      watch.stop();
    }
    assert.deepEqual(watch.problems, [], "the spec's server answered every request");
    // withPage clears the storage of the shared server only.
    if (page.url().startsWith(server.url)) await page.evaluate(() => localStorage.clear());
  });
}

async function openPage(page, urlPath) {
  const res = await page.goto(server.url + urlPath, { waitUntil: 'load' });
  assert.equal(res.status(), 200, `GET ${urlPath}`);
}

const item = (page, a) => page.locator(
  `li.crosswalk-item[data-source="${a.source.ref}"][data-target="${a.target.ref}"]`);

/** What the page shows of a competence's alignments, in order. */
const shownTargets = (page, number) => page.locator(`#crosswalk-${number} li.crosswalk-item`)
  .evaluateAll((lis) => lis.map((li) => li.dataset.target));

describe('crosswalks', () => {
  before(async () => {
    server = await startServer();
    texts = JSON.parse(fs.readFileSync(path.join(locate().root, 'web', 'i18n', 'nl.json'), 'utf8')).crosswalk;
  });
  after(async () => {
    if (server) await server.stop();
  });

  test('the qualification page lists per competence what /api/crosswalks gives', async (t) => {
    const all = await alignments(`source=${BK}`);
    assert.ok(all.length > 0, 'BK-0338-3 has alignments');
    const profiles = new Set(all.map((a) => a.target.item));
    assert.ok(profiles.has('belangenbehartiger') && profiles.has('campagnewerker'),
      `aligned to the belangenbehartiger and the campagnewerker (got ${[...profiles]})`);
    const byCompetence = new Map();
    for (const a of all) {
      const n = a.source.ref.split(':')[1];
      if (!byCompetence.has(n)) byCompetence.set(n, []);
      byCompetence.get(n).push(a);
    }
    await onOwnServer(t, {}, async (page) => {
      await openPage(page, `/qualifications/${BK}`);
      const sections = await page.locator('#competences section.crosswalk').evaluateAll((ss) => ss.map((s) => s.id));
      assert.deepEqual(sections.sort(), [...byCompetence.keys()].map((n) => `crosswalk-${n}`).sort(),
        'a section in each competence that has alignments, none elsewhere');
      for (const [n, list] of byCompetence) {
        assert.deepEqual(await shownTargets(page, n), list.map((a) => a.target.ref), `competence ${n}: targets in order`);
        assert.equal(norm(await page.locator(`#crosswalk-h-${n}`).textContent()), texts.title, `competence ${n}: heading`);
        for (const a of list) {
          const li = item(page, a);
          const text = norm(await li.textContent());
          assert.ok(text.includes(norm(a.target.title)), `competence ${n}: "${a.target.title}"`);
          assert.ok(text.includes(a.target.item_title), `competence ${n}: profile ${a.target.item_title}`);
          assert.equal(norm(await li.locator('.crosswalk-type').textContent()), texts[`type_${a.type}`], `type of ${a.target.ref}`);
          assert.equal(norm(await li.locator('.crosswalk-score').textContent()), `${Math.round(a.score * 100)}%`, `score of ${a.target.ref}`);
          // The target links to its main activity in the profile's ring view.
          const [profile, cluster, position] = a.target.ref.split(':');
          const href = new URL(await li.locator('a.crosswalk-target').getAttribute('href'), server.url);
          assert.equal(href.pathname, `/profiles/${profile}`);
          assert.equal(href.searchParams.get('cluster'), cluster);
          assert.equal(href.hash, `#${cluster}-${position}`);
        }
      }
      await page.screenshot({ path: path.join(env.artifacts, 'crosswalk-qualification.png'), fullPage: true });
    });
  });

  test('confirm one and reject another; a reload shows both; undo', async (t) => {
    const list = await alignments(`source=${BK}`);
    const [first, second] = list;
    await onOwnServer(t, {}, async (page) => {
      await openPage(page, `/qualifications/${BK}`);
      // Decisions name the signed-in curator (no name field to fill in).
      const AUTHOR = server.user.email;

      // Confirm: the item changes in place, the live line says so, the API has it.
      const li = item(page, first);
      assert.equal(await li.getAttribute('data-status'), 'computed');
      await li.getByRole('button', { name: new RegExp(`^${texts.confirm}`) }).click();
      await waitFor(async () => (await li.getAttribute('data-status')) === 'confirmed', 'the item confirmed');
      assert.equal(norm(await page.locator('[data-crosswalk-message]').textContent()), texts.saved_confirmed);
      assert.ok(await li.locator('.status-confirmed').isVisible(), '"bevestigd" is shown');
      assert.ok(await li.locator('.crosswalk-confirm').isHidden(), 'no confirm button on a confirmed item');
      assert.ok(await li.locator('.crosswalk-undo').isVisible(), 'an undo button');
      assert.ok(norm(await li.locator('.crosswalk-decided-by').textContent()).includes(AUTHOR), 'who decided');
      let a = await stored(first.source.ref, first.target.ref);
      assert.deepEqual([a.status, a.decided_by], ['confirmed', AUTHOR], 'stored');

      // Reject another.
      const li2 = item(page, second);
      await li2.getByRole('button', { name: new RegExp(`^${texts.reject}`) }).click();
      await waitFor(async () => (await li2.getAttribute('data-status')) === 'rejected', 'the second item rejected');
      assert.equal((await stored(second.source.ref, second.target.ref)).status, 'rejected');

      // A reload shows both as stored.
      const res = await page.reload({ waitUntil: 'load' });
      assert.equal(res.status(), 200, 'the reload');
      assert.equal(await item(page, first).getAttribute('data-status'), 'confirmed', 'confirmed after a reload');
      assert.ok(norm(await item(page, first).locator('.crosswalk-decided-by').textContent()).includes(AUTHOR));
      assert.equal(await item(page, second).getAttribute('data-status'), 'rejected', 'rejected after a reload');
      assert.ok(await item(page, second).locator('.status-rejected').isVisible());
      await page.screenshot({ path: path.join(env.artifacts, 'crosswalk-decided.png'), fullPage: true });
      await assertAccessible(page, 'qualification page with crosswalk decisions');

      // Undo the confirmation: computed again, as stored.
      await item(page, first).getByRole('button', { name: new RegExp(`^${texts.undo}`) }).click();
      await waitFor(async () => (await item(page, first).getAttribute('data-status')) === 'computed', 'undone');
      a = await stored(first.source.ref, first.target.ref);
      assert.deepEqual([a.status, a.decided_by], ['computed', null], 'undone in the store');
    });
  });

  test('without JavaScript the form decides and comes back to the page', async (t) => {
    const list = await alignments(`source=${BK}`);
    const target = list[list.length - 1];
    const n = target.source.ref.split(':')[1];
    await onOwnServer(t, { javaScriptEnabled: false }, async (page) => {
      await openPage(page, `/qualifications/${BK}`);
      const li = item(page, target);
      await Promise.all([
        page.waitForURL((u) => u.pathname === `/qualifications/${BK}` && u.hash === `#crosswalk-${n}`, { waitUntil: 'load' }),
        li.getByRole('button', { name: new RegExp(`^${texts.reject}`) }).click(),
      ]);
      assert.equal(await item(page, target).getAttribute('data-status'), 'rejected', 'rejected after the form');
      assert.equal((await stored(target.source.ref, target.target.ref)).status, 'rejected', 'stored');
      await Promise.all([
        page.waitForURL((u) => u.hash === `#crosswalk-${n}`, { waitUntil: 'load' }),
        item(page, target).getByRole('button', { name: new RegExp(`^${texts.confirm}`) }).click(),
      ]);
      assert.equal(await item(page, target).getAttribute('data-status'), 'confirmed', 'confirmed after the form');
      assert.equal((await stored(target.source.ref, target.target.ref)).status, 'confirmed', 'stored');
    });
  });

  test('the compare page shows the alignments between the chosen items', async (t) => {
    const between = (await alignments(`source=${BK},campagnewerker&target=campagnewerker,belangenbehartiger`))
      .filter((a) => !(a.source.kind === 'main_activity' && a.source.item === 'belangenbehartiger'));
    await onOwnServer(t, {}, async (page) => {
      await openPage(page, `/compare?item=${BK}&item=campagnewerker&item=belangenbehartiger`);
      const shown = await page.locator('li.crosswalk-item')
        .evaluateAll((lis) => lis.map((li) => `${li.dataset.source} ${li.dataset.target}`));
      assert.deepEqual(shown.sort(), between.map((a) => `${a.source.ref} ${a.target.ref}`).sort(),
        'the alignments between the items, each once, profile pairs once');
      // The competences' alignments are in the cluster rows of their targets (issue 17), those
      // between the profiles' main activities in the list at #crosswalk.
      for (const a of between) {
        const where = a.source.kind === 'competence'
          ? `details.group[data-group="${a.target.ref.split(':')[1]}"] td[data-item="${BK}"]` : '#crosswalk';
        assert.equal(await page.locator(`${where} li.crosswalk-item[data-source="${a.source.ref}"][data-target="${a.target.ref}"]`).count(),
          1, `${a.source.ref} -> ${a.target.ref} in ${where}`);
      }
      assert.ok(shown.includes(`campagnewerker:${CORE}:1 belangenbehartiger:${CORE}:1`), 'the shared core');
      assert.equal(norm(await page.locator('#crosswalk-h').textContent()), texts.title_between);
      // Every group open, so axe reads the decision forms in the rows too.
      await page.locator('details').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
      await assertAccessible(page, 'compare page with crosswalks');
    });
  });
});
