// What every page shares: the header, the API client, the session's token, DOM and number helpers.
// Text reaches the page through textContent only, never as HTML.
import { t, lang, setLang, onLanguageChange, applyI18n } from './i18n.js';

export { t, lang, onLanguageChange, applyI18n };

/** Creates an element: el('a', {href: '/x', class: 'y'}, 'text', child). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (name in node && typeof value !== 'string') node[name] = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function byId(id) {
  return document.getElementById(id);
}

/** Replaces the children of a node. */
export function fill(node, ...children) {
  node.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
}

// ---- numbers and dates ---------------------------------------------------------------------

export function number(value) {
  return new Intl.NumberFormat(lang()).format(value ?? 0);
}

export function percent(part, whole) {
  if (!whole) return '–';
  return new Intl.NumberFormat(lang(), { style: 'percent', maximumFractionDigits: 0 }).format(part / whole);
}

export function dateTime(iso) {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(lang(), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

export function date(iso) {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(lang(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));
}

export function time(iso) {
  return new Intl.DateTimeFormat(lang(), { timeStyle: 'medium' }).format(iso ? new Date(iso) : new Date());
}

/** "in 5 minutes", "3 hours ago". */
export function relative(iso) {
  if (!iso) return '–';
  const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
  const format = new Intl.RelativeTimeFormat(lang(), { numeric: 'auto' });
  const units = [['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === 'second') return format.format(Math.round(seconds / size), unit);
  }
  return '–';
}

// ---- the session's token -------------------------------------------------------------------

// Kept in sessionStorage: it goes when the tab closes, and never appears in a URL.
const TOKEN_KEY = (role) => `fabrique.token.${role}`;

export function storedToken(role) {
  return sessionStorage.getItem(TOKEN_KEY(role));
}

export function storeToken(role, token) {
  sessionStorage.setItem(TOKEN_KEY(role), token);
}

export function forgetToken(role) {
  sessionStorage.removeItem(TOKEN_KEY(role));
}

// ---- the API -------------------------------------------------------------------------------

/** An RFC 9457 problem answered by the API. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.type = problem.type || '';
  }
}

export function newKey() {
  return crypto.randomUUID();
}

/**
 * Calls the API as JSON. State-changing calls carry an idempotency key, so that a retry after a
 * lost answer changes nothing twice.
 */
export async function api(path, { token, method = 'GET', body, key } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['Idempotency-Key'] = key || newKey();
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch (networkError) {
    throw new ApiError(0, { title: t('error.network') });
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (notJson) {
    json = null;
  }
  if (!response.ok) throw new ApiError(response.status, json || { title: `HTTP ${response.status}` });
  return json;
}

/** A message for a failed call: the problem's detail, and its field errors if any. */
export function describeError(error) {
  if (!(error instanceof ApiError)) return String(error.message || error);
  const problem = error.problem || {};
  const parts = [problem.detail || problem.title || error.message];
  if (Array.isArray(problem.errors)) parts.push(...problem.errors.map((e) => `${e.field}: ${e.message}`));
  if (Array.isArray(problem.problems) && problem.problems.length > 1) parts.push(...problem.problems.slice(1));
  return parts.filter(Boolean).join(' — ');
}

/** Shows a message in a container with role="status" or role="alert". */
export function say(container, kind, text) {
  fill(container, text ? el('div', { class: `message ${kind}` }, text) : null);
}

// ---- the header ----------------------------------------------------------------------------

const PAGES = [
  { path: '/', key: 'nav.transparency' },
  { path: '/desk', key: 'nav.desk' },
  { path: '/dashboard', key: 'nav.dashboard' },
];

/** Draws the site header: brand, the three pages, the language switch. */
export function header(current) {
  const select = el('select', { id: 'language', onchange: (e) => setLang(e.target.value) },
    el('option', { value: 'fr', lang: 'fr' }, 'Français'),
    el('option', { value: 'en', lang: 'en' }, 'English'));
  select.value = lang();
  onLanguageChange(() => { select.value = lang(); });
  const links = PAGES.map((page) => el('li', {},
    el('a', { href: page.path, 'data-i18n': page.key, 'aria-current': page.path === current ? 'page' : null })));
  const bar = el('div', { class: 'bar' },
    el('a', { class: 'brand', href: '/' }, 'Fabrique'),
    el('nav', { 'data-i18n-attr': 'aria-label:nav.label' }, el('ul', {}, links)),
    el('div', { class: 'lang' }, el('label', { for: 'language', 'data-i18n': 'nav.language' }), select));
  const node = el('header', { class: 'site' }, bar);
  const skip = document.querySelector('.skip');
  if (skip) skip.after(node);
  else document.body.prepend(node);
  applyI18n(node);
}

// ---- tables --------------------------------------------------------------------------------

/**
 * Fills a table: columns are {label (i18n key), num (right-aligned), cell(row) → text or node}.
 * Each cell carries its column's label, which narrow screens show beside the value.
 */
export function table(node, columns, rows, { caption, empty = 'common.none' } = {}) {
  const head = el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col', class: c.num ? 'num' : null }, t(c.label)))));
  const body = el('tbody', {}, rows.length === 0
    ? el('tr', {}, el('td', { colspan: String(columns.length), class: 'muted' }, t(empty)))
    : rows.map((row) => el('tr', {}, columns.map((c) => {
      const value = c.cell(row);
      return el('td', { class: c.num ? 'num' : null, 'data-label': t(c.label) }, value instanceof Node ? value : String(value ?? '–'));
    }))));
  fill(node, caption ? el('caption', {}, caption) : null, head, body);
}

// ---- signing in ----------------------------------------------------------------------------

/**
 * Signs in with a bearer token for one role. Shows #login until a valid token of that role is
 * given, then #app; calls onStart(token, account) and, on sign-out, onStop().
 */
export function signIn(role, { onStart, onStop = () => {} }) {
  const login = byId('login');
  const app = byId('app');
  const message = byId('login-message');
  let current = null;

  async function check(token) {
    const account = await api('/api/accounts/me', { token });
    if (account.role !== role) throw new Error(t(`login.wrongRole.${role}`));
    return account;
  }

  function show(signedIn) {
    login.hidden = signedIn;
    app.hidden = !signedIn;
  }

  async function start(token) {
    const account = await check(token);
    storeToken(role, token);
    current = token;
    show(true);
    await onStart(token, account);
  }

  byId('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = byId('token');
    const token = input.value.trim();
    say(message, 'error', null);
    try {
      await start(token);
      input.value = '';
    } catch (error) {
      say(message, 'error', error instanceof ApiError && error.status === 401 ? t('login.invalid') : describeError(error));
      input.focus();
    }
  });

  byId('logout').addEventListener('click', () => {
    forgetToken(role);
    current = null;
    onStop();
    show(false);
    byId('token').focus();
  });

  const saved = storedToken(role);
  if (saved) {
    start(saved).catch(() => {
      forgetToken(role);
      show(false);
    });
  } else {
    show(false);
  }
  return { token: () => current };
}
