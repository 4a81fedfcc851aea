// Words for the domain's values (lot states, priorities, event types) in the current language.
import { t } from './i18n.js';

export function stateLabel(state) {
  return state ? t(`state.${state}`) : '–';
}

export function priorityLabel(priority) {
  return priority ? t(`priority.${priority}`) : '–';
}

/** A design's title in the current language, else its slug. */
export function designTitle(title, slug, lang) {
  if (!title) return slug;
  return (lang === 'fr' ? title.fr : title.en) || title.en || title.fr || slug;
}

/** One line for an event of the live feed. */
export function describeEvent(event, hospitalNames = {}) {
  const d = event.data || {};
  const hospital = hospitalNames[event.hospitalId] || t('event.aHospital');
  switch (event.type) {
    case 'lot.claimed':
      return t('event.lot.claimed', { lot: d.lotNumber, quantity: d.quantity, design: d.design, hospital });
    case 'lot.state-changed':
      return t('event.lot.changed', { lot: d.lotNumber, from: stateLabel(d.from), to: stateLabel(d.to), design: d.design })
        + (d.reason ? ` — ${d.reason}` : '');
    case 'need.posted':
      return t('event.need.posted', { quantity: d.quantity, design: d.design, priority: priorityLabel(d.priority), hospital });
    case 'need.filled':
      return t('event.need.filled', { hospital });
    case 'need.cancelled':
      return t('event.need.cancelled', { hospital });
    case 'need.closed':
      return t('event.need.closed', { hospital });
    case 'design.homologated':
      return t('event.design.homologated', { design: d.design || '', hospital });
    case 'recall.issued':
      return t('event.recall', { items: d.items, reason: d.reason || '' });
    default:
      if (event.type && event.type.startsWith('design.')) return t('event.design', { design: d.design || '', status: d.status || event.type });
      return event.type;
  }
}
