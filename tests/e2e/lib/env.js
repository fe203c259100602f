// Shared state of a run: the server, the browser and the store's data as the
// server's own JSON API gives it. Registers root hooks, so it starts once per
// process however many spec files require it.
'use strict';
const { before, after } = require('node:test');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { startServer } = require('./server');

const env = {
  url: null, // http://127.0.0.1:PORT (no trailing slash)
  server: null, // what startServer() gave: user, token, auth()
  browser: null,
  artifacts: path.resolve(process.env.E2E_ARTIFACTS || path.join(__dirname, '..', 'artifacts')),
  data: null, // see loadData()
};
let server = null;

/** GET a JSON document from the server's API; fails loudly on non-200. */
async function api(pathAndQuery) {
  const res = await fetch(env.url + pathAndQuery);
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${pathAndQuery} -> ${res.status}: ${body.slice(0, 500)}`);
  return JSON.parse(body);
}

function listOf(doc, key) {
  return Array.isArray(doc) ? doc : doc[key];
}

async function loadData() {
  const profileIds = listOf(await api('/api/profiles'), 'profiles').map((p) => p.id);
  const qualificationIds = listOf(await api('/api/qualifications'), 'qualifications').map((q) => q.id);
  const profiles = await Promise.all(profileIds.map((id) => api(`/api/profiles/${encodeURIComponent(id)}`)));
  const qualifications = await Promise.all(
    qualificationIds.map((id) => api(`/api/qualifications/${encodeURIComponent(id)}`)));
  return { profiles, qualifications };
}

before(async () => {
  fs.mkdirSync(env.artifacts, { recursive: true });
  server = await startServer();
  env.url = server.url;
  env.server = server;
  env.data = await loadData();
  env.browser = await chromium.launch({
    executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium',
    args: process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : [],
  });
});

after(async () => {
  if (env.browser) await env.browser.close();
  if (server) await server.stop();
});

module.exports = { env, api };
