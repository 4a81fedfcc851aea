// The hospital desk: receive lots (typed, scanned by a barcode reader or the camera, or opened
// from a label's QR code), inspect them with their sampling plan, post and follow needs,
// homologate design versions, see recalls. Built for a phone first.
import { header, el, byId, fill, api, signIn, number, percent, date, dateTime, t, lang, onLanguageChange, applyI18n,
  say, describeError, ApiError } from './common.js';
import { followEvents } from './events.js';
import { stateLabel, priorityLabel, designTitle } from './labels.js';

let token = null;
let account = null;
let stream = null;
let reloadTimer = null;
let scanning = null;
const data = { hospital: null, designs: [], needs: [], lots: [], decided: [], homologations: [], recalls: [] };
let inspection = null;

header('/desk');
applyI18n(document);
onLanguageChange(() => {
  renderAll();
  if (inspection) renderInspection();
});

signIn('HOSPITAL', {
  onStart: async (signedInToken, signedInAccount) => {
    token = signedInToken;
    account = signedInAccount;
    await reload();
    stream = followEvents('/api/events', { token, onEvent: () => scheduleReload(), onStatus: renderStatus });
    const opened = lotFromLocation();
    if (opened) {
      byId('lot-code').value = opened;
      byId('receive-heading').scrollIntoView();
      byId('lot-code').focus();
    }
  },
  onStop: () => {
    if (stream) stream.close();
    stopScanning();
    token = null;
    account = null;
    closeInspection();
  },
});

/** A label's QR code opens /lots/{lot number} on this server: the desk then offers that lot. */
function lotFromLocation() {
  const match = window.location.pathname.match(/^\/lots\/([^/]+)$/);
  return match ? decodeURIComponent(match[1]) : null;
}

/**
 * The lot number in what was typed or scanned: a bare lot number, a label's QR payload (the
 * lot's URL, .../lots/FAB-XXX-XXX-X?...), or a payload with a lot=FAB-... field.
 */
