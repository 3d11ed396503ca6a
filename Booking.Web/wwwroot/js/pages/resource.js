// A resource's week of free slots and EduConnect's three-step booking: 1. pick a slot (7 days, grouped by date),
// 2. subject / description / duration while the slot is held for you, 3. confirmation.

import { api, ApiError, session } from '../api.js';
import { $, $$, fill, h } from '../dom.js';
import { addDays, frenchDay, kindLabels, longDate, money, today } from '../format.js';
import { busy, clearProblems, errorSlot, field, fieldError, initPage, showProblem } from '../layout.js';

const me = await initPage();
const id = new URLSearchParams(location.search).get('id');
const header = $('[data-resource]');
const section = $('[data-booking]');
const panels = [1, 2, 3].map((n) => $(`[data-panel="${n}"]`, section));

let resource = null;
let durations = [];
let isMentor = false;
let weekStart = today();
let hold = null;
let holdTimer = null;

async function load() {
  try {
    if (!id) throw new ApiError(404, { detail: 'No resource was chosen. Pick one from the list.' });
    return await api(`/api/v1/resources/${encodeURIComponent(id)}`, { auth: false });
  } catch (error) {
    fill(header, h('h1', {}, 'Resource not found'), h('p', { class: 'action-error', role: 'alert' }, error.message));
    return null;
  }
}

function setUp() {
  document.title = `${resource.name} · Booking`;
  durations = resource.durations.length ? [...resource.durations].sort((a, b) => a - b) : [resource.slotMinutes];
  isMentor = resource.kind === 'mentor';
  fill(header,
    h('h1', {}, resource.name),
    h('p', { class: 'meta' },
      h('span', { class: 'tag' }, kindLabels[resource.kind] ?? resource.kind),
      resource.category ? h('span', { class: 'tag' }, resource.category) : null,
      resource.price != null ? ` ${money(resource.price, resource.currency)}` : null,
      ` · ${durations.join(', ')} minutes`,
      resource.capacity > 1 ? ` · ${resource.capacity} at a time` : null,
      resource.cancellationCutoffMinutes ? ` · free cancellation until ${resource.cancellationCutoffMinutes} minutes before` : null),
    resource.active ? null : h('p', { class: 'action-error', role: 'alert' }, 'This resource no longer takes bookings.'));
  section.hidden = false;
}

function showStep(step) {
  panels.forEach((panel, index) => { panel.hidden = index + 1 !== step; });
  for (const item of $$('[data-step]', section)) {
    const n = Number(item.dataset.step);
    item.classList.toggle('done', n < step);
    if (n === step) item.setAttribute('aria-current', 'step');
    else item.removeAttribute('aria-current');
  }
}

// Step 1: the week of free slots.

