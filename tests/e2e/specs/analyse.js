// 13. Analyse: paste a campagnewerker vacancy of the evaluation set into /analyse and submit (a
// plain form POST, so also without JavaScript); the verdict, the ring coloured by coverage and
// the profile table agree with POST /api/analyse; a sentence's link opens the profile at the
// matched cluster; a DOCX made from the same text (LibreOffice) is uploaded; English labels; axe.
// Analysing never writes, so this spec uses the shared server.
'use strict';
const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { env } = require('../lib/env');
const { withPage, open, norm, expectOnlyPanel, readPanel } = require('../lib/pages');
const { assertAccessible } = require('../lib/axe');

const ROOT = path.resolve(process.env.VAKKAART_ROOT || path.join(__dirname, '..', '..', '..'));
const VACANCIES = path.join(ROOT, 'tests', 'data', 'vacancies');
const FILE = '038-campagnewerker-fairtrade.txt';
const BEST = 'campagnewerker';
const NONE_FILE = '004-verpleegkundige-az-kortrijk.txt'; // a nurse, labelled none

let text = null;
let dir = null;
let docx = null;

function label(file) {
  const lines = fs.readFileSync(path.join(VACANCIES, 'labels.jsonl'), 'utf8').split('\n').filter(Boolean);
  return lines.map((l) => JSON.parse(l)).find((d) => d.file === file);
}

async function analyseApi(body) {
  const res = await fetch(`${env.url}/api/analyse`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const answer = await res.text();
  assert.equal(res.status, 200, `POST /api/analyse: ${answer.slice(0, 300)}`);
  return JSON.parse(answer);
}

/** Fills the textarea and submits the form; waits for the result page. */
async function submitText(page, value) {
  await page.fill('form.analyse-form textarea[name=text]', value);
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.click('form.analyse-form button[type=submit]'),
  ]);
}

