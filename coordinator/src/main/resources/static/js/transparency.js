// The public transparency page: the open data's figures, drawn and tabulated, with the exports.
import { header, el, byId, fill, table, api, number, percent, dateTime, date, t, lang, onLanguageChange, applyI18n,
  say, describeError } from './common.js';
import { timeChart, COLOURS } from './charts.js';
import { designTitle } from './labels.js';

const REFRESH = 5 * 60 * 1000;
let summary = null;
let designs = null;
let departements = null;
let daily = null;
let titles = {};
let chart = null;

header('/');
applyI18n(document);
onLanguageChange(render);
load();
setInterval(load, REFRESH);

async function load() {
  try {
    const [s, d, a, days, library] = await Promise.all([
      api('/api/open-data/summary'), api('/api/open-data/designs.json'), api('/api/open-data/departements.json'),
      api('/api/open-data/daily.json'), api('/api/designs')]);
    summary = s;
    designs = d.rows;
    departements = a.rows;
    daily = days.rows;
    titles = Object.fromEntries(library.map((design) => [design.slug, design.title]));
    say(byId('public-message'), 'error', null);
    render();
  } catch (error) {
    say(byId('public-message'), 'error', describeError(error));
  }
}

function render() {
  if (!summary) return;
  const totals = summary.totals;
  fill(byId('totals'), [
    ['requested', totals.requested], ['produced', totals.produced], ['shipped', totals.shipped],
    ['approved', totals.approved, 'ok'], ['rejected', totals.rejected, 'bad'], ['open', totals.open],
  ].map(([name, value, kind]) => el('li', { class: `card ${kind || ''}`, 'data-total': name },
    el('span', { class: 'value' }, number(value)), el('span', { class: 'label' }, t(`public.total.${name}`)))));
  byId('updated').textContent = t('public.updated', { time: dateTime(summary.generatedAt) });
  renderDaily();
  const title = (slug) => designTitle(titles[slug], slug, lang());
  table(byId('designs'), [
    { label: 'col.design', cell: (row) => title(row.design) },
    ...figureColumns(),
    { label: 'col.approvedShare', num: true, cell: (row) => percent(row.approved, row.requested) },
  ], designs);
  table(byId('regions'), [
    { label: 'col.region', cell: (row) => row.region },
    ...areaColumns(),
  ], regions());
  table(byId('departements'), [
    { label: 'col.departement', cell: (row) => (row.name ? `${row.name} (${row.departement.replace(/^FR-/, '')})` : row.departement) },
    { label: 'col.region', cell: (row) => row.region || '–' },
    ...areaColumns(),
  ], departements);
  const licence = summary.licence;
  fill(byId('licence'), t('public.licence.before'), ' ', el('a', { href: licence.url, rel: 'license' }, licence.name), ` (${licence.id}). `,
    t('public.licence.after', { attribution: licence.attribution }));
  fill(byId('downloads'), summary.datasets.map((dataset) => el('li', {},
    t(`public.dataset.${dataset.name}`), ' — ',
    el('a', { href: dataset.csv, download: '' }, 'CSV'), ' · ', el('a', { href: dataset.json }, 'JSON'))));
}

function figureColumns() {
  return ['requested', 'produced', 'shipped', 'approved', 'rejected']
    .map((name) => ({ label: `public.total.${name}`, num: true, cell: (row) => number(row[name]) }));
}

function areaColumns() {
  return [
    { label: 'public.area.requested', num: true, cell: (row) => number(row.requested) },
    { label: 'public.area.approved', num: true, cell: (row) => number(row.approved) },
    { label: 'public.area.rejected', num: true, cell: (row) => number(row.rejected) },
    { label: 'public.area.produced', num: true, cell: (row) => number(row.produced) },
  ];
}

/** Départements added up by region (areas outside France by country). */
function regions() {
  const byRegion = new Map();
  for (const row of departements) {
    const region = row.region || t('public.region.unknown');
    const sum = byRegion.get(region) || { region, requested: 0, approved: 0, rejected: 0, produced: 0 };
    for (const name of ['requested', 'approved', 'rejected', 'produced']) sum[name] += row[name];
    byRegion.set(region, sum);
  }
  return [...byRegion.values()].sort((a, b) => b.requested + b.produced - (a.requested + a.produced));
}

/** Per day, all designs together: one point per day from the first to the last. */
function renderDaily() {
  const names = ['requested', 'produced', 'approved', 'rejected'];
  const byDay = new Map();
  for (const row of daily) {
    const day = byDay.get(row.date) || { date: row.date, requested: 0, produced: 0, shipped: 0, approved: 0, rejected: 0 };
    for (const name of ['requested', 'produced', 'shipped', 'approved', 'rejected']) day[name] += row[name];
    byDay.set(row.date, day);
  }
  const days = [];
  if (byDay.size) {
    const keys = [...byDay.keys()].sort();
    // From the day before the first (when nothing had happened yet) to the last.
    for (let d = Date.parse(keys[0]) - 86400000; d <= Date.parse(keys[keys.length - 1]); d += 86400000) {
      const key = new Date(d).toISOString().slice(0, 10);
      days.push(byDay.get(key) || { date: key, requested: 0, produced: 0, shipped: 0, approved: 0, rejected: 0 });
    }
  }
  if (chart) chart.destroy();
  chart = timeChart(byId('daily-chart'), {
    x: days.map((day) => Date.parse(day.date) / 1000), unit: 'day', timeLabel: t('col.date'),
    series: names.map((name) => ({ label: t(`public.total.${name}`), values: days.map((day) => day[name]), colour: COLOURS[name] })),
  });
  table(byId('daily-table'), [
    { label: 'col.date', cell: (row) => date(`${row.date}T00:00:00Z`) },
    ...figureColumns(),
  ], days.slice(1).reverse());
}
