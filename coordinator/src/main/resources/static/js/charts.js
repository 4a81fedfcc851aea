// Time-series charts drawn by uPlot (served from its webjar). A chart is a picture for sighted
// readers; every page also gives the same figures as a table.
import { lang } from './i18n.js';

export const COLOURS = {
  requested: '#6b3fa0',
  printed: '#1d4e89',
  produced: '#1d4e89',
  shipped: '#7a4a00',
  approved: '#17663a',
  rejected: '#a4161a',
};

/**
 * Draws a line chart of series over time in a container, replacing what was there.
 * x: times in seconds since the epoch; series: [{label, values, colour}]; unit: 'hour' or 'day';
 * timeLabel: what the legend calls the time.
 */
export function timeChart(container, { x, series, unit, timeLabel, height = 260 }) {
  container.replaceChildren();
  const format = new Intl.DateTimeFormat(lang(), unit === 'hour'
    ? { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }
    : { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const full = new Intl.DateTimeFormat(lang(), unit === 'hour'
    ? { dateStyle: 'short', timeStyle: 'short', timeZone: 'UTC' }
    : { dateStyle: 'medium', timeZone: 'UTC' });
  const numbers = new Intl.NumberFormat(lang());
  const width = () => Math.max(260, container.clientWidth || 600);
  const options = {
    width: width(),
    height,
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
    series: [
      { label: timeLabel, value: (u, v) => (v === null ? '–' : full.format(new Date(v * 1000))) },
      ...series.map((s) => ({
        label: s.label,
        stroke: s.colour,
        width: 2,
        points: { show: true, size: 5 },
        value: (u, v) => (v === null ? '–' : numbers.format(v)),
      })),
    ],
    axes: [
      {
        stroke: '#1a1a1a',
        grid: { stroke: '#e2e6ec' },
        incrs: (unit === 'hour' ? [1, 2, 3, 6, 12, 24] : [1, 2, 7, 14, 30, 91, 182, 365]).map((n) => n * (unit === 'hour' ? 3600 : 86400)),
        values: (u, splits) => splits.map((s) => format.format(new Date(s * 1000))),
      },
      { stroke: '#1a1a1a', grid: { stroke: '#e2e6ec' }, size: 56, values: (u, splits) => splits.map((s) => numbers.format(s)) },
    ],
  };
  const chart = new window.uPlot(options, [x, ...series.map((s) => s.values)], container);
  const observer = new ResizeObserver(() => chart.setSize({ width: width(), height }));
  observer.observe(container);
  return {
    destroy() {
      observer.disconnect();
      chart.destroy();
    },
  };
}
