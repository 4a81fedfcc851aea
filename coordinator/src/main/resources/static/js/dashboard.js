// The coordinator dashboard: the network's figures from /api/dashboard, refreshed when live
// events show that something changed.
import { header, el, byId, fill, table, api, signIn, number, percent, dateTime, relative, time, t, lang,
  onLanguageChange, applyI18n, say, describeError } from './common.js';
import { followEvents } from './events.js';
import { timeChart, COLOURS } from './charts.js';
import { stateLabel, designTitle, describeEvent } from './labels.js';

const FEED_LENGTH = 50;
const PERIODIC_REFRESH = 60000;

let token = null;
let snapshot = null;
let stream = null;
let chart = null;
let lastSeq = 0;
let fetching = false;
let refreshTimer = null;
let periodic = null;
let status = '';
const feed = [];

header('/dashboard');
applyI18n(document);
onLanguageChange(() => {
  render();
  renderFeed();
  renderStatus();
});

signIn('COORDINATOR', {
  onStart: async (signedInToken) => {
    token = signedInToken;
    renderFeed();
    await refresh();
    // Resuming from the figures' own point in the event log: nothing between them and the stream is missed.
    stream = followEvents('/api/events', {
      token, onEvent, lastEventId: snapshot ? String(snapshot.asOfSeq) : '', onStatus: (s) => { status = s; renderStatus(); },
    });
    periodic = setInterval(refresh, PERIODIC_REFRESH);
  },
  onStop: () => {
    if (stream) stream.close();
    clearInterval(periodic);
    token = null;
    snapshot = null;
    feed.length = 0;
    lastSeq = 0;
  },
});

function onEvent(message) {
  let event;
  try {
    event = JSON.parse(message.data);
  } catch (notJson) {
    return;
  }
  lastSeq = Math.max(lastSeq, Number(message.id) || 0);
  feed.unshift(event);
  feed.length = Math.min(feed.length, FEED_LENGTH);
  renderFeed();
  scheduleRefresh(300);
}

function scheduleRefresh(delay) {
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    refresh();
  }, delay);
}

/**
 * Fetches the figures. Each coordinator instance reuses its figures for a few seconds: when the
 * answer predates the last event seen here, ask again once that period has passed.
 */
async function refresh() {
  if (!token || fetching) return;
  fetching = true;
  try {
    snapshot = await api('/api/dashboard', { token });
    say(byId('app-message'), 'error', null);
    render();
  } catch (error) {
    say(byId('app-message'), 'error', describeError(error));
  } finally {
    fetching = false;
  }
  if (snapshot && snapshot.asOfSeq < lastSeq) scheduleRefresh(Math.max(500, snapshot.maxAgeMillis));
}

function renderStatus() {
  const node = byId('live-status');
  node.className = `status ${status === 'live' ? 'live' : status === 'unauthorized' || status === 'reconnecting' ? 'down' : ''}`;
  node.textContent = status ? t(`live.${status}`) : '';
}

function render() {
  if (!snapshot) return;
  byId('as-of').textContent = t('dashboard.asOf', { time: time(snapshot.computedAt) });
  renderTotals(snapshot.totals);
  renderFunnel(snapshot.funnel);
  renderThroughput(snapshot.throughput);
  renderProgressTable(byId('designs'), snapshot.designs, [
    { label: 'col.design', cell: (row) => designCell(row) },
  ]);
  renderProgressTable(byId('hospitals'), snapshot.hospitals, [
    { label: 'col.hospital', cell: (row) => row.name },
    { label: 'col.area', cell: (row) => row.area || '–' },
  ]);
  renderLapsing(snapshot.lapsing);
  renderStuck(snapshot.stuck);
  renderMakers(snapshot.makers);
  renderFeed();
}

function designCell(row) {
  return el('span', {}, designTitle(row.title, row.design, lang()), ' ', el('span', { class: 'muted' }, `(${row.design})`));
}

function renderTotals(totals) {
  const cards = [
    ['open', totals.open], ['claimed', totals.claimed], ['printing', totals.printing], ['printed', totals.printed],
    ['shipped', totals.shipped], ['received', totals.received], ['approved', totals.approved, 'ok'],
    ['rejected', totals.rejected, 'bad'],
  ];
  fill(byId('totals'), cards.map(([stage, value, kind]) => el('li', { class: `card ${kind || ''}`, 'data-stage': stage },
    el('span', { class: 'value' }, number(value)), el('span', { class: 'label' }, t(`stage.${stage}`)))));
}

function renderFunnel(stages) {
  const top = Math.max(1, ...stages.map((s) => s.items));
  const requested = stages[0] ? stages[0].items : 0;
  fill(byId('funnel'), stages.map((stage) => el('li', { 'data-stage': stage.stage },
    el('span', {}, t(`funnel.${stage.stage}`)),
    el('span', { class: 'bar', style: `width: ${(100 * stage.items) / top}%`, 'aria-hidden': 'true' }),
    el('span', { class: 'num' }, `${number(stage.items)} (${percent(stage.items, requested)})`))));
}

