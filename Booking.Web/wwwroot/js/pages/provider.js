// A provider's (or mentor's) desk: their resources, the bookings of a day with check-in / no-show / complete, and the
// weekly schedule with closures. A new booking arrives live: the toast says so and the day's list is read again.

import { all, api } from '../api.js';
import { $, fill, h } from '../dom.js';
import { addDays, isLapsedHold, kindLabels, longDate, periodLabels, statusLabels, today } from '../format.js';
import { busy, clearProblems, errorSlot, initPage, onLive, showProblem } from '../layout.js';

const me = await initPage({ signIn: true, roles: ['provider', 'admin'] });
const select = $('#resource');
const dayInput = $('#day');
const dayList = $('[data-day]');
const pageError = $('[data-error]');
const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const frenchDays = { monday: 'lundi', tuesday: 'mardi', wednesday: 'mercredi', thursday: 'jeudi', friday: 'vendredi', saturday: 'samedi', sunday: 'dimanche' };
const kindOrder = { mentor: 0, service: 1, parking_slot: 2 };

let resource = null;
let exceptions = [];

const query = new URLSearchParams(location.search);
dayInput.value = query.get('date') ?? today();

const mineQuery = me.role === 'admin' ? '/api/v1/resources' : `/api/v1/resources?ownerId=${encodeURIComponent(me.id)}`;
const resources = (await all(mineQuery, { auth: false }))
  .sort((a, b) => (kindOrder[a.kind] ?? 9) - (kindOrder[b.kind] ?? 9) || a.name.localeCompare(b.name, undefined, { numeric: true }));
if (resources.length === 0) {
  pageError.textContent = 'You own no resource yet.';
}
for (const r of resources) select.append(h('option', { value: r.id }, `${r.name} (${kindLabels[r.kind] ?? r.kind})`));
if (resources.some((r) => r.id === query.get('resource'))) select.value = query.get('resource');

function remember() {
  history.replaceState(null, '', `?resource=${encodeURIComponent(select.value)}&date=${dayInput.value}`);
}

async function chooseResource() {
  if (!select.value) return;
  remember();
  pageError.textContent = '';
  try {
    resource = await api(`/api/v1/resources/${encodeURIComponent(select.value)}`, { auth: false });
  } catch (error) {
    showProblem(error, { slot: pageError });
    return;
  }
  drawSchedule();
  await loadDay();
}

// The day's bookings.

async function loadDay() {
  const slot = $('[data-day-error]');
  slot.textContent = '';
  if (!resource || !dayInput.value) return;
  remember();
  try {
    const date = dayInput.value;
    const bookings = (await all(`/api/v1/bookings?resourceId=${encodeURIComponent(resource.id)}&from=${date}&to=${date}`))
      .filter((b) => !isLapsedHold(b));
    fill(dayList, bookings.length === 0
      ? h('li', { class: 'muted' }, `No booking on ${longDate(date)}.`)
      : bookings.map(bookingItem));
  } catch (error) {
    showProblem(error, { slot });
  }
}

function bookingItem(booking) {
  const error = errorSlot();
  const act = (label, path, enabled) => {
    const button = h('button', { type: 'button', class: 'secondary', disabled: !enabled, 'aria-label': `${label}: ${booking.start}–${booking.end}${booking.subject ? `, ${booking.subject}` : ''}` }, label);
    button.addEventListener('click', () => busy(button, async () => {
      try {
        await api(`/api/v1/bookings/${encodeURIComponent(booking.id)}/${path}`, { method: 'POST' });
        await loadDay();
      } catch (problem) {
        showProblem(problem, { slot: error });
      }
    }));
    return button;
  };
  const open = booking.status === 'confirmed';
  return h('li', { 'data-booking-id': booking.id },
    h('div', { class: 'title' }, `${booking.start}–${booking.end}`, booking.period ? ` (${periodLabels[booking.period] ?? booking.period})` : '', booking.subject ? ` · ${booking.subject}` : ''),
    booking.notes ? h('div', {}, booking.notes) : null,
    h('div', { class: 'meta' },
      h('span', { class: `status status-${booking.status}` }, statusLabels[booking.status] ?? booking.status),
      booking.checkedInAt ? ' · checked in' : null),
    h('div', { class: 'actions' },
      act('Check in', 'check-in', open && !booking.checkedInAt),
      act('No-show', 'no-show', open),
      act('Complete', 'complete', open)),
    error);
}

