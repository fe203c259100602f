// axe-core in the page; fails on serious and critical violations.
'use strict';
const fs = require('node:fs');
const assert = require('node:assert/strict');

const BLOCKING = new Set(['serious', 'critical']);

function describeViolations(violations) {
  return violations.map((v) => {
    const nodes = v.nodes.slice(0, 8).map((n) => {
      const summary = (n.failureSummary || '').replace(/\s*\n\s*/g, ' | ');
      return `      - ${n.target.join(' ')}\n        ${n.html.replace(/\s+/g, ' ').slice(0, 200)}\n        ${summary}`;
    }).join('\n');
    const more = v.nodes.length > 8 ? `\n      … and ${v.nodes.length - 8} more` : '';
    return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
  }).join('\n');
}

/** Runs axe on the current page; returns { blocking, others }. */
async function runAxe(page) {
  // The Content-Security-Policy allows no inline script, which addScriptTag would add.
  await page.evaluate(fs.readFileSync(require.resolve('axe-core'), 'utf8'));
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact));
  const others = results.violations.filter((v) => !BLOCKING.has(v.impact));
  return { blocking, others };
}

async function assertAccessible(page, label) {
  const { blocking, others } = await runAxe(page);
  if (others.length) {
    process.stdout.write(`# axe (${label}), not failing: ${others.map((v) => `${v.id} [${v.impact}]`).join(', ')}\n`);
  }
  assert.ok(blocking.length === 0,
    `${label}: ${blocking.length} serious/critical accessibility violation(s):\n${describeViolations(blocking)}`);
}

module.exports = { runAxe, assertAccessible, describeViolations };
