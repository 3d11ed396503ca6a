// What every page shares: the header (navigation by role, the unread badge, sign-out), toasts, the live stream, and
// showing problem details next to the field or action they concern.

import { api, ApiError, session } from './api.js';
import { openLive } from './live.js';
import { $, $$, fill, h, uid } from './dom.js';

const links = [
  { href: '/', label: 'Browse', roles: null },
  { href: '/parking.html', label: 'Parking', roles: ['member', 'provider', 'admin'] },
  { href: '/bookings.html', label: 'My bookings', roles: ['member', 'provider', 'admin'] },
  { href: '/notifications.html', label: 'Notifications', roles: ['member', 'provider', 'admin'], badge: true },
  { href: '/provider.html', label: 'Provider', roles: ['provider', 'admin'] },
  { href: '/admin.html', label: 'Admin', roles: ['admin'] },
];

let badge = null;
let liveState = null;
const liveHandlers = new Set();

/**
 * Sets the page up: the header for the signed-in user (or a sign-in link). With signIn, an anonymous visitor is sent
 * to the sign-in page and back; with roles, a user without one of them is told so. Returns the user's profile or null.
 */
export async function initPage({ signIn = false, roles = null, live = true, topics = null } = {}) {
  let me = null;
  if (session.signedIn) {
    try {
      me = await api('/api/v1/me');
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
    }
  }
  renderHeader(me);
  session.onChange(() => location.reload());
  if (!me && signIn) {
    const next = location.pathname + location.search;
    location.replace(`/signin.html?next=${encodeURIComponent(next)}`);
    return new Promise(() => {});
  }
  if (me && roles && !roles.includes(me.role)) {
    fill($('#main'), h('h1', {}, 'Not for your account'),
      h('p', {}, `This page is for ${roles.join(' or ')} accounts; you are signed in as a ${me.role}.`));
    return new Promise(() => {});
  }
  if (me) {
    refreshBadge();
    if (live) startLive(topics);
  }
  return me;
}

function renderHeader(me) {
  const header = $('[data-nav]');
  const items = links
    .filter((link) => link.roles === null || (me && link.roles.includes(me.role)))
    .map((link) => {
      const current = location.pathname === link.href || (link.href === '/' && location.pathname === '/index.html');
      const anchor = h('a', { href: link.href, 'aria-current': current ? 'page' : null }, link.label);
      if (link.badge) {
        badge = h('span', { class: 'badge', hidden: true, 'data-unread': '' });
        anchor.append(badge);
      }
      return h('li', {}, anchor);
    });
  liveState = h('span', { class: 'live-state', 'data-live-state': '', role: 'status' });
  const user = me
    ? h('div', { class: 'user-box' },
        h('span', { class: 'who' }, `${me.firstName} ${me.lastName} · ${me.role}`),
        liveState,
        h('button', { type: 'button', onclick: signOut }, 'Sign out'))
    : h('div', { class: 'user-box' }, h('a', { href: `/signin.html?next=${encodeURIComponent(location.pathname + location.search)}` }, 'Sign in'));
  fill(header, h('div', { class: 'bar' },
    h('a', { class: 'brand', href: '/' }, 'Booking'),
    h('nav', { class: 'site-nav', 'aria-label': 'Main' }, h('ul', {}, items)),
    user));
}

async function signOut() {
  await session.signOut();
  location.href = '/signin.html';
}

/** Reads the unread count again (after a resync, or at start). */
export async function refreshBadge() {
  try {
    const page = await api('/api/v1/notifications?unread=true&pageSize=1');
    setBadge(page.unread);
  } catch {
    // The badge is a hint; the notifications page shows the truth.
  }
}

function setBadge(count) {
  if (!badge) return;
  badge.hidden = count === 0;
  badge.textContent = String(count);
  badge.setAttribute('aria-label', `${count} unread`);
}

let live = null;

function startLive(topics) {
  live = openLive(topics, (name, data) => {
    if (name === 'notification' && data.notification) {
      setBadge(data.unread);
      toast(data.notification.title, data.notification.message);
    } else if (name === 'unread') {
      setBadge(data.unread);
    } else if (name === 'resync') {
      refreshBadge();
    }
    for (const handler of liveHandlers) handler(name, data);
  }, (state) => {
    if (!liveState) return;
    liveState.dataset.state = state;
    liveState.textContent = state === 'live' ? 'Live' : state === 'connecting' ? 'Connecting…' : 'Offline';
    document.body.dataset.live = state;
  });
}

/** Receives the page's live events (notification, unread, slots, resync). */
export function onLive(handler) {
  liveHandlers.add(handler);
}

/** Watches other topics (the parking page's site and date). */
export function watch(topics) {
  live?.reopen(topics);
}

/** A short message in the corner, read out by screen readers; it goes after a while. */
export function toast(title, message) {
  const box = $('[data-toasts]');
  const item = h('div', { class: 'toast', role: 'status' }, h('span', { class: 'toast-title' }, title), message);
  box.append(item);
  setTimeout(() => item.remove(), 8000);
}

/**
 * Shows an API refusal: each field error next to its input (by name), and the problem's detail in the action's error
 * slot. Returns the message shown.
 */
export function showProblem(error, { form = null, slot = null } = {}) {
  clearProblems(form, slot);
  const message = error instanceof ApiError ? error.message : 'Something went wrong. Please try again.';
  let placedAll = false;
  if (form && error instanceof ApiError && Object.keys(error.errors).length > 0) {
    placedAll = true;
    for (const [name, messages] of Object.entries(error.errors)) {
      const input = form.elements.namedItem(name);
      if (!(input instanceof HTMLElement)) {
        placedAll = false;
        continue;
      }
      fieldError(input, messages.join(' '));
    }
  }
  if (slot) slot.textContent = placedAll ? 'Please correct the fields marked above.' : message;
  if (!(error instanceof ApiError)) console.warn(error);
  return message;
}

/** Marks one input invalid with a message tied to it (aria-describedby). */
export function fieldError(input, message) {
  let note = input.parentElement.querySelector('.field-error');
  if (!note) {
    note = h('p', { class: 'field-error', id: uid('err') });
    input.insertAdjacentElement('afterend', note);
  }
  note.textContent = message;
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', note.id);
}

export function clearProblems(form, slot) {
  if (form) {
    for (const input of $$('[aria-invalid="true"]', form)) input.removeAttribute('aria-invalid');
    for (const note of $$('.field-error', form)) note.textContent = '';
  }
  if (slot) slot.textContent = '';
}

/** An error slot for an action, announced when it changes. */
export function errorSlot() {
  return h('p', { class: 'action-error', role: 'alert' });
}

/** A labelled field: field('Email', h('input', {...})). */
export function field(label, input, hint = null) {
  const id = input.id || uid('f');
  input.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hint ? h('p', { class: 'hint' }, hint) : null);
}

/** Disables the button while the action runs (no double submission) and reports its problem in slot. */
export async function busy(button, action) {
  if (button) {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
  }
  try {
    return await action();
  } finally {
    if (button) {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  }
}
