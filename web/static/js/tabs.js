// Tabs of the qualification page: switch panels in place (links to ?tab=… work without JS),
// with the arrow keys moving between tabs as the WAI-ARIA tabs pattern describes.

export function enhanceTabs(root) {
  const tabs = [...root.querySelectorAll('[role="tab"]')];
  const select = (tab, { focus = false } = {}) => {
    tabs.forEach((t) => {
      const selected = t === tab;
      t.setAttribute('aria-selected', String(selected));
      t.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(t.getAttribute('aria-controls'));
      if (panel) panel.hidden = !selected;
    });
    const url = new URL(window.location.href);
    url.searchParams.set('tab', tab.id.replace(/^tab-/, ''));
    url.hash = '';
    history.replaceState(null, '', url);
    if (focus) tab.focus();
  };
  tabs.forEach((tab, i) => {
    tab.tabIndex = tab.getAttribute('aria-selected') === 'true' ? 0 : -1;
    tab.addEventListener('click', (event) => {
      event.preventDefault();
      select(tab);
    });
    tab.addEventListener('keydown', (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (step) {
        event.preventDefault();
        select(tabs[(i + step + tabs.length) % tabs.length], { focus: true });
      } else if (event.key === ' ') {
        event.preventDefault();
        select(tab);
      }
    });
  });
}
