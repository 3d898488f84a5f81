// The review queue: each unchecked event with its words, to accept, correct (sides, code, date)
// or reject; a missed event to add; the sentences that could not be coded, with why.
import { get, postJson } from '../api.js';
import { el, say, sayError, table } from '../dom.js';
import { t } from '../i18n.js';

const PAGE = 20;

function who() {
  const w = document.getElementById('who').value.trim();
  if (!w) throw new Error(t('need_who'));
  return w;
}

export function render(root) {
  const events = el('div', { id: 'review-events' });
  const uncoded = el('div', { id: 'review-uncoded' });
  const fields = ['source', 'target', 'code', 'date', 'evidence'];
  const addInputs = Object.fromEntries(fields.map((f) => [f, el('input', { name: f, size: f === 'evidence' ? 40 : 8 })]));
  const addForm = el('form', { class: 'bar', id: 'add-form' },
    fields.map((f) => el('label', {}, t(f), addInputs[f])),
    el('button', { class: 'primary', type: 'submit' }, t('add_event')));
  root.append(el('h2', {}, t('review')), events, el('h2', {}, t('add_event')), addForm,
    el('h2', {}, t('uncoded')), uncoded);
  let offset = 0;

  async function correct(body, done) {
    try {
      const r = await postJson('/corrections', { ...body, who: who() });
      say(`${t('saved')}: ${r.kind} ${r.event_id}`);
      done?.(r);
      await load();
    } catch (e) {
      sayError(e);
    }
  }

  function editRow(e, row) {
    const inputs = Object.fromEntries(['source', 'target', 'code', 'date'].map((f) =>
      [f, el('input', { name: f, size: 8, value: f === 'date' ? e.date : e[f] })]));
    const edit = el('tr', { class: 'edit-row' }, el('td', { colspan: 5 },
      el('form', { class: 'bar', onsubmit: (ev) => {
        ev.preventDefault();
        const changed = Object.fromEntries(Object.entries(inputs)
          .filter(([f, i]) => i.value.trim() && i.value.trim() !== (f === 'date' ? e.date : e[f]))
          .map(([f, i]) => [f, i.value.trim()]));
        correct({ kind: 'edit', event_id: e.id, ...changed });
      } }, Object.entries(inputs).map(([f, i]) => el('label', {}, t(f), i)),
      el('button', { class: 'primary', type: 'submit' }, t('save')),
      el('button', { class: 'small', type: 'button', onclick: () => edit.remove() }, t('cancel')))));
    row.after(edit);
  }

  async function load() {
    try {
      const r = await get('/review', { limit: PAGE, offset });
      const rows = r.events.map((e) => {
        const row = el('tr', { dataset: { id: e.id } },
          el('td', {}, e.date), el('td', {}, `${e.source}→${e.target}`), el('td', {}, e.code),
          el('td', { class: 'evidence' }, e.evidence || ''),
          el('td', {}, el('div', { class: 'actions' },
            el('button', { class: 'small', type: 'button', 'data-action': 'accept',
              onclick: () => correct({ kind: 'accept', event_id: e.id }) }, t('accept')),
            el('button', { class: 'small', type: 'button', 'data-action': 'edit',
              onclick: () => editRow(e, row) }, t('edit')),
            el('button', { class: 'small', type: 'button', 'data-action': 'reject',
              onclick: () => correct({ kind: 'reject', event_id: e.id }) }, t('reject')))));
        return row;
      });
      events.replaceChildren(
        el('p', { class: 'muted' }, `${t('total')} ${r.total} · ${offset + 1}–${offset + r.events.length}`),
        el('table', {}, el('thead', {}, el('tr', {}, [t('date'), `${t('source')}→${t('target')}`, t('code'), t('evidence'), ''].map((h) => el('th', {}, h)))),
          el('tbody', {}, rows)),
        el('div', { class: 'actions' },
          el('button', { class: 'small', type: 'button', disabled: offset === 0,
            onclick: () => { offset = Math.max(0, offset - PAGE); load(); } }, t('prev')),
          el('button', { class: 'small', type: 'button', disabled: offset + PAGE >= r.total,
            onclick: () => { offset += PAGE; load(); } }, t('next'))));
      events.dataset.total = String(r.total);
      uncoded.replaceChildren(el('p', { class: 'muted' }, `${t('total')} ${r.uncoded_total}`),
        table([t('reason'), t('evidence'), 'doc'], r.uncoded.map((u) => [u.reason, u.evidence, u.doc])));
    } catch (e) {
      sayError(e);
    }
  }

  addForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const body = { kind: 'add' };
    for (const f of fields) if (addInputs[f].value.trim()) body[f] = addInputs[f].value.trim();
    correct(body, () => fields.forEach((f) => { addInputs[f].value = ''; }));
  });
  load();
}
