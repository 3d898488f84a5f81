// Burden sharing: who meets the pledges in a year, and the trajectories against one.
import { get, query } from '../api.js';
import { el, sayError, table } from '../dom.js';
import { t } from '../i18n.js';

function cell(v) {
  if (v === true) return '✓';
  if (v === false) return '✗';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2);
  return v ?? '';
}

export function render(root) {
  const year = el('input', { name: 'year', size: 6, value: '2025' });
  const pledge = el('select', { name: 'pledge' });
  const countries = el('input', { name: 'country', size: 18, value: 'POL,DEU,ESP,USA' });
  const out = el('div', { id: 'burden-status' });
  const chart = el('div', { id: 'burden-chart' });
  const form = el('form', { class: 'bar' }, el('label', {}, t('status_year'), year),
    el('label', {}, t('pledge'), pledge), el('label', {}, t('country'), countries),
    el('button', { class: 'primary', type: 'submit' }, t('show')));
  root.append(form, out, chart);

  async function show(ev) {
    ev?.preventDefault();
    try {
      if (!pledge.options.length) {
        const p = await get('/burden/pledges');
        const key = p.columns.findIndex((c) => c.key === 'pledge' || c.key === 'id');
        for (const r of p.rows) pledge.append(el('option', { value: r[Math.max(0, key)] }, r[Math.max(0, key)]));
        const hague = [...pledge.options].find((o) => o.value === 'hague-core');
        if (hague) hague.selected = true;
      }
      const s = await get('/burden/status', { year: year.value });
      out.replaceChildren(el('h2', {}, s.title),
        table(s.columns.map((c) => c.header + (c.group ? ` (${c.group})` : '')), s.rows.map((r) => r.map(cell))),
        el('p', { class: 'muted' }, s.notes.join(' ')));
      const img = el('img', { class: 'burden-chart', alt: `${pledge.value}`,
        src: `/api/v1/burden/chart${query({ pledge: pledge.value, country: countries.value })}` });
      chart.replaceChildren(el('h2', {}, pledge.value), img);
    } catch (e) {
      sayError(e);
    }
  }
  form.addEventListener('submit', show);
  show();
}
