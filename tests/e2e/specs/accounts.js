// Accounts in the browser: a member signs in on the form, composes and exports a function and
// signs out; a member of another organisation neither sees that function in the list nor opens
// it by its URL; an organisation's admin changes a member's role and the audit page shows it.
'use strict';
const { describe, test, before } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { env } = require('../lib/env');
const { locate } = require('../lib/server');
const { signIn } = require('../lib/auth');
const { waitFor, norm } = require('../lib/pages');
const { assertAccessible } = require('../lib/axe');

const OTHER = { email: 'lid@org-b.example', password: 'org-b-wachtwoord-1', name: 'Lid van B' };
const MEMBER = 'nieuw.lid@demo.example';
let texts = null;
let functionId = null;

/** A fresh browser context and page, failing on page errors and 5xx answers. */
async function withContext(fn) {
  // A Flemish browser, as lib/pages.js gives every other test: the pages follow Accept-Language.
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-BE', acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`uncaught error: ${err.message}`));
  page.on('response', (res) => { if (res.status() >= 500) problems.push(`${res.url()} -> ${res.status()}`); });
  try {
    await fn(page, context);
    assert.deepEqual(problems, [], 'the pages had errors');
  } finally {
    await context.close();
  }
}

async function signInOnTheForm(page, user) {
  await page.getByLabel(texts.email, { exact: true }).fill(user.email);
  await page.getByLabel(texts.password, { exact: true }).fill(user.password);
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.getByRole('button', { name: texts.sign_in_button }).click(),
  ]);
}

describe('accounts', () => {
  before(() => {
    texts = JSON.parse(fs.readFileSync(path.join(locate().root, 'web', 'i18n', 'nl.json'), 'utf8')).account;
    // A second organisation with one editor: the operator's CLI, beside the running server.
    const { bin } = locate();
    const db = ['--db', env.server.db];
    execFileSync(bin, [...db, 'org', 'add', 'org-b', '--name', 'Organisatie B']);
    execFileSync(bin, [...db, 'user', 'add', OTHER.email, '--org', 'org-b', '--role', 'editor',
      '--name', OTHER.name, '--password-stdin'], { input: `${OTHER.password}\n` });
  });

  test('sign in on the form, compose and export a function, sign out', async () => {
    await withContext(async (page) => {
      // A page that needs an account sends an anonymous visitor to sign in, and back.
      await page.goto(`${env.url}/functions`, { waitUntil: 'load' });
      assert.equal(new URL(page.url()).pathname, '/sign-in', 'sent to the sign-in page');
      await assertAccessible(page, 'sign-in page');
      await signInOnTheForm(page, env.server.user);
      assert.equal(new URL(page.url()).pathname, '/functions', 'back on the functions list');
      assert.equal(norm(await page.locator('.account-link').textContent()), env.server.user.name, 'the header names the user');
      assert.equal(norm(await page.locator('.acting-org').textContent()), 'Demo-organisatie', 'and the organisation');

      await page.fill('#nf-title', 'Accounts e2e');
      await Promise.all([
        page.waitForURL(/\/functions\/accounts-e2e/, { waitUntil: 'load' }),
        page.click('#new-function button[type="submit"]'),
      ]);
      functionId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
      await page.locator('#function-editor article.fblock').first().waitFor();
      await page.fill('#f-purpose', 'Samen met vrijwilligers activiteiten opzetten');
      await waitFor(async () => (await page.locator('#save-status').getAttribute('data-state')) === 'saved', 'saved', 10000);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('a.export-link[data-format="docx"]'),
      ]);
      const file = path.join(env.artifacts, 'accounts.docx');
      await download.saveAs(file);
      assert.ok(fs.statSync(file).size > 1000, 'a DOCX was downloaded');

      await Promise.all([
        page.waitForNavigation({ waitUntil: 'load' }),
        page.getByRole('button', { name: texts.sign_out }).click(),
      ]);
      assert.ok(await page.locator('.sign-in-link').isVisible(), 'signed out: the header offers to sign in');
      const res = await page.goto(`${env.url}/functions/${functionId}`, { waitUntil: 'load' });
      assert.equal(new URL(page.url()).pathname, '/sign-in', 'the composer needs an account again');
      assert.equal(res.status(), 200);
    });
  });

  test("another organisation's member neither lists nor opens the function", async () => {
    assert.ok(functionId, 'the first test made a function');
    await withContext(async (page, context) => {
      await signIn(context, env.server, OTHER);
      await page.goto(`${env.url}/functions`, { waitUntil: 'load' });
      assert.equal(norm(await page.locator('.acting-org').textContent()), 'Organisatie B');
      assert.equal(await page.locator(`tr[data-function="${functionId}"]`).count(), 0, 'not in the list');
      const res = await page.goto(`${env.url}/functions/${functionId}`, { waitUntil: 'load' });
      assert.equal(res.status(), 404, 'not found by its URL');
      const api = await page.evaluate(async (id) => (await fetch(`/api/functions/${id}`)).status, functionId);
      assert.equal(api, 404, 'nor through the API');
    });
  });

  test("an admin changes a member's role and the audit page shows it", async () => {
    await withContext(async (page, context) => {
      await signIn(context, env.server);
      await page.goto(`${env.url}/organisation`, { waitUntil: 'load' });
      await page.fill('#new-email', MEMBER);
      await page.fill('#new-name', 'Nieuw lid');
      await page.selectOption('#new-role', 'reader');
      await Promise.all([
        page.waitForNavigation({ waitUntil: 'load' }),
        page.getByRole('button', { name: texts.member_add }).last().click(),
      ]);
      assert.match(norm(await page.locator('.sign-in-link-value').textContent()), /\/sign-in\/link\/[A-Za-z0-9_-]{43}$/,
        'a one-time link for the new member');
      const row = page.locator(`tr[data-email="${MEMBER}"]`);
      await row.locator('select[name="role"]').selectOption('editor');
      await Promise.all([
        page.waitForNavigation({ waitUntil: 'load' }),
        row.getByRole('button', { name: texts.role_change }).click(),
      ]);
      assert.equal(await page.locator(`tr[data-email="${MEMBER}"] select[name="role"]`).inputValue(), 'editor', 'the new role');
      await assertAccessible(page, 'organisation page');

      await page.goto(`${env.url}/organisation/audit`, { waitUntil: 'load' });
      const rows = await page.locator('.audit-table tbody tr').evaluateAll((trs) => trs.map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())));
      // The page says the action and the role in Dutch; the log keeps the codes (member.role, editor).
      const change = rows.find((r) => r[2] === texts.audit_actions['member.role'] && r[3] === MEMBER &&
        r[4] === texts.roles.editor);
      assert.ok(!rows.some((r) => /^[a-z]+\.[a-z_]+$/.test(r[2])), 'no action code is shown');
      assert.ok(change, `the audit log shows the role change (rows: ${JSON.stringify(rows.slice(0, 5))})`);
      assert.equal(change[1], env.server.user.email, 'made by the admin');
      assert.ok(rows.some((r) => r[2] === texts.audit_actions['function.create'] && r[3] === functionId),
        'and the function made earlier');
    });
  });
});
