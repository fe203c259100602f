// What the pages must show, derived from the server's JSON API (env.data).
'use strict';
const { env } = require('./env');
const { norm } = require('./pages');

const profiles = () => env.data.profiles;
const qualifications = () => env.data.qualifications;
const profile = (id) => profiles().find((p) => p.id === id);

/** A cluster's activities as the panel must nest them. */
function clusterTree(cluster) {
  const tree = (list, sub) => (list || []).map((a) => ({
    text: norm(a.text), sub, children: tree(a.children, true),
  }));
  return {
    title: norm(cluster.title),
    mains: (cluster.main_activities || []).map((m) => ({
      title: m.title == null ? null : norm(m.title), activities: tree(m.activities, false),
    })),
  };
}

/** Pre-order activity texts of a cluster. */
function clusterTexts(cluster) {
  const out = [];
  const walk = (list) => (list || []).forEach((a) => { out.push(norm(a.text)); walk(a.children); });
  (cluster.main_activities || []).forEach((m) => walk(m.activities));
  return out;
}

const mainTitles = (cluster) => (cluster.main_activities || [])
  .filter((m) => m.title != null).map((m) => norm(m.title));

/** Every activity text of a profile. */
const profileStatements = (p) => new Set(p.clusters.flatMap(clusterTexts));

/** Every string anywhere in a JSON value, normalised. */
function allStrings(value, out = new Set()) {
  if (typeof value === 'string') out.add(norm(value));
  else if (Array.isArray(value)) value.forEach((v) => allStrings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => allStrings(v, out));
  return out;
}

/** Profiles in a stable order, those with the most clusters with activities first. */
function richProfiles() {
  const filled = (p) => p.clusters.filter((c) => clusterTexts(c).length > 0).length;
  return [...profiles()].sort((a, b) => filled(b) - filled(a) || a.id.localeCompare(b.id));
}

/** The profile shown on the single-profile pages, and two of its clusters with activities. */
function mainProfile() {
  const p = richProfiles()[0];
  const filled = p.clusters.filter((c) => clusterTexts(c).length > 0);
  return { profile: p, first: filled[0], second: filled[filled.length - 1] };
}

/**
 * The two profiles compared: the pair sharing most statements that each also
 * have a statement of their own. Returns texts to check the marking with.
 */
function comparePair() {
  const ps = profiles();
  let best = null;
  for (let i = 0; i < ps.length; i++) {
    for (let j = i + 1; j < ps.length; j++) {
      const a = ps[i]; const b = ps[j];
      const sa = profileStatements(a); const sb = profileStatements(b);
      const anyA = allStrings(a); const anyB = allStrings(b);
      const shared = [...sa].filter((t) => sb.has(t));
      const uniqueA = [...sa].filter((t) => !anyB.has(t));
      const uniqueB = [...sb].filter((t) => !anyA.has(t));
      const score = Math.min(shared.length, 1000) * 10 + Math.min(uniqueA.length, uniqueB.length, 1);
      if (uniqueA.length && uniqueB.length && (!best || score > best.score)) {
        best = { a, b, shared, uniqueA, uniqueB, score };
      }
    }
  }
  return best;
}

/** The qualification shown on the qualification pages. */
const mainQualification = () => qualifications().find((q) => q.id === 'BK-0338-3') || qualifications()[0];

/** Samples up to n items spread over a list (first, last, and between). */
function spread(list, n) {
  if (list.length <= n) return [...list];
  return Array.from({ length: n }, (_, k) => list[Math.round((k * (list.length - 1)) / (n - 1))]);
}

/** The pages every page-wide check visits (names fixed at load time, paths from the data). */
const PAGE_NAMES = ['start', 'profile', 'profile-cluster', 'profile-print', 'qualification', 'compare', 'search'];

function pagePath(name) {
  const found = pageList().find((pg) => pg.name === name);
  if (!found) throw new Error(`unknown page ${name}`);
  return found.path;
}

function pageList() {
  const { profile: p, first } = mainProfile();
  const pair = comparePair();
  const q = mainQualification();
  const enc = encodeURIComponent;
  return [
    { name: 'start', path: '/' },
    { name: 'profile', path: `/profiles/${enc(p.id)}` },
    { name: 'profile-cluster', path: `/profiles/${enc(p.id)}?cluster=${enc(first.id)}` },
    { name: 'profile-print', path: `/profiles/${enc(p.id)}/print` },
    { name: 'qualification', path: `/qualifications/${enc(q.id)}` },
    { name: 'compare', path: `/compare?item=${enc(pair.a.id)}&item=${enc(pair.b.id)}` },
    { name: 'search', path: `/search?q=${enc(SEARCH_QUERY)}` },
  ];
}

const SEARCH_QUERY = 'vrijwilligersbeleid';
const MISSPELLED_QUERY = 'vrijwiligersbeleid';

module.exports = {
  profiles, qualifications, profile, clusterTree, clusterTexts, mainTitles, profileStatements, allStrings,
  richProfiles, mainProfile, comparePair, mainQualification, spread, pageList, PAGE_NAMES, pagePath, SEARCH_QUERY, MISSPELLED_QUERY,
};
