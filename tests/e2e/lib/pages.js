// Page helpers: a fresh browser context per test, navigation with status
// checks, screenshots, and reading what the visitor sees.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { env } = require('./env');
const { signIn } = require('./auth');

const norm = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();

function safeName(s) {
  return String(s).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}

// Opening a page is the slow part of a test (0.5-2 s on a busy 2-core machine), so
// each set of context options keeps one context and page; between tests the
// cookies and storage are cleared. A test that fails leaves a fresh one behind.
const pool = new Map();

async function pooledPage(options) {
  const key = JSON.stringify(options);
  let entry = pool.get(key);
  if (!entry || entry.page.isClosed()) {
    // A Flemish browser (Accept-Language: nl-BE) unless a test asks for another: the server
    // picks a page's language from it when the URL and the cookie name none.
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-BE', ...options });
    entry = { context, page: await context.newPage() };
    pool.set(key, entry);
  }
  return { key, ...entry };
}

async function resetPage(entry) {
  try {
    if (entry.page.url().startsWith(env.url)) {
      await entry.page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });
    }
  } catch { /* no storage */ }
  await entry.page.goto('about:blank');
  await entry.context.clearCookies();
  await entry.page.emulateMedia({ media: null });
}

/**
 * Runs fn(page, context) on a clean page. Fails on uncaught page errors and on
 * same-origin subresources that fail to load; on any failure saves a full-page
 * screenshot failed-<test>.png to the artifacts directory.
 */
async function withPage(t, options, fn) {
  if (typeof options === 'function') { fn = options; options = {}; }
  const { signedIn, ...contextOptions } = options;
  const entry = await pooledPage(contextOptions);
  const { page, context } = entry;
  // A signed-in test gets a session of its own (cookies are cleared between tests).
  if (signedIn) await signIn(context, signedIn === true ? env.server : signedIn);
  const problems = [];
  const onPageError = (err) => problems.push(`uncaught error on ${page.url()}: ${err.message}`);
  const onResponse = (res) => {
    const req = res.request();
    if (res.status() >= 400 && !req.isNavigationRequest() && res.url().startsWith(env.url)
        && !res.url().endsWith('/favicon.ico')) {
      problems.push(`${req.resourceType()} ${res.url()} -> ${res.status()} (on ${page.url()})`);
    }
  };
  // A navigation cancels the requests of the page it leaves (net::ERR_ABORTED): a test that
  // clicks on while a panel is still loading is no fault of the page. So each request remembers
  // how many main-frame navigations had started before it (counted at their request, which comes
  // before the old page's requests are cancelled).
  // The order of those events is not guaranteed, though: a reload right after an autosave can
  // report the cancelled fetch before the reload's own request. So an abort is held back, and
  // forgotten when a main-frame navigation starts within kAbortWindowMs after it.
  // A page may also start a request after a navigation's request but before that navigation
  // commits (a timer firing during a reload); the commit cancels it. So commits are counted too
  // (framenavigated), and a commit forgives an abort just before it, as a navigation's start does.
  let navigations = 0;
  let commits = 0;
  const startedAt = new WeakMap(); // request -> {navigations, commits} when it started
  const heldAborts = []; // {problem, at}
  const kAbortWindowMs = 2000;
  const forgiveHeldAborts = () => {
    const now = Date.now();
    for (let i = heldAborts.length - 1; i >= 0; i -= 1) {
      if (now - heldAborts[i].at <= kAbortWindowMs) heldAborts.splice(i, 1);
    }
  };
  const onRequest = (req) => {
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) {
      navigations += 1;
      forgiveHeldAborts();
    } else startedAt.set(req, { navigations, commits });
  };
  const onFrameNavigated = (frame) => {
    if (frame !== page.mainFrame()) return;
    commits += 1;
    forgiveHeldAborts();
  };
  const onRequestFailed = (req) => {
    const aborted = req.failure()?.errorText === 'net::ERR_ABORTED';
    // The browser fetches the favicon after the page has loaded; a test that moves on at once
    // aborts that fetch, which is no fault of the page either.
    const abortedIcon = aborted && new URL(req.url()).pathname === '/static/favicon.svg';
    const started = startedAt.get(req);
    const leftBehind = aborted && !req.isNavigationRequest() && started !== undefined
      && (started.navigations < navigations || started.commits < commits);
    if (!req.url().startsWith(env.url) || abortedIcon || leftBehind) return;
    const problem = `request failed: ${req.url()} (${req.failure()?.errorText})`;
    if (aborted && !req.isNavigationRequest()) heldAborts.push({ problem, at: Date.now() });
    else problems.push(problem);
  };
  page.on('pageerror', onPageError);
  page.on('response', onResponse);
  page.on('request', onRequest);
  page.on('requestfailed', onRequestFailed);
  page.on('framenavigated', onFrameNavigated);
  let ok = false;
  try {
    await fn(page, context);
    problems.push(...heldAborts.map((h) => h.problem));
    assert.deepEqual(problems, [], 'the page had errors');
    ok = true;
  } catch (err) {
    try {
      await page.screenshot({ path: path.join(env.artifacts, `failed-${safeName(t.name)}.png`), fullPage: true });
    } catch { /* the page may be gone */ }
    if (problems.length && !String(err.message).includes('the page had errors')) {
      err.message += `\n(page problems: ${problems.join('; ')})`;
    }
    throw err;
  } finally {
    page.off('pageerror', onPageError);
    page.off('request', onRequest);
    page.off('response', onResponse);
    page.off('requestfailed', onRequestFailed);
    page.off('framenavigated', onFrameNavigated);
    if (ok) {
      await resetPage(entry);
    } else {
      pool.delete(entry.key);
      await context.close().catch(() => {});
    }
  }
}