// The weekly schedule and its closures.

function windowRow(start = '09:00', end = '17:00') {
  const row = h('div', { class: 'window' },
    h('input', { type: 'time', value: start, step: 900, 'aria-label': 'From', 'data-start': '' }),
    h('span', { 'aria-hidden': 'true' }, '–'),
    h('input', { type: 'time', value: end, step: 900, 'aria-label': 'To', 'data-end': '' }),
    h('button', { type: 'button', class: 'secondary', 'aria-label': 'Remove this window', onclick: () => row.remove() }, 'Remove'));
  return row;
}

function drawSchedule() {
  const weekly = $('[data-weekly]');
  fill(weekly, days.map((day) => {
    const windows = h('div', { 'data-windows': day });
    for (const w of resource.weekly.filter((x) => x.day === day)) windows.append(windowRow(w.start, w.end));
    const label = `${day[0].toUpperCase()}${day.slice(1)}`;
    return h('div', { class: 'schedule-day', role: 'group', 'aria-label': label },
      h('div', {}, h('strong', {}, label), h('div', { class: 'fr' }, frenchDays[day])),
      h('div', {}, windows, h('button', { type: 'button', class: 'secondary', 'aria-label': `Add a window on ${label}`, onclick: () => windows.append(windowRow()) }, '+ Window')));
  }));
  exceptions = [...resource.exceptions];
  drawExceptions();
  $('[data-schedule-saved]').hidden = true;
}

function drawExceptions() {
  const list = $('[data-exceptions]');
  const upcoming = exceptions.filter((e) => e.date >= today()).sort((a, b) => a.date.localeCompare(b.date));
  fill(list, upcoming.length === 0 ? h('li', { class: 'muted' }, 'No closure.') : upcoming.map((e) => h('li', {},
    `${longDate(e.date)}: `, e.closed ? 'closed' : `open ${e.windows.map((w) => `${w.start}–${w.end}`).join(', ')}`, ' ',
    h('button', { type: 'button', class: 'secondary', 'aria-label': `Remove the exception on ${longDate(e.date)}`, onclick: () => { exceptions = exceptions.filter((x) => x !== e); drawExceptions(); } }, 'Remove'))));
}

$('[data-add-closure]').addEventListener('click', () => {
  const date = $('#closure-date').value;
  if (!date) return;
  exceptions = [...exceptions.filter((e) => e.date !== date), { date, closed: true, windows: [] }];
  drawExceptions();
});

const scheduleForm = $('[data-schedule]');
scheduleForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const slot = $('[data-schedule-error]');
  const saved = $('[data-schedule-saved]');
  saved.hidden = true;
  clearProblems(scheduleForm, slot);
  // Inputs are named after their place in the request, so a refusal about weekly[3].end shows next to that input.
  const weekly = [];
  for (const day of days) {
    for (const row of scheduleForm.querySelectorAll(`[data-windows="${day}"] .window`)) {
      const start = row.querySelector('[data-start]');
      const end = row.querySelector('[data-end]');
      start.name = `weekly[${weekly.length}].start`;
      end.name = `weekly[${weekly.length}].end`;
      weekly.push({ day, start: start.value, end: end.value });
    }
  }
  await busy(event.submitter, async () => {
    try {
      resource = await api(`/api/v1/resources/${encodeURIComponent(resource.id)}/schedule`, { method: 'PUT', body: { weekly, exceptions } });
      drawSchedule();
      saved.hidden = false;
      saved.textContent = 'Schedule saved.';
    } catch (error) {
      showProblem(error, { form: scheduleForm, slot });
    }
  });
});

select.addEventListener('change', chooseResource);
dayInput.addEventListener('change', loadDay);
$('[data-prev-day]').addEventListener('click', () => { dayInput.value = addDays(dayInput.value || today(), -1); loadDay(); });
$('[data-next-day]').addEventListener('click', () => { dayInput.value = addDays(dayInput.value || today(), 1); loadDay(); });

// EduConnect's promise: the mentor hears of a new booking at once, in the page they have open.
onLive((name, data) => {
  if ((name === 'notification' && data.notification?.resourceId === resource?.id) || name === 'resync') loadDay();
});

await chooseResource();