/** What the result page shows. */
async function readResult(page) {
  return page.evaluate(() => {
    const norm = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();
    const verdict = document.querySelector('.verdict[data-best]');
    return {
      best: verdict ? verdict.dataset.best : null,
      verdict: verdict ? norm(verdict.textContent) : null,
      profiles: [...document.querySelectorAll('table.analyse-profiles tr[data-id]')].map((tr) => tr.dataset.id),
      ring: [...document.querySelectorAll('figure.analyse-ring svg a.seg')].map((a) => ({
        cluster: a.dataset.cluster,
        href: a.getAttribute('href'),
        fill: a.querySelector('path')?.getAttribute('fill') ?? null,
        label: a.getAttribute('aria-label'),
      })),
      segments: [...document.querySelectorAll('ol.analyse-segments li.segment')].map((li) => ({
        text: norm((li.querySelector('.segment-text') || li).textContent),
        marks: li.querySelectorAll('mark').length,
        links: [...li.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
      })),
    };
  });
}

function checkResult(shown, expected) {
  assert.equal(shown.best, BEST, `verdict data-best (${shown.verdict})`);
  assert.equal(expected.best, BEST, 'the API agrees');
  assert.ok(shown.verdict.includes(norm(expected.best_title)), `the verdict names "${expected.best_title}"`);
  assert.deepEqual(shown.profiles, expected.profiles.map((p) => p.id), 'the table lists the API\'s profiles in order');
  assert.ok(shown.ring.length >= 5, 'the ring has its cluster segments');
  const fills = new Set(shown.ring.map((s) => s.fill));
  assert.ok(![...fills].includes(null), 'every ring segment is filled');
  assert.ok(fills.size >= 2, `the ring is coloured by coverage (fills: ${[...fills].join(', ')})`);
  assert.ok(shown.ring.every((s) => /%/.test(s.label || '')), 'each segment says its coverage');
  for (const s of shown.ring) {
    const u = new URL(s.href, env.url);
    assert.equal(u.pathname, `/profiles/${BEST}`, `ring link ${s.href}`);
    assert.equal(u.searchParams.get('cluster'), s.cluster, `ring link ${s.href} names its cluster`);
  }
  assert.equal(shown.segments.length, expected.segments.length, 'one list item per segment');
  assert.ok(shown.segments.some((s) => s.marks > 0), 'matched words are marked');
  assert.ok(shown.segments.some((s) => s.links.some((h) => h.startsWith(`/profiles/${BEST}?`))),
    'a sentence links to the best profile');
}

describe('analyse page', () => {
  before(() => {
    text = fs.readFileSync(path.join(VACANCIES, FILE), 'utf8');
    assert.equal(label(FILE).profile, BEST, `${FILE} is labelled ${BEST}`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vakkaart-e2e-analyse-'));
    const txt = path.join(dir, 'vacature.txt');
    fs.writeFileSync(txt, text);
    execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--headless',
      '--convert-to', 'docx', '--outdir', dir, txt], { stdio: 'pipe', timeout: 180000 });
    docx = path.join(dir, 'vacature.docx');
    assert.ok(fs.existsSync(docx), 'LibreOffice made the DOCX');
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('paste a campagnewerker vacancy: verdict, coloured ring, table, sentences; a link opens the cluster', async (t) => {
    const expected = await analyseApi({ text });
    await withPage(t, async (page) => {
      await open(page, '/analyse');
      assert.equal(await page.locator('.verdict').count(), 0, 'no result before submitting');
      await assertAccessible(page, 'analyse (empty form)');
      await submitText(page, text);
      assert.equal(new URL(page.url()).pathname, '/analyse');
      const shown = await readResult(page);
      checkResult(shown, expected);
      await assertAccessible(page, 'analyse (result)');

      const href = shown.segments.flatMap((s) => s.links).find((h) => h.startsWith(`/profiles/${BEST}?`));
      const link = new URL(href, page.url());
      const cluster = link.searchParams.get('cluster');
      assert.ok(cluster, `${href} names ?cluster=`);
      await Promise.all([
        page.waitForURL((u) => u.pathname === link.pathname && u.searchParams.get('cluster') === cluster,
          { waitUntil: 'load' }),
        page.click(`ol.analyse-segments a[href="${href}"] >> nth=0`),
      ]);
      await expectOnlyPanel(page, cluster);
      if (link.hash.length > 1) {
        const inPanel = await page.evaluate((id) => {
          const el = document.getElementById(id);
          return el ? el.closest('section.cluster-panel')?.dataset.cluster ?? null : null;
        }, decodeURIComponent(link.hash.slice(1)));
        assert.equal(inPanel, cluster, `${link.hash} is inside panel ${cluster}`);
      }
      const panel = await readPanel(page.locator(`section.cluster-panel[data-cluster="${cluster}"]`));
      assert.ok(panel.texts.length > 0, 'the panel lists activities');
    });
  });

  test('upload the same vacancy as DOCX', async (t) => {
    const expected = await analyseApi({ text });
    await withPage(t, async (page) => {
      await open(page, '/analyse');
      await page.setInputFiles('form.analyse-form input[type=file][name=file]', docx);
      await Promise.all([
        page.waitForNavigation({ waitUntil: 'load' }),
        page.click('form.analyse-form button[type=submit]'),
      ]);
      const shown = await readResult(page);
      assert.equal(shown.best, BEST, `verdict data-best (${shown.verdict})`);
      assert.equal(shown.profiles[0], expected.profiles[0].id, 'the same best row as the pasted text');
      assert.ok(shown.segments.length > 0, 'the sentences of the DOCX');
      assert.ok(norm(await page.locator('.analyse-result').textContent()).includes('vacature.docx'),
        'the file name is shown');
    });
  });

  test('English labels (?lang=en); an unrelated text is not recognised', async (t) => {
    await withPage(t, async (page) => {
      await open(page, '/analyse?lang=en');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.equal(norm(await page.locator('h1').first().textContent()), 'Analyse a job text');
      assert.equal(norm(await page.locator('form.analyse-form button[type=submit]').textContent()), 'Analyse');
      await submitText(page, text);
      assert.equal(new URL(page.url()).searchParams.get('lang'), 'en', 'the form posts with ?lang=en');
      assert.equal(await page.getAttribute('.verdict', 'data-best'), BEST);
      const result = norm(await page.locator('.analyse-result').textContent());
      for (const words of ['Result', 'Best fitting', 'Sentences and what they match', 'coverage']) {
        assert.ok(result.includes(words), `English label "${words}"`);
      }
      assert.ok(!result.includes('Best passend') && !result.includes('Zinnen en wat ze raken'), 'no Dutch labels');
      const ringLabel = await page.getAttribute('figure.analyse-ring svg a.seg >> nth=0', 'aria-label');
      assert.match(ringLabel, /% covered/, 'the ring speaks English');
      const links = await page.locator('ol.analyse-segments a[href^="/profiles/"]').evaluateAll(
        (as) => as.map((a) => a.getAttribute('href')));
      assert.ok(links.length > 0 && links.every((h) => new URL(h, 'http://x').searchParams.get('lang') === 'en'),
        'links keep the language');
      await assertAccessible(page, 'analyse (English result)');

      await submitText(page, fs.readFileSync(path.join(VACANCIES, NONE_FILE), 'utf8'));
      assert.equal(await page.getAttribute('.verdict', 'data-best'), 'none');
    });
  });

  test('without JavaScript: the plain form POST gives the same result', async (t) => {
    const expected = await analyseApi({ text });
    await withPage(t, { javaScriptEnabled: false }, async (page) => {
      await open(page, '/analyse');
      await submitText(page, text);
      checkResult(await readResult(page), expected);
    });
  });
});
