// Signing a browser context in, as a person would: the sign-in form's POST, whose session cookie
// then goes into the context (the form itself is tested in specs/accounts.js).
'use strict';
const assert = require('node:assert/strict');

/** The session cookie of a sign-in of `user` at `base`. */
async function sessionCookie(base, user) {
  const res = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base },
    body: new URLSearchParams({ email: user.email, password: user.password }).toString(),
  });
  assert.equal(res.status, 303, `sign-in of ${user.email}`);
  const cookie = /vakkaart_session=([^;]+)/.exec(res.headers.get('set-cookie') || '');
  assert.ok(cookie, 'the sign-in set a session cookie');
  return cookie[1];
}

/** Signs `context` in as `server.user` (or `user`) at `server.url`. */
async function signIn(context, server, user = server.user) {
  const value = await sessionCookie(server.url, user);
  await context.addCookies([{ name: 'vakkaart_session', value, url: server.url }]);
}

module.exports = { sessionCookie, signIn };