function renderThroughput(throughput) {
  const x = throughput.hours.map((hour) => Date.parse(hour) / 1000);
  const names = ['printed', 'shipped', 'approved', 'rejected'];
  if (chart) chart.destroy();
  chart = timeChart(byId('throughput-chart'), {
    x, unit: 'hour', timeLabel: t('col.hour'),
    series: names.map((name) => ({ label: t(`series.${name}`), values: throughput.items[name], colour: COLOURS[name] })),
  });
  const rows = throughput.hours.map((hour, i) => ({ hour, ...Object.fromEntries(names.map((n) => [n, throughput.items[n][i]])) }))
    .filter((row) => names.some((n) => row[n] > 0));
  table(byId('throughput-table'), [
    { label: 'col.hour', cell: (row) => dateTime(row.hour) },
    ...names.map((name) => ({ label: `series.${name}`, num: true, cell: (row) => number(row[name]) })),
  ], rows);
}

function renderProgressTable(node, rows, leading) {
  table(node, [
    ...leading,
    { label: 'col.requested', num: true, cell: (row) => number(row.progress.requested) },
    { label: 'stage.open', num: true, cell: (row) => number(row.progress.open) },
    { label: 'col.inProduction', num: true, cell: (row) => number(row.progress.claimed + row.progress.printing + row.progress.printed) },
    { label: 'stage.shipped', num: true, cell: (row) => number(row.progress.shipped) },
    { label: 'stage.received', num: true, cell: (row) => number(row.progress.received) },
    { label: 'stage.approved', num: true, cell: (row) => number(row.progress.approved) },
    { label: 'stage.rejected', num: true, cell: (row) => number(row.progress.rejected) },
    { label: 'col.progress', cell: (row) => progressBar(row.progress.approved, row.progress.requested) },
  ], rows);
}

function progressBar(done, of) {
  const label = t('col.progress.label', { percent: percent(done, of) });
  return el('span', { class: 'actions' },
    el('progress', { max: String(Math.max(1, of)), value: String(Math.min(done, Math.max(1, of))), 'aria-label': label }),
    el('span', {}, percent(done, of)));
}

function renderLapsing(lots) {
  table(byId('lapsing'), [
    { label: 'col.lot', cell: (lot) => lot.lotNumber },
    { label: 'col.state', cell: (lot) => stateLabel(lot.state) },
    { label: 'col.design', cell: (lot) => lot.design },
    { label: 'col.maker', cell: (lot) => lot.maker || lot.makerId },
    { label: 'col.area', cell: (lot) => lot.makerArea || '–' },
    { label: 'col.hospital', cell: (lot) => lot.hospital || '–' },
    { label: 'col.items', num: true, cell: (lot) => number(lot.quantity) },
    { label: 'col.percent', num: true, cell: (lot) => (lot.percent == null ? '–' : `${Math.round(lot.percent)} %`) },
    { label: 'col.leaseExpires', cell: (lot) => relative(lot.leaseExpiresAt) },
  ], lots, { empty: 'dashboard.lapsing.none' });
}

function renderStuck(lots) {
  table(byId('stuck'), [
    { label: 'col.lot', cell: (lot) => lot.lotNumber },
    { label: 'col.state', cell: (lot) => stateLabel(lot.state) },
    { label: 'col.why', cell: (lot) => el('span', { class: 'badge warn' }, t(`stuck.${lot.reason}`)) },
    { label: 'col.since', cell: (lot) => relative(lot.since) },
    { label: 'col.design', cell: (lot) => lot.design },
    { label: 'col.maker', cell: (lot) => lot.maker || lot.makerId },
    { label: 'col.hospital', cell: (lot) => lot.hospital || '–' },
    { label: 'col.items', num: true, cell: (lot) => number(lot.quantity) },
  ], lots, { empty: 'dashboard.stuck.none' });
}

function renderMakers(makers) {
  table(byId('makers'), [
    { label: 'col.maker', cell: (m) => m.pseudonym },
    { label: 'col.area', cell: (m) => m.area || '–' },
    { label: 'col.trust', cell: (m) => t(`trust.${m.trustLevel}`) },
    { label: 'col.lotsApproved', num: true, cell: (m) => number(m.record.approvedLots) },
    { label: 'col.lotsRejected', num: true, cell: (m) => number(m.record.rejectedLots) },
    { label: 'col.itemsApproved', num: true, cell: (m) => number(m.record.approvedItems) },
    { label: 'col.itemsRejected', num: true, cell: (m) => number(m.record.rejectedItems) },
    { label: 'col.approvalRate', num: true, cell: (m) => percent(m.approvalRate, 1) },
    { label: 'col.active', num: true, cell: (m) => number(m.activeLots) },
    { label: 'col.expired', num: true, cell: (m) => number(m.expiredLots) },
    { label: 'col.released', num: true, cell: (m) => number(m.releasedLots) },
    { label: 'col.lastSeen', cell: (m) => relative(m.lastSeenAt) },
  ], makers, { empty: 'dashboard.makers.none' });
}

function renderFeed() {
  const names = Object.fromEntries((snapshot ? snapshot.hospitals : []).map((h) => [h.hospitalId, h.name]));
  fill(byId('feed'), feed.length === 0
    ? el('li', { class: 'muted' }, t('dashboard.feed.empty'))
    : feed.map((event) => el('li', { 'data-type': event.type },
      el('time', { datetime: event.at }, time(event.at)), describeEvent(event, names))));
}
