// Dyads: several dyads' series compared (events or tone, shifts marked) and the chronology of
// the first, ready to paste into a brief.
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent,
  TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { get } from '../api.js';
import { el, say, sayError, table } from '../dom.js';
import { currentLang, t } from '../i18n.js';

echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent,
  TooltipComponent, SVGRenderer]);

const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'];

function dyadRow(a = '', b = '') {
  return el('div', { class: 'dyad-row' },
    el('input', { name: 'a', value: a, size: 8, 'aria-label': t('side_a'), placeholder: 'PRK' }), ' – ',
    el('input', { name: 'b', value: b, size: 8, 'aria-label': t('side_b'), placeholder: 'RUS' }));
}

export function render(root, state) {
  const rows = el('div', { class: 'dyads' }, dyadRow(state.a ?? 'PRK', state.b ?? 'RUS'),
    dyadRow(state.c ?? 'PRK', state.d ?? 'CHN'));
  const by = el('select', { name: 'by' }, ['month', 'quarter', 'year', 'week'].map((p) =>
    el('option', { value: p, selected: p === 'quarter' }, t(p))));
  const measure = el('select', { name: 'measure' },
    el('option', { value: 'events' }, t('events')), el('option', { value: 'tone' }, t('tone')));
  const from = el('input', { name: 'from', size: 10, placeholder: '2019' });
  const to = el('input', { name: 'to', size: 10, placeholder: '2024' });
  const chronLang = el('select', { name: 'chron-lang' },
    el('option', { value: 'ko', selected: currentLang() === 'ko' }, '한국어'),
    el('option', { value: 'en', selected: currentLang() === 'en' }, 'English'));
  const chart = el('div', { class: 'chart', id: 'series-chart' });
  const chron = el('div', { id: 'chronology' });
  const form = el('form', { class: 'bar', id: 'dyad-form' },
    rows,
    el('button', { type: 'button', class: 'small', onclick: () => rows.append(dyadRow()) }, t('add_dyad')),
    el('label', {}, t('by'), by), el('label', {}, t('measure'), measure),
    el('label', {}, t('from'), from), el('label', {}, t('to'), to),
    el('label', {}, t('lang_data'), chronLang),
    el('button', { class: 'primary', type: 'submit' }, t('show')));
  root.append(form, chart, el('h2', {}, t('chronology')), chron);
  let plot;

  async function show(ev) {
    ev?.preventDefault();
    const pairs = [...rows.querySelectorAll('.dyad-row')]
      .map((r) => [r.querySelector('[name=a]').value.trim(), r.querySelector('[name=b]').value.trim()])
      .filter(([a, b]) => a && b);
    if (!pairs.length) return;
    try {
      const s = await get('/series', { dyad: pairs.map((p) => p.join(',')), by: by.value,
        from: from.value, to: to.value });
      const tone = measure.value === 'tone';
      plot ??= echarts.init(chart, null, { renderer: 'svg' });
      const labels = s.series[0].points.map((p) => p.period);
      plot.setOption({
        animation: false,
        color: PALETTE,
        title: { text: `${tone ? t('tone') : t('events')} · ${s.from} – ${s.to}`, left: 0,
          textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        legend: { top: 0, right: 0 },
        grid: { left: 48, right: 16, top: 48, bottom: 32 },
        xAxis: { type: 'category', data: labels },
        yAxis: { type: 'value' },
        series: s.series.map((d) => ({
          name: `${d.a}–${d.b}`, type: 'line', connectNulls: false, showSymbol: tone,
          data: d.points.map((p) => (tone ? (p.events ? +p.goldstein_mean.toFixed(2) : null) : p.events)),
          markLine: { symbol: 'none', lineStyle: { type: 'dashed' },
            label: { formatter: tone ? t('tone_shift') : t('level_shift') },
            data: (tone ? d.tone_shifts : d.level_shifts).map((x) => ({ xAxis: x })) },
        })),
      }, true);
      chart.dataset.ready = String(s.series.length);
      await showChronology(pairs[0]);
    } catch (e) {
      sayError(e);
    }
  }

  async function showChronology([a, b]) {
    const c = await get('/chronology', { between: `${a},${b}`, from: from.value, to: to.value,
      lang: chronLang.value });
    chron.replaceChildren(
      el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'small', onclick: async () => {
          await navigator.clipboard?.writeText(c.markdown).catch(() => {});
          say(t('copied'));
        } }, t('copy_md')),
        el('span', { class: 'muted' }, `${a}–${b}: ${c.rows.length}`)),
      table([t('date'), t('content'), t('sources')], c.rows.map((r) => [r.date, r.content, r.sources])));
    chron.dataset.rows = String(c.rows.length);
  }

  form.addEventListener('submit', show);
  show();
  return () => plot?.dispose();
}
