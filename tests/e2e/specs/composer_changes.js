// 11. Changes in the sources of a function: a new version of BK-0338 is imported while the
// server runs; the composer lists what changed, the user takes one change and leaves the
// others, and the block then stands on the new version. Also: the name typed in the bar goes
// into the history with each save.
//
// Importing a new version changes the store (BK-0338-3 is no longer current), and the other
// specs expect BK-0338-3 to be current: so this spec runs a server of its own on a database
// of its own, and removes both at the end.
'use strict';
const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { env } = require('../lib/env');
const { startServer, locate } = require('../lib/server');
const { signIn } = require('../lib/auth');
const { withPage, norm, waitFor } = require('../lib/pages');
const { assertAccessible } = require('../lib/axe');

const enc = encodeURIComponent;
const BK_FILE = 'BK-0338-3-syndicaal-deskundige.txt';
// What version 4 changes in the text of version 3 (every occurrence).
const REPLACE = [
  ['BK-0338-3', 'BK-0338-4'],
  ['versie 3, 2020', 'versie 4, 2026'],
  ['Zorgt voor een goede overlegsituatie', 'Zorgt voor een goede en veilige overlegsituatie'],
  ['Wekt geen onrealiseerbare verwachtingen', 'Wekt geen valse verwachtingen bij de leden'],
];
const [, , [OLD1, NEW1], [OLD2, NEW2]] = REPLACE;

