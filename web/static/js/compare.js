// The compare page. The form says at once how many are chosen and why the button cannot be
// used yet (the server says so too when the form is sent without this script); the status text
// is also the button's description, so a hint always names what is the case now. The details of
// each cluster are collapsed: a link to one (from the summary, or a bookmark) opens it.

function say(template, n) {
  return (template || '').replace('{n}', String(n));
}

export function enhanceCompareForm(form) {
  const boxes = [...form.querySelectorAll('input[name="item"]')];
  const status = form.querySelector('[data-choice-status]');
  const submit = form.querySelector('button[type="submit"]');
  const texts = status ? status.dataset : {};
  const update = () => {
    const n = boxes.filter((b) => b.checked).length;
    const full = n >= 5;
    boxes.forEach((b) => {
      b.disabled = !b.checked && full;
      const label = b.closest('label');
      if (label) {
        label.classList.toggle('is-disabled', b.disabled);
        if (b.disabled) label.title = texts.full || ''; else label.removeAttribute('title');
      }
    });
    const tooFew = n < 2;
    if (submit) {
      submit.disabled = tooFew;
      if (tooFew) submit.title = texts.need || ''; else submit.removeAttribute('title');
    }
    if (status) {
      const parts = [say(texts.text || '{n} / 5', n)];
      if (tooFew && texts.need) parts.push(texts.need);
      else if (full && texts.full) parts.push(texts.full);
      status.textContent = parts.join(' · ');
    }
  };
  boxes.forEach((b) => b.addEventListener('change', update));
  update();
}

/** Opens the collapsed group (or the details around) the URL's fragment names. */
function openTarget(doc) {
  const id = decodeURIComponent(doc.defaultView.location.hash.slice(1));
  if (!id) return;
  const target = doc.getElementById(id);
  if (!target) return;
  for (let el = target; el; el = el.parentElement) {
    if (el.tagName === 'DETAILS') el.open = true;
  }
  target.scrollIntoView({ block: 'start' });
}

export function enhanceCompareDetails(doc = document) {
  if (!doc.querySelector('details.group')) return;
  doc.defaultView.addEventListener('hashchange', () => openTarget(doc));
  // A link to the group already shown in the URL changes no hash: open it all the same.
  doc.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('a[data-open-group]');
    if (link && link.hash === doc.defaultView.location.hash) {
      event.preventDefault();
      openTarget(doc);
    }
  });
  // Paper has no summaries to click: print every group open.
  doc.defaultView.addEventListener('beforeprint', () => {
    doc.querySelectorAll('details.group').forEach((d) => { d.open = true; });
  });
  openTarget(doc);
}

// Imported by app.js on every page; it does nothing where there are no groups.
enhanceCompareDetails();