async function showWeek(focusHeading = false) {
  showStep(1);
  const panel = panels[0];
  const heading = h('h3', { tabindex: '-1' }, `Free slots from ${longDate(weekStart)}`);
  const previous = h('button', { type: 'button', class: 'secondary', disabled: weekStart <= today(), onclick: () => { weekStart = addDays(weekStart, -7); showWeek(true); } }, '← Previous week');
  const next = h('button', { type: 'button', class: 'secondary', onclick: () => { weekStart = addDays(weekStart, 7); showWeek(true); } }, 'Next week →');
  const slot = errorSlot();
  const alternatives = h('div', { class: 'alternatives', 'data-alternatives': '' });
  const days = h('div', { 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading free slots…'));
  fill(panel, heading, h('div', { class: 'week-nav' }, previous, next), slot, alternatives, days);
  if (focusHeading) heading.focus();
  try {
    const to = addDays(weekStart, 6);
    const free = await api(`/api/v1/resources/${encodeURIComponent(id)}/availability?from=${weekStart}&to=${to}&durationMinutes=${durations[0]}`, { auth: false });
    const byDate = new Map();
    for (let d = 0; d < 7; d++) byDate.set(addDays(weekStart, d), []);
    for (const s of free) byDate.get(s.date)?.push(s);
    fill(days, [...byDate].map(([date, slots]) => h('section', { class: 'day', 'aria-label': longDate(date) },
      h('h4', {}, `${longDate(date)} `, h('span', { class: 'fr' }, `(${frenchDay(date)})`)),
      slots.length === 0
        ? h('p', { class: 'muted' }, 'No free slot')
        : h('div', { class: 'slots' }, slots.map((s) => h('button', {
          type: 'button',
          class: 'slot',
          'aria-label': `${longDate(date)} at ${s.start}`,
          onclick: (event) => pick(s, event.currentTarget, slot, alternatives),
        }, s.start))))));
    days.removeAttribute('aria-busy');
  } catch (error) {
    days.removeAttribute('aria-busy');
    fill(days);
    showProblem(error, { slot });
  }
}

/** Holds the slot while the form is open, then shows step 2. */
async function pick(freeSlot, button, slot, alternatives) {
  if (!me) {
    location.href = `/signin.html?next=${encodeURIComponent(location.pathname + location.search)}`;
    return;
  }
  for (const other of $$('.slot[aria-pressed]', panels[0])) other.removeAttribute('aria-pressed');
  button?.setAttribute('aria-pressed', 'true');
  fill(alternatives);
  await busy(button, async () => {
    try {
      hold = await placeHold(freeSlot.date, freeSlot.start, durations[0]);
      showDetails(durations[0]);
    } catch (error) {
      showProblem(error, { slot });
      offerAlternatives(error, alternatives, slot);
    }
  });
}

function placeHold(date, start, durationMinutes) {
  return api('/api/v1/holds', { method: 'POST', body: { resourceId: id, date, start, durationMinutes } });
}

/** A taken slot's 409 names the nearest free ones: each is a one-click choice. */
function offerAlternatives(error, container, slot) {
  if (!(error instanceof ApiError) || error.alternatives.length === 0) return;
  fill(container, h('span', {}, 'Free nearby:'), error.alternatives.map((alternative) => h('button', {
    type: 'button',
    class: 'secondary',
    onclick: (event) => pick(alternative, event.currentTarget, slot, container),
  }, `${longDate(alternative.date)} ${alternative.start}–${alternative.end}`)));
}

async function releaseHold() {
  clearInterval(holdTimer);
  if (!hold) return;
  const held = hold;
  hold = null;
  try {
    await api(`/api/v1/holds/${encodeURIComponent(held.id)}`, { method: 'DELETE' });
  } catch {
    // Expired or gone already: the slot is free either way.
  }
}

// Step 2: details, while the slot is held.

function showDetails(duration) {
  showStep(2);
  const panel = panels[1];
  const heading = h('h3', { tabindex: '-1' }, 'Your session');
  const timer = h('p', { class: 'hold-timer', role: 'timer', 'aria-live': 'off' });
  const subject = h('input', { name: 'subject', required: isMentor, maxlength: 200, autocomplete: 'off' });
  const notes = h('textarea', { name: 'notes', maxlength: 2000 });
  const length = h('select', { name: 'durationMinutes' }, durations.map((d) => h('option', { value: d, selected: d === duration }, `${d} minutes`)));
  const slot = errorSlot();
  const confirm = h('button', { type: 'submit', disabled: isMentor }, 'Confirm · Confirmer');
  const back = h('button', { type: 'button', class: 'secondary', onclick: async () => { await releaseHold(); showWeek(true); } }, '← Other slot');
  const form = h('form', { novalidate: true },
    h('dl', { class: 'summary' },
      h('dt', {}, 'Slot'), h('dd', { 'data-held': '' }, describe(hold))),
    timer,
    field(isMentor ? 'Subject (Sujet de la session) — required' : 'What for? (prestation) — optional', subject),
    field('Description (optional)', notes),
    field('Duration (Durée)', length),
    slot,
    h('div', { class: 'actions' }, back, confirm));
  fill(panel, heading, form);
  heading.focus();
  startTimer(timer, slot, form);

  subject.addEventListener('input', () => { confirm.disabled = isMentor && subject.value.trim() === ''; });
  length.addEventListener('change', () => changeDuration(Number(length.value), length, form, slot));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (isMentor && subject.value.trim() === '') {
      fieldError(subject, 'Please say what the session is about.');
      subject.focus();
      return;
    }
    await busy(confirm, () => book(form, slot, subject.value.trim(), notes.value.trim()));
  });
}