/** A JSON call to the spec's `server`, with its user's API token; returns {status, body}. */
async function call(server, method, urlPath, body) {
  const res = await fetch(server.url + urlPath, {
    method,
    headers: server.auth(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Version 4 of the BK file, written into `dir`; fails when a replacement finds nothing. */
function writeVersion4(root, dir) {
  let text = fs.readFileSync(path.join(root, 'data', 'sources', BK_FILE), 'utf8');
  for (const [from, to] of REPLACE) {
    assert.ok(text.includes(from), `${BK_FILE} holds "${from}"`);
    text = text.split(from).join(to);
  }
  const file = path.join(dir, 'BK-0338-4-syndicaal-deskundige.txt');
  fs.writeFileSync(file, text);
  return file;
}

/**
 * lib/pages.js's withPage watches the answers of the shared server only: this collects the
 * 4xx/5xx answers and failed requests of `base` (the spec's own server) on `page` until stop().
 */
function watchServer(page, base) {
  const problems = [];
  const onResponse = (res) => {
    if (res.status() >= 400 && res.url().startsWith(base) && !res.url().endsWith('/favicon.ico')) {
      problems.push(`${res.request().method()} ${res.url()} -> ${res.status()}`);
    }
  };
  const onRequestFailed = (req) => {
    if (req.url().startsWith(base)) problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  };
  page.on('response', onResponse);
  page.on('requestfailed', onRequestFailed);
  return { problems, stop: () => { page.off('response', onResponse); page.off('requestfailed', onRequestFailed); } };
}

const saved = (page, what) => waitFor(async () => (await page.locator('#save-status').getAttribute('data-state')) === 'saved',
  `${what} (save status "saved")`, 10000);
const itemValue = (page, itemId) => page.locator(`li.fitem[data-item="${itemId}"] textarea`).inputValue().then(norm);

/**
 * The steps, on the spec's own server. A function takes BK-0338-3 competence 1 (its first
 * three activities) and a profile block; then version 4 of the BK, written into `dir`, is
 * imported with the CLI while the server runs.
 */
async function changesOfVersion4(page, server, dir, { root, bin }, texts, problems) {
  const base = server.url;

  let res = await call(server, 'POST', '/api/functions', { title: 'Bronwijzigingen e2e', organisation: 'e2e' });
  assert.equal(res.status, 201, 'POST /api/functions');
  const id = res.body.function.id;
  const api = `/api/functions/${enc(id)}`;
  res = await call(server, 'POST', `${api}/edits`, {
    version: res.body.function.version,
    edits: [
      { op: 'add_block', source: 'BK-0338-3:1', items: [1, 2, 3] },
      { op: 'add_block', source: 'gemeenschapswerker:organiseren-en-begeleiden:1' },
    ],
  });
  assert.equal(res.status, 200, `POST ${api}/edits: ${JSON.stringify(res.body)}`);
  const bk = res.body.function.blocks.find((b) => b.source?.ref === 'BK-0338-3:1');
  const gw = res.body.function.blocks.find((b) => b.source?.ref === 'gemeenschapswerker:organiseren-en-begeleiden:1');
  assert.ok(bk && gw, 'both blocks taken');
  const originals = bk.items.map((i) => i.original);
  assert.equal(originals.length, 3, 'three items of the competence');
  assert.equal(originals[0], OLD1, 'item 1 of the competence');
  assert.equal(originals[2], OLD2, 'item 3 of the competence');
  assert.deepEqual(res.body.changes, [], 'no changes before the new version');
  const [item1, item2, item3] = bk.items.map((i) => i.id);

  // Version 4, imported while the server runs: the server sees it at once.
  execFileSync(bin, ['--db', server.db, 'import', writeVersion4(root, dir)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const changes = (await call(server, 'GET', api)).body.changes;
  // The first rewording keeps most words: one statement reworded. The second shares 3 of its
  // 8 words with the old text, below the server's one half (src/compose/source_changes.cpp):
  // one statement removed and one added.
  assert.deepEqual(changes.map((c) => ({ block: c.block, type: c.type, old: c.old_text, new: c.new_text, item: c.item })), [
    { block: bk.id, type: 'reworded', old: OLD1, new: NEW1, item: item1 },
    { block: bk.id, type: 'removed', old: OLD2, new: '', item: item3 },
    { block: bk.id, type: 'added', old: '', new: NEW2, item: '' },
  ], 'the changes of the BK block, as the API gives them');
  changes.forEach((c) => assert.deepEqual([c.old_version, c.new_version], ['3', '4'], `versions of ${c.type}`));
  const [reworded, removed, added] = changes;

  const changeLi = (c) => page.locator(`#changes-list li[data-change="${c.key}"]`);
  const openComposer = async () => {
    const r = await page.goto(`${base}/functions/${enc(id)}`, { waitUntil: 'load' });
    assert.equal(r.status(), 200, 'GET the composer');
    await page.locator('#function-editor article.fblock').first().waitFor();
  };
  await openComposer();

  // The panel: each change with its kind, block and versions, the old text struck through,
  // the new text inserted, and the two buttons.
  assert.ok(await page.locator('#changes').isVisible(), 'the changes panel is shown');
  const shown = await page.locator('#changes').evaluate((section) => ({
    heading: section.querySelector('h3').textContent.trim(),
    changes: [...section.querySelectorAll('#changes-list li')].map((li) => ({
      key: li.dataset.change,
      head: li.querySelector('p').textContent.replace(/\s+/g, ' ').trim(),
      old: li.querySelector('.old-text del')?.textContent ?? '',
      new: li.querySelector('.new-text ins')?.textContent ?? '',
      buttons: [...li.querySelectorAll('button')].map((b) => b.textContent.trim()),
    })),
  }));
  assert.deepEqual(shown, {
    heading: texts.changes,
    changes: changes.map((c) => ({
      key: c.key,
      head: `${texts.change_types[c.type]} · ${bk.title} (3 → 4)`,
      old: c.old_text,
      new: c.new_text,
      buttons: [texts.take_change, texts.leave_change],
    })),
  }, 'the changes panel');
  await page.screenshot({ path: path.join(env.artifacts, 'composer-changes.png'), fullPage: true });
  await assertAccessible(page, 'composer with source changes');


  // Take the rewording: the item holds the new original (not a wording of ours).
  await changeLi(reworded).getByRole('button', { name: texts.take_change }).click();
  await saved(page, 'taking the rewording');
  assert.equal(await changeLi(reworded).count(), 0, 'the taken change is gone');
  assert.equal(await itemValue(page, item1), NEW1, 'item 1 shows the new text');
  assert.equal(await page.locator(`li.fitem[data-item="${item1}"].reworded`).count(), 0, 'item 1 is not marked reworded');

  // Leave the removal (the item keeps the old text), then the addition (nothing is added).
  await changeLi(removed).getByRole('button', { name: texts.leave_change }).click();
  await saved(page, 'leaving the removal');
  assert.equal(await changeLi(removed).count(), 0, 'the left removal is gone');
  assert.equal(await itemValue(page, item3), OLD2, 'item 3 keeps the old text');
  await changeLi(added).getByRole('button', { name: texts.leave_change }).click();
  await saved(page, 'leaving the addition');
  assert.ok(await page.locator('#changes').isHidden(), 'every change decided: the panel is hidden');
  assert.deepEqual((await page.locator(`#block-${bk.id} li.fitem textarea`).evaluateAll((as) => as.map((a) => a.value))).map(norm),
    [NEW1, originals[1], OLD2], 'the block: the taken rewording, the unchanged item, the kept old text; nothing added');
  assert.match(norm(await page.locator(`#block-${bk.id} .provenance`).textContent()), /^Bron: BK-0338-4 .+ · competentie 1$/,
    'the provenance line names BK-0338-4');

  // As stored: the block stands on version 4; the profile block is untouched.
  const stored = (await call(server, 'GET', api)).body;
  const sb = stored.function.blocks.find((b) => b.id === bk.id);
  assert.equal(sb.source.ref, 'BK-0338-4:1', 'stored source of the block');
  assert.equal(sb.source.version, '4', 'stored version of the source');
  assert.deepEqual(sb.items.map((i) => [i.id, i.original, i.wording]),
    [[item1, NEW1, null], [item2, originals[1], null], [item3, OLD2, null]], 'stored items');
  assert.equal(stored.function.blocks.find((b) => b.id === gw.id).source.ref, gw.source.ref, 'the profile block keeps its source');
  assert.deepEqual(stored.changes, [], 'no undecided changes');

  // The history names the signed-in user of every save: the three of the page (its session) and
  // the two before (the same user's API token); never a name typed by the client.
  const author = server.user.email;
  const history = (await call(server, 'GET', `${api}/history`)).body.history;
  assert.deepEqual(history.map((h) => h.author), [author, author, author, author, author], 'authors in the history API');
  const by = texts.history_by.replace('{author}', author);
  const authorsShown = () => page.locator('#history-list li')
    .evaluateAll((lis) => lis.map((li) => li.querySelector('.history-author')?.textContent ?? null));
  await waitFor(async () => (await authorsShown()).length === history.length, 'the history list of five versions');
  assert.deepEqual(await authorsShown(), [by, by, by, by, by], 'the history list shows who saved');

  // After a reload: the decided changes stay gone.
  await openComposer();
  assert.ok(await page.locator('#changes').isHidden(), 'no changes after a reload');
  assert.deepEqual(problems, [], "the spec's server answered every request");
}

describe('function composer: changes in the sources', () => {
  test('a new version of a BK: take one change, leave the others, the block moves to version 4; the author in the history', async (t) => {
    const where = locate();
    const texts = JSON.parse(fs.readFileSync(path.join(where.root, 'web', 'i18n', 'nl.json'), 'utf8')).functions;
    // withPage gives the run's pooled page (a new browser context costs a second); it is used
    // on the spec's own server only, so nothing is left in the shared server's origin.
    await withPage(t, async (page) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vakkaart-e2e-changes-'));
      let server = null;
      let watch = null;
      try {
        server = await startServer();
        await signIn(page.context(), server);
        watch = watchServer(page, server.url);
        await changesOfVersion4(page, server, dir, where, texts, watch.problems);
      } finally {
        watch?.stop();
        if (server) await server.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
