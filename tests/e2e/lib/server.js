// Imports the bundled sources into a fresh database and runs `vakkaart serve`
// on a free port: once for the whole test run (lib/env.js), and again for a spec
// that must change its database (each call gets a database of its own).
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');

function locate() {
  const root = path.resolve(process.env.VAKKAART_ROOT || path.join(__dirname, '..', '..', '..'));
  const bin = path.resolve(process.env.VAKKAART_BIN || path.join(root, 'build', 'vakkaart'));
  if (!fs.existsSync(bin)) throw new Error(`vakkaart binary not found at ${bin} (set VAKKAART_BIN)`);
  return { root, bin };
}

async function startServer() {
  const { root, bin } = locate();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vakkaart-e2e-'));
  const db = path.join(dir, 'v.db');
  const sourcesDir = path.join(root, 'data', 'sources');
  const sources = fs.readdirSync(sourcesDir).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => path.join(sourcesDir, f));
  execFileSync(bin, ['--db', db, 'import', ...sources], { stdio: ['ignore', 'pipe', 'pipe'] });
  // The user the browser signs in as: admin of the demo organisation (so also a curator and an
  // editor), with a password for the sign-in page and a read-write API token for scripts.
  const user = { email: 'e2e@example.org', password: 'e2e-wachtwoord-123', name: 'Ans Peeters (e2e)' };
  execFileSync(bin, ['--db', db, 'user', 'add', user.email, '--org', 'demo', '--role', 'admin',
    '--name', user.name, '--password-stdin'], { input: `${user.password}\n`, stdio: ['pipe', 'pipe', 'pipe'] });
  const token = execFileSync(bin, ['--db', db, 'token', 'create', user.email, '--name', 'e2e'],
    { stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim();

  const child = spawn(bin, ['--db', db, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
  const killOnExit = () => { try { child.kill('SIGKILL'); } catch { /* gone */ } };
  process.on('exit', killOnExit);

  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('no "vakkaart serving" line within 30 s')), 30000);
    const lines = readline.createInterface({ input: child.stdout });
    function fail(err) {
      clearTimeout(timer);
      killOnExit();
      reject(new Error(`${err.message}\nstderr: ${stderr}`));
    }
    lines.on('line', (line) => {
      const m = /vakkaart serving (http:\/\/\S+?)\/? /.exec(line + ' ');
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code, signal) => fail(new Error(`server exited early (${code ?? signal})`)));
    child.on('error', fail);
  });
  child.stdout.resume();

  return {
    url, // without trailing slash
    db,
    user, // { email, password, name }: signs in on the sign-in page
    token, // the user's read-write API token
    /** Headers that authenticate a script as `user` (Bearer token). */
    auth(headers = {}) { return { ...headers, Authorization: `Bearer ${token}` }; },
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(t);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = {
  startServer,
  locate, // { root, bin }: for specs that run the CLI on a server's database of their own
};
