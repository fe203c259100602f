// The compare form: say at once when fewer than 2 or more than 5 are chosen (the server says
// so too when the form is sent without this script).

export function enhanceCompareForm(form) {
  const boxes = [...form.querySelectorAll('input[name="item"]')];
  const status = form.querySelector('[data-choice-status]');
  const submit = form.querySelector('button[type="submit"]');
  const update = () => {
    const n = boxes.filter((b) => b.checked).length;
    boxes.forEach((b) => { b.disabled = !b.checked && n >= 5; });
    if (submit) submit.disabled = n < 2;
    if (status) status.textContent = `${n} / 5`;
  };
  boxes.forEach((b) => b.addEventListener('change', update));
  update();
}