export function lotCode(text) {
  const value = text.trim();
  const field = value.match(/(?:^|[;?&])lot=([^;&\s]+)/i);
  if (field) return decodeURIComponent(field[1]).toUpperCase();
  const path = value.match(/\/lots\/([^/?#\s]+)/i);
  if (path) return decodeURIComponent(path[1]).toUpperCase();
  return value.toUpperCase();
}

function scheduleReload() {
  if (reloadTimer) return;
  reloadTimer = setTimeout(() => {
    reloadTimer = null;
    reload();
  }, 400);
}

function renderStatus(status) {
  const node = byId('live-status');
  node.className = `status ${status === 'live' ? 'live' : status === 'connecting' ? '' : 'down'}`;
  node.textContent = t(`live.${status}`);
}

async function reload() {
  if (!token) return;
  const hospitalId = account.hospitalId;
  try {
    const [hospital, designs, needs, lots, decided, homologations, recalls] = await Promise.all([
      api(`/api/hospitals/${encodeURIComponent(hospitalId)}`, { token }),
      api('/api/designs', { token }),
      api('/api/needs', { token }),
      api('/api/lots?state=PRINTED&state=SHIPPED&state=RECEIVED&limit=500', { token }),
      api('/api/lots?state=APPROVED&state=REJECTED&limit=10', { token }),
      api(`/api/hospitals/${encodeURIComponent(hospitalId)}/homologations`, { token }),
      api('/api/recalls', { token }).catch((error) => {
        if (error instanceof ApiError && error.status === 404) return [];
        throw error;
      }),
    ]);
    Object.assign(data, { hospital, designs, needs, lots, decided, homologations, recalls });
    say(byId('app-message'), 'error', null);
    renderAll();
  } catch (error) {
    say(byId('app-message'), 'error', describeError(error));
  }
}

function renderAll() {
  if (!data.hospital) return;
  byId('hospital-name').textContent = data.hospital.name;
  renderRecalls();
  renderLots();
  renderNeeds();
  renderDesignChoices();
  renderHomologations();
}

// ---- designs -------------------------------------------------------------------------------

function titleOf(slug) {
  const design = data.designs.find((d) => d.slug === slug);
  return design ? designTitle(design.title, slug, lang()) : slug;
}

function slugs() {
  return [...new Set(data.designs.map((d) => d.slug))].sort((a, b) => titleOf(a).localeCompare(titleOf(b), lang()));
}

function renderDesignChoices() {
  const select = byId('need-design');
  const chosen = select.value;
  fill(select, slugs().map((slug) => el('option', { value: slug }, titleOf(slug))));
  if (chosen) select.value = chosen;
  const version = byId('homologation-version');
  const chosenVersion = version.value;
  fill(version, data.designs.map((d) => el('option', { value: `${d.slug}@${d.version}` },
    `${designTitle(d.title, d.slug, lang())} — ${d.version}`)));
  if (chosenVersion) version.value = chosenVersion;
  const by = byId('need-by');
  const today = new Date().toISOString().slice(0, 10);
  by.min = today;
  if (!by.value) by.value = new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10);
}

// ---- recalls -------------------------------------------------------------------------------

function renderRecalls() {
  fill(byId('recalls'), data.recalls.map((recall) => el('div', { class: 'message warning', role: 'note' },
    el('strong', {}, t('recall.heading', { date: date(recall.issuedAt) })), ' ',
    t('recall.body', { items: number(recall.items), reason: recall.reason || '' }),
    el('ul', {}, (recall.lots || []).map((lot) => el('li', {}, `${lot.lotNumber} — ${stateLabel(lot.state)} (${number(lot.items)})`))))));
}

// ---- lots ----------------------------------------------------------------------------------

function lotItem(lot, actions) {
  const design = `${titleOf(lot.design.slug)} ${lot.design.version}`;
  const details = [
    [t('col.design'), design],
    [t('col.items'), number(lot.printed || lot.quantity)],
    [t('col.makerArea'), lot.makerArea || '–'],
  ];
  if (lot.shipment) {
    details.push([t('lot.shipped'), dateTime(lot.shipment.at)]);
    if (lot.shipment.carrier || lot.shipment.tracking) details.push([t('lot.carrier'), [lot.shipment.carrier, lot.shipment.tracking].filter(Boolean).join(' ')]);
  }
  if (lot.decision) details.push([t('lot.decision'), `${stateLabel(lot.decision.decision)} ${lot.decision.reason ? `— ${lot.decision.reason}` : ''}`]);
  const kind = lot.state === 'APPROVED' ? 'ok' : lot.state === 'REJECTED' ? 'bad' : 'warn';
  return el('li', { class: 'item', 'data-lot': lot.lotNumber },
    el('div', { class: 'head' }, el('span', { class: 'title' }, lot.lotNumber), el('span', { class: `badge ${kind}` }, stateLabel(lot.state))),
    el('dl', {}, details.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
    actions.length ? el('div', { class: 'actions' }, actions) : null);
}

function renderLots() {
  const received = data.lots.filter((lot) => lot.state === 'RECEIVED');
  const incoming = data.lots.filter((lot) => lot.state === 'SHIPPED' || lot.state === 'PRINTED');
  fill(byId('received-lots'), received.length ? received.map((lot) => lotItem(lot, [
    el('button', { type: 'button', class: 'ok', onclick: () => openInspection(lot.lotNumber) }, t('lot.inspect', { lot: lot.lotNumber })),
  ])) : el('li', { class: 'muted' }, t('desk.toInspect.none')));
  fill(byId('incoming-lots'), incoming.length ? incoming.map((lot) => lotItem(lot, lot.state === 'SHIPPED' ? [
    el('button', { type: 'button', onclick: () => receive(lot.lotNumber) }, t('lot.receive', { lot: lot.lotNumber })),
  ] : [])) : el('li', { class: 'muted' }, t('desk.incoming.none')));
  fill(byId('decided-lots'), data.decided.length ? data.decided.map((lot) => lotItem(lot, []))
    : el('li', { class: 'muted' }, t('desk.decided.none')));
}

async function receive(code) {
  const message = byId('receive-message');
  const lot = lotCode(code);
  try {
    const received = await api(`/api/lots/${encodeURIComponent(lot)}/receive`, { token, method: 'POST' });
    fill(message, el('div', { class: 'message success' }, t('receive.done', { lot: received.lotNumber }), ' ',
      el('button', { type: 'button', class: 'ok', onclick: () => openInspection(received.lotNumber) }, t('lot.inspect', { lot: received.lotNumber }))));
    byId('lot-code').value = '';
    await reload();
  } catch (error) {
    let text = describeError(error);
    if (error instanceof ApiError && error.status === 404) text = t('receive.notFound', { lot });
    say(message, 'error', text);
  }
}

byId('receive-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const code = byId('lot-code').value;
  if (code.trim()) receive(code);
});

// ---- scanning a label's QR code with the camera, where the browser can -----------------------

if ('BarcodeDetector' in window && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
  byId('scan').hidden = false;
  byId('scan').addEventListener('click', () => (scanning ? stopScanning() : startScanning()));
}

async function startScanning() {
  const video = byId('scanner');
  try {
    const media = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    scanning = { media, stop: false };
    video.srcObject = media;
    video.hidden = false;
    await video.play();
    byId('scan').textContent = t('receive.stopScan');
    const look = async () => {
      if (!scanning || scanning.stop) return;
      const codes = await detector.detect(video).catch(() => []);
      if (codes.length) {
        stopScanning();
        byId('lot-code').value = lotCode(codes[0].rawValue);
        receive(codes[0].rawValue);
        return;
      }
      requestAnimationFrame(look);
    };
    look();
  } catch (error) {
    stopScanning();
    say(byId('receive-message'), 'error', t('receive.noCamera'));
  }
}

function stopScanning() {
  if (!scanning) return;
  scanning.stop = true;
  scanning.media.getTracks().forEach((track) => track.stop());
  scanning = null;
  const video = byId('scanner');
  video.srcObject = null;
  video.hidden = true;
  byId('scan').textContent = t('receive.scan');
}

// ---- inspection ----------------------------------------------------------------------------

async function openInspection(lot) {
  try {
    const view = await api(`/api/lots/${encodeURIComponent(lot)}/inspection`, { token });
    inspection = {
      view,
      answers: Array.from({ length: view.plan.sampleSize }, () => Object.fromEntries(
        view.checklist.map((check) => [check.id, { pass: null, measured: null }]))),
    };
    byId('desk-main').hidden = true;
    byId('inspection').hidden = false;
    byId('override').checked = false;
    byId('reason').value = '';
    say(byId('inspection-message'), 'error', null);
    renderInspection();
    byId('inspection-heading').focus();
  } catch (error) {
    say(byId('app-message'), 'error', describeError(error));
  }
}

function closeInspection() {
  inspection = null;
  byId('inspection').hidden = true;
  byId('desk-main').hidden = false;
}

byId('inspection-cancel').addEventListener('click', () => {
  const lot = inspection && inspection.view.lotNumber;
  closeInspection();
  const item = lot && document.querySelector(`[data-lot="${lot}"] button`);
  if (item) item.focus();
});

function checkText(check) {
  return (lang() === 'fr' ? check.text.fr : check.text.en) || check.text.en || check.text.fr || check.id;
}

function renderInspection() {
  const { view } = inspection;
  const plan = view.plan;
  byId('inspection-heading').textContent = t('inspect.heading', { lot: view.lotNumber });
  fill(byId('inspection-plan'), el('div', { class: 'message' },
    t('inspect.plan', { quantity: number(view.quantity), letter: plan.codeLetter, sample: number(plan.sampleSize),
      accept: plan.acceptNumber, reject: plan.rejectNumber, aql: plan.aql }),
    plan.fullInspection ? el('p', {}, t('inspect.full')) : null,
    view.status === 'DECIDED' ? el('p', {}, t('inspect.alreadyDecided', { decision: stateLabel(view.record.decision) })) : null));
  if (view.status === 'DECIDED') {
    fill(byId('samples'));
    byId('decision').hidden = true;
    byId('inspection-form').querySelector('.sticky-summary').hidden = true;
    return;
  }
  byId('decision').hidden = false;
  byId('inspection-form').querySelector('.sticky-summary').hidden = false;
  fill(byId('samples'), inspection.answers.map((answers, index) => sampleFieldset(index, answers, view.checklist)));
  updateTally();
}

function sampleFieldset(index, answers, checklist) {
  const n = index + 1;
  const fieldset = el('fieldset', { class: 'sample', id: `sample-${n}` },
    el('legend', {}, t('inspect.item', { n })),
    el('div', { class: 'actions' }, el('button', {
      type: 'button', class: 'secondary',
      onclick: () => {
        checklist.forEach((check) => {
          answers[check.id].pass = true;
          const radio = byId(`s${n}-${check.id}-pass`);
          radio.checked = true;
        });
        updateTally();
      },
    }, t('inspect.allPass', { n }))),
    checklist.map((check) => checkRow(n, check, answers[check.id])));
  return fieldset;
}

function checkRow(n, check, answer) {
  const name = `s${n}-${check.id}`;
  const legendId = `${name}-legend`;
  const choice = (value) => el('label', { class: 'choice' },
    el('input', { type: 'radio', name, id: `${name}-${value}`, value, checked: answer.pass === (value === 'pass'),
      onchange: () => { answer.pass = value === 'pass'; updateTally(); } }),
    el('span', {}, t(value === 'pass' ? 'inspect.pass' : 'inspect.fail')));
  const measure = check.measure ? el('div', { class: 'measure' },
    el('label', { for: `${name}-measured` }, t('inspect.measured', { nominal: check.measure.nominal, tolerance: check.measure.tolerance, unit: check.measure.unit })),
    el('input', { type: 'number', step: 'any', id: `${name}-measured`, inputmode: 'decimal', value: answer.measured ?? '',
      oninput: (event) => {
        const value = event.target.value === '' ? null : Number(event.target.value);
        answer.measured = Number.isFinite(value) ? value : null;
        if (answer.measured !== null) {
          answer.pass = Math.abs(answer.measured - check.measure.nominal) <= check.measure.tolerance;
          byId(`${name}-${answer.pass ? 'pass' : 'fail'}`).checked = true;
        }
        updateTally();
      } })) : null;
  return el('div', { class: 'check' },
    el('fieldset', {},
      el('legend', { id: legendId }, checkText(check), ' ', check.critical ? el('span', { class: 'badge bad' }, t('inspect.critical')) : null),
      choice('pass'), choice('fail')),
    measure);
}

/** What the plan concludes from the answers so far; the coordinator checks it again. */
function tally() {
  const { view, answers } = inspection;
  const critical = new Set(view.checklist.filter((c) => c.critical).map((c) => c.id));
  let answered = 0;
  let defectives = 0;
  let criticalFailures = 0;
  answers.forEach((sample) => {
    const values = Object.entries(sample);
    if (values.every(([, a]) => a.pass !== null)) answered++;
    if (values.some(([, a]) => a.pass === false)) defectives++;
    criticalFailures += values.filter(([id, a]) => a.pass === false && critical.has(id)).length;
  });
  const implied = criticalFailures === 0 && defectives <= view.plan.acceptNumber ? 'APPROVED' : 'REJECTED';
  return { answered, defectives, criticalFailures, implied, complete: answered === answers.length };
}

function chosenDecision(result) {
  if (!byId('override').checked) return result.implied;
  return result.implied === 'APPROVED' ? 'REJECTED' : 'APPROVED';
}

function updateTally() {
  const result = tally();
  const { view, answers } = inspection;
  answers.forEach((sample, index) => {
    const node = byId(`sample-${index + 1}`);
    if (node) node.classList.toggle('defective', Object.values(sample).some((a) => a.pass === false));
  });
  const decision = chosenDecision(result);
  fill(byId('inspection-tally'),
    t('inspect.tally', { answered: result.answered, sample: answers.length, defectives: result.defectives, accept: view.plan.acceptNumber }),
    ' ',
    result.complete || result.criticalFailures || result.defectives > view.plan.acceptNumber
      ? el('span', { class: `verdict ${result.implied === 'APPROVED' ? 'ok' : 'bad'}` },
        t(result.implied === 'APPROVED' ? 'inspect.impliesApprove' : 'inspect.impliesReject'))
      : t('inspect.answerAll'),
    result.criticalFailures ? ` ${t('inspect.criticalFailed', { count: result.criticalFailures })}` : '');
  const button = byId('decide');
  button.textContent = t(decision === 'APPROVED' ? 'inspect.approve' : 'inspect.reject');
  button.className = decision === 'APPROVED' ? 'ok' : 'danger';
  button.disabled = !result.complete;
  byId('reason-hint').textContent = byId('override').checked ? t('inspect.reason.override')
    : decision === 'REJECTED' ? t('inspect.reason.reject') : t('inspect.reason.optional');
}

byId('override').addEventListener('change', () => inspection && updateTally());

byId('inspection-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const result = tally();
  const decision = chosenDecision(result);
  const override = byId('override').checked;
  const reason = byId('reason').value.trim();
  const message = byId('inspection-message');
  if (!result.complete) {
    say(message, 'error', t('inspect.incomplete'));
    return;
  }
  if (override && reason.length < 10) {
    say(message, 'error', t('inspect.reason.override'));
    byId('reason').focus();
    return;
  }
  if (decision === 'REJECTED' && !reason) {
    say(message, 'error', t('inspect.reason.reject'));
    byId('reason').focus();
    return;
  }
  const { view, answers } = inspection;
  const body = {
    samples: answers.map((sample) => ({
      results: view.checklist.map((check) => ({ checkId: check.id, pass: sample[check.id].pass, measured: sample[check.id].measured, note: null })),
    })),
    decision,
    override,
    reason: reason || null,
  };
  try {
    const record = await api(`/api/lots/${encodeURIComponent(view.lotNumber)}/inspection`, { token, method: 'POST', body });
    const decided = (record.record && record.record.decision) || decision;
    closeInspection();
    say(byId('receive-message'), 'success', t('inspect.done', { lot: view.lotNumber, decision: stateLabel(decided) }));
    await reload();
    byId('receive-heading').focus();
  } catch (error) {
    say(message, 'error', describeError(error));
  }
});

// ---- needs ---------------------------------------------------------------------------------

function renderNeeds() {
  const statusKind = { OPEN: 'warn', FILLED: 'ok', CLOSED: '', CANCELLED: 'bad' };
  fill(byId('needs'), data.needs.length ? data.needs.map((need) => {
    const cancel = need.status === 'OPEN' ? cancelControl(need) : null;
    return el('li', { class: 'item', 'data-need': need.id },
      el('div', { class: 'head' },
        el('span', { class: 'title' }, `${number(need.quantity)} × ${titleOf(need.design)}`),
        el('span', { class: `badge ${statusKind[need.status] || ''}` }, t(`needStatus.${need.status}`))),
      el('dl', {},
        el('dt', {}, t('need.priority')), el('dd', {}, priorityLabel(need.priority)),
        el('dt', {}, t('need.neededBy')), el('dd', {}, date(need.neededBy)),
        el('dt', {}, t('need.deliveryPoint')), el('dd', {}, need.deliveryPoint ? need.deliveryPoint.name : '–'),
        el('dt', {}, t('stage.open')), el('dd', {}, number(need.open)),
        el('dt', {}, t('col.inProduction')), el('dd', {}, number(need.inFlight)),
        el('dt', {}, t('stage.approved')), el('dd', {}, `${number(need.approved)} (${percent(need.approved, need.quantity)})`),
        el('dt', {}, t('stage.rejected')), el('dd', {}, number(need.rejected))),
      el('progress', { max: String(Math.max(1, need.quantity)), value: String(need.approved),
        'aria-label': t('col.progress.label', { percent: percent(need.approved, need.quantity) }) }),
      cancel);
  }) : el('li', { class: 'muted' }, t('desk.needs.none')));
}

function cancelControl(need) {
  const reasonId = `cancel-${need.id}`;
  const confirm = el('div', { class: 'row', hidden: true },
    el('div', { class: 'field grow' }, el('label', { for: reasonId }, t('need.cancelReason')),
      el('input', { type: 'text', id: reasonId, maxlength: '500' })),
    el('button', { type: 'button', class: 'danger', onclick: async () => {
      try {
        await api(`/api/needs/${encodeURIComponent(need.id)}/cancel`, { token, method: 'POST', body: { reason: byId(reasonId).value.trim() || null } });
        await reload();
      } catch (error) {
        say(byId('app-message'), 'error', describeError(error));
      }
    } }, t('need.cancelConfirm')));
  const open = el('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', onclick: (event) => {
    confirm.hidden = !confirm.hidden;
    event.target.setAttribute('aria-expanded', String(!confirm.hidden));
    if (!confirm.hidden) byId(reasonId).focus();
  } }, t('need.cancel'));
  return el('div', {}, el('div', { class: 'actions' }, open), confirm);
}