/** Navigates to a server path and asserts a 200 HTML answer. */
async function open(page, urlPath, { status = 200 } = {}) {
  const res = await page.goto(env.url + urlPath, { waitUntil: 'load' });
  assert.ok(res, `no response for ${urlPath}`);
  assert.equal(res.status(), status, `GET ${urlPath} status`);
  assert.match(res.headers()['content-type'] || '', /text\/html/, `GET ${urlPath} content-type`);
  return res;
}

async function screenshot(page, name) {
  const file = path.join(env.artifacts, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Polls fn() until it returns a truthy value or `timeout` ms pass. */
async function waitFor(fn, what, timeout = 5000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** data-* values of the elements matching selector that are rendered visibly. */
async function visibleKeys(page, selector, attr = 'data-cluster') {
  return page.locator(selector).evaluateAll((els, a) => els
    .filter((e) => e.checkVisibility() && e.getClientRects().length > 0)
    .map((e) => e.getAttribute(a) ?? e.id), attr);
}

const visiblePanels = (page) => visibleKeys(page, 'section.cluster-panel', 'data-cluster');

/** Waits until exactly the given cluster panel is visible and the URL names it. */
async function expectOnlyPanel(page, clusterId) {
  try {
    await waitFor(async () => {
      const v = await visiblePanels(page);
      return v.length === 1 && v[0] === clusterId && new URL(page.url()).searchParams.get('cluster') === clusterId;
    }, `panel ${clusterId}`);
  } catch {
    assert.deepEqual({ visible: await visiblePanels(page), cluster: new URL(page.url()).searchParams.get('cluster') },
      { visible: [clusterId], cluster: clusterId }, 'visible cluster panels and ?cluster= of the URL');
  }
}

/**
 * Clicks an SVG link with the mouse at a point where the link itself is hit
 * (the centre of a ring segment's bounding box is often outside the segment).
 */
async function clickSvgLink(page, locator) {
  await locator.scrollIntoViewIfNeeded();
  const point = await locator.evaluate((a) => {
    const r = a.getBoundingClientRect();
    const N = 24;
    const hit = [];
    for (let i = 0; i <= N; i++) {
      hit.push([]);
      for (let j = 0; j <= N; j++) {
        const x = r.left + (r.width * i) / N; const y = r.top + (r.height * j) / N;
        const el = document.elementFromPoint(x, y);
        hit[i].push(el && (el === a || a.contains(el)) ? { x, y } : null);
      }
    }
    let best = null; let bestScore = -1;
    for (let i = 1; i < N; i++) {
      for (let j = 1; j < N; j++) {
        if (!hit[i][j]) continue;
        let score = 0;
        for (let di = -1; di <= 1; di++) for (let dj = -1; dj <= 1; dj++) if (hit[i + di][j + dj]) score++;
        if (score > bestScore) { best = hit[i][j]; bestScore = score; }
      }
    }
    return best;
  });
  assert.ok(point, 'no point of the segment receives the click (covered by another element?)');
  await page.mouse.click(point.x, point.y);
}

/** The structure of a cluster panel as the visitor reads it. */
async function readPanel(panel) {
  return panel.evaluate((el) => {
    const norm = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();
    const own = (container, sel) => [...container.querySelectorAll(sel)];
    const acts = (container) => own(container, 'li.activity')
      .filter((li) => li.parentElement.closest('li.activity, div.main-activity') === container)
      .map((li) => {
        const span = own(li, '.activity-text').find((s) => s.closest('li.activity') === li);
        return {
          text: span ? norm(span.textContent) : '<no .activity-text>',
          sub: li.classList.contains('sub'),
          children: acts(li),
        };
      });
    const h2 = el.querySelector('h2');
    return {
      title: h2 ? norm(h2.textContent) : null,
      mains: own(el, 'div.main-activity').map((div) => {
        const h3 = div.querySelector('h3.main-activity-title');
        return { title: h3 ? norm(h3.textContent) : null, activities: acts(div) };
      }),
      texts: own(el, '.activity-text').map((s) => norm(s.textContent)),
      mainTitles: own(el, 'h3.main-activity-title').map((h) => norm(h.textContent)),
      fullText: norm(el.textContent),
    };
  });
}

module.exports = {
  norm, safeName, withPage, open, screenshot, waitFor, visibleKeys, visiblePanels, expectOnlyPanel,
  clickSvgLink, readPanel,
};