function describe(booking) {
  return `${longDate(booking.date)}, ${booking.start}–${booking.end}`;
}

function startTimer(timer, slot, form) {
  clearInterval(holdTimer);
  const tick = () => {
    if (!hold) return;
    const left = Math.max(0, Math.round((new Date(hold.holdExpiresAt) - Date.now()) / 1000));
    timer.textContent = `Held for you for ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} more minutes.`;
    if (left === 0) {
      clearInterval(holdTimer);
      hold = null;
      slot.textContent = 'Your hold has expired and the slot may have been taken. Pick a slot again.';
      for (const control of form.elements) if (control.type === 'submit') control.disabled = true;
    }
  };
  tick();
  holdTimer = setInterval(tick, 1000);
}

/** Another length needs another hold: release this one, then hold the new length (or the old one again). */
async function changeDuration(duration, select, form, slot) {
  clearProblems(form, slot);
  const previous = hold;
  if (!previous) return;
  const previousLength = durationOf(previous);
  await busy(select, async () => {
    await releaseHold();
    try {
      hold = await placeHold(previous.date, previous.start, duration);
    } catch (error) {
      fieldError(select, error instanceof ApiError ? error.message : 'This length cannot be held.');
      select.value = String(previousLength);
      try {
        hold = await placeHold(previous.date, previous.start, previousLength);
      } catch (again) {
        showProblem(again, { slot });
        return;
      }
    }
    $('[data-held]', form).textContent = describe(hold);
    startTimer($('.hold-timer', form), slot, form);
  });
}

function durationOf(booking) {
  return Math.round((new Date(booking.endUtc) - new Date(booking.startUtc)) / 60000);
}

async function book(form, slot, subject, notes) {
  clearProblems(form, slot);
  if (!hold) {
    slot.textContent = 'Your hold has expired. Pick a slot again.';
    return;
  }
  try {
    const booking = await api('/api/v1/bookings', {
      method: 'POST',
      headers: { 'Idempotency-Key': crypto.randomUUID() },
      body: { resourceId: id, date: hold.date, holdId: hold.id, subject: subject || null, notes: notes || null },
    });
    clearInterval(holdTimer);
    hold = null;
    showDone(booking);
  } catch (error) {
    showProblem(error, { form, slot });
  }
}

// Step 3: confirmation.

function showDone(booking) {
  showStep(3);
  const heading = h('h3', { tabindex: '-1' }, 'Booking confirmed · Réservation confirmée');
  fill(panels[2], heading,
    h('p', { class: 'success' }, `${resource.name}: ${describe(booking)}.`),
    h('dl', { class: 'summary' },
      booking.subject ? [h('dt', {}, 'Subject'), h('dd', {}, booking.subject)] : null,
      booking.notes ? [h('dt', {}, 'Description'), h('dd', {}, booking.notes)] : null,
      h('dt', {}, 'Reference'), h('dd', {}, booking.id)),
    isMentor ? h('p', { class: 'muted' }, 'Your mentor has been notified.') : null,
    h('div', { class: 'actions' },
      h('a', { class: 'button', href: '/bookings.html' }, 'My bookings'),
      h('button', { type: 'button', class: 'secondary', onclick: () => showWeek(true) }, 'Book another')));
  heading.focus();
}

// A hold left behind when the page closes would keep the slot for five minutes: give it back.
window.addEventListener('pagehide', () => {
  if (!hold) return;
  const held = hold;
  hold = null;
  const token = session.storedAccessToken();
  if (token) fetch(`/api/v1/holds/${encodeURIComponent(held.id)}`, { method: 'DELETE', keepalive: true, headers: { Authorization: `Bearer ${token}` } });
});

resource = await load();
if (resource) {
  setUp();
  await showWeek();
}