byId('need-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const message = byId('need-message');
  const postcode = byId('need-postcode').value.trim();
  const instructions = byId('need-instructions').value.trim();
  const body = {
    design: byId('need-design').value,
    quantity: Number(byId('need-quantity').value),
    neededBy: byId('need-by').value,
    priority: byId('need-priority').value,
    anyPublishedVersion: byId('need-any').checked,
    deliveryPoint: { name: byId('need-point').value.trim(), postcode: postcode || null, instructions: instructions || null },
  };
  try {
    const need = await api('/api/needs', { token, method: 'POST', body });
    say(message, 'success', t('need.posted', { quantity: number(need.quantity), design: titleOf(need.design) }));
    byId('need-quantity').value = '';
    await reload();
  } catch (error) {
    say(message, 'error', describeError(error));
  }
});

// ---- homologations -------------------------------------------------------------------------

function renderHomologations() {
  fill(byId('homologations'), data.homologations.length ? data.homologations.map((h) => el('li', { class: 'item' },
    el('div', { class: 'head' }, el('span', { class: 'title' }, `${titleOf(h.designSlug)} ${h.designVersion}`),
      el('span', { class: 'muted' }, date(h.at))),
    h.materials && h.materials.length ? el('p', {}, t('homologation.materials', { materials: h.materials.join(', ') })) : null,
    el('div', { class: 'actions' }, el('button', { type: 'button', class: 'secondary', onclick: async () => {
      try {
        await api(`/api/hospitals/${encodeURIComponent(account.hospitalId)}/homologations/${encodeURIComponent(h.designSlug)}/${encodeURIComponent(h.designVersion)}`,
          { token, method: 'DELETE' });
        await reload();
      } catch (error) {
        say(byId('app-message'), 'error', describeError(error));
      }
    } }, t('homologation.withdraw', { design: `${titleOf(h.designSlug)} ${h.designVersion}` })))))
    : el('li', { class: 'muted' }, t('homologation.none')));
}

byId('homologation-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const [design, version] = byId('homologation-version').value.split('@');
  const message = byId('homologation-message');
  try {
    await api(`/api/hospitals/${encodeURIComponent(account.hospitalId)}/homologations`, { token, method: 'POST', body: { design, version } });
    say(message, 'success', t('homologation.done', { design: `${titleOf(design)} ${version}` }));
    await reload();
  } catch (error) {
    say(message, 'error', describeError(error));
  }
});
