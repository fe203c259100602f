// The ring model: a segment shows its cluster's activities beside the rings without a page
// load. The segment links still work on their own (?cluster=…), and the URL is kept in step so
// every state can be bookmarked or shared.

function show(view, clusterId, { focus = false, push = true } = {}) {
  const panels = view.querySelectorAll('.cluster-panel');
  let shown = null;
  panels.forEach((panel) => {
    const match = panel.dataset.cluster === clusterId;
    panel.hidden = !match;
    if (match) shown = panel;
  });
  if (!shown) return false;
  const hint = view.querySelector('.ring-hint');
  if (hint) hint.hidden = true;
  view.querySelectorAll('a.seg').forEach((seg) => {
    const selected = seg.dataset.cluster === clusterId;
    seg.classList.toggle('selected', selected);
    if (selected) seg.setAttribute('aria-current', 'true');
    else seg.removeAttribute('aria-current');
  });
  if (push) {
    const url = new URL(window.location.href);
    url.searchParams.set('cluster', clusterId);
    url.hash = '';
    history.pushState({ cluster: clusterId }, '', url);
  }
  if (focus) shown.querySelector('h2')?.focus({ preventScroll: false });
  return true;
}

export function enhanceRing(view) {
  view.addEventListener('click', (event) => {
    const seg = event.target.closest('a.seg');
    if (!seg || event.ctrlKey || event.metaKey || event.shiftKey) return;
    // Keyboard activation (Enter) moves focus to the list, so it is read out next; a mouse
    // click leaves focus on the ring for the next choice.
    if (show(view, seg.dataset.cluster, { focus: event.detail === 0 })) event.preventDefault();
  });
  window.addEventListener('popstate', () => {
    const cluster = new URL(window.location.href).searchParams.get('cluster');
    if (cluster) show(view, cluster, { push: false });
  });
}
