// FlexPark's employee flow: site → date and period → map of places → book one (or any) → my reservations. The map
// follows the rush live: each booking, hold or cancellation on the site and date arrives as a server-sent event, and the
// map reads the places' status again (never more than one read in flight).

import { all, api, ApiError } from '../api.js';
import { $, fill, h } from '../dom.js';
import { addDays, longDate, periodLabels, today } from '../format.js';
import { busy, errorSlot, initPage, onLive, showProblem, watch } from '../layout.js';
import { resourceName } from '../resources.js';

await initPage({ signIn: true });
const form = $('[data-choose]');
const map = $('[data-map]');
const caption = $('[data-map-caption]');
const slot = $('[data-error]');
const alternatives = $('[data-alternatives]');
const done = $('[data-done]');
const mine = $('[data-mine]');
const anyButton = $('[data-any]');

const query = new URLSearchParams(location.search);
const sites = await api('/api/v1/sites');
let site = null;
let reading = null;
let readAgain = false;

if (sites.length === 0) {
  fill(caption, 'No parking site yet. An admin can create one on the Admin page.');
  anyButton.hidden = true;
}
for (const s of sites) form.site.append(h('option', { value: s.id }, `${s.name}${s.address ? ` — ${s.address}` : ''}`));
form.site.value = sites.some((s) => s.id === query.get('site')) ? query.get('site') : sites[0]?.id ?? '';
form.date.value = query.get('date') ?? (new Date().getHours() < 12 ? today() : addDays(today(), 1));
form.date.min = today();

const chosen = () => ({ siteId: form.site.value, date: form.date.value, period: form.period?.value ?? 'morning' });

async function chooseSite() {
  if (!form.site.value) return;
  site = await api(`/api/v1/sites/${encodeURIComponent(form.site.value)}`);
  const periods = Object.entries(site.periods).sort((a, b) => a[1].start.localeCompare(b[1].start) || b[1].end.localeCompare(a[1].end));
  const wanted = query.get('period') ?? chosen().period;
  const legend = h('legend', {}, 'Period');
  fill($('[data-periods]'), legend, periods.map(([name, window]) => h('label', { class: 'radio' },
    h('input', { type: 'radio', name: 'period', value: name, checked: name === wanted || (!site.periods[wanted] && name === periods[0][0]) }),
    ` ${periodLabels[name] ?? name} (${window.start}–${window.end})`)));
  await changed();
}

/** Site, date or period changed: remember it in the address, watch that site and date, and read everything. */
async function changed() {
  const { siteId, date, period } = chosen();
  history.replaceState(null, '', `?site=${encodeURIComponent(siteId)}&date=${date}&period=${period}`);
  clearMessages();
  watch({ siteId, date });
  await Promise.all([readMap(), readMine()]);
}

function clearMessages() {
  slot.textContent = '';
  fill(alternatives);
  done.hidden = true;
}

/** Reads the places' status; calls made while a read is in flight are folded into one more read after it. */
function readMap() {
  if (reading) {
    readAgain = true;
    return reading;
  }
  reading = (async () => {
    try {
      do {
        readAgain = false;
        await drawMap();
      } while (readAgain);
    } finally {
      reading = null;
    }
  })();
  return reading;
}

let myBookings = [];

async function drawMap() {
  const { siteId, date, period } = chosen();
  if (!siteId || !date) return;
  try {
    const places = await api(`/api/v1/sites/${encodeURIComponent(siteId)}/slots?date=${date}&period=${encodeURIComponent(period)}`);
    const free = places.filter((p) => p.status === 'free').length;
    caption.textContent = `${longDate(date)}, ${periodLabels[period] ?? period}: ${free} of ${places.length} places free.`;
    anyButton.disabled = free === 0;
    fill(map, places.map((place) => {
      const yours = myBookings.some((b) => b.resourceId === place.resourceId && b.date === date && overlaps(b.period, period));
      const status = yours ? 'mine' : place.status;
      const label = yours ? `Place ${place.number}, yours` : place.status === 'free' ? `Place ${place.number}, free: book it` : `Place ${place.number}, taken: see alternatives`;
      return h('button', {
        type: 'button', class: 'place', 'data-status': status, 'data-place': place.number, 'aria-label': label, disabled: yours,
        onclick: (event) => bookPlace(place, event.currentTarget),
      }, h('span', { class: 'num' }, place.number), h('span', { class: 'state' }, yours ? 'Yours' : place.status === 'free' ? 'Free' : 'Taken'));
    }));
  } catch (error) {
    showProblem(error, { slot });
  }
}

function overlaps(a, b) {
  return a === b || a === 'day' || b === 'day' || !a || !b;
}

async function bookPlace(place, button) {
  clearMessages();
  const { date, period } = chosen();
  await busy(button, () => book(
    () => api('/api/v1/bookings', { method: 'POST', headers: { 'Idempotency-Key': crypto.randomUUID() }, body: { resourceId: place.resourceId, date, period } }),
    place));
}

async function bookAny() {
  clearMessages();
  const { siteId, date, period } = chosen();
  await busy(anyButton, () => book(
    async () => (await api(`/api/v1/sites/${encodeURIComponent(siteId)}/bookings`, { method: 'POST', body: { date, period } })).booking,
    null));
}

/** Books, then says which place; a refusal shows its detail and, for a taken place, the free choices it names. */
async function book(request, place) {
  try {
    const booking = await request();
    const name = await resourceName(booking.resourceId);
    done.hidden = false;
    done.textContent = `Booked: ${name}, ${longDate(booking.date)} (${periodLabels[booking.period] ?? booking.period}).`;
    await Promise.all([readMine(), readMap()]);
  } catch (error) {
    showProblem(error, { slot });
    if (error instanceof ApiError && error.code === 'slot_unavailable' && place) offer(error, place);
  }
}

function offer(error, place) {
  const { period } = chosen();
  const choices = error.alternatives.map((alternative) => h('button', {
    type: 'button', class: 'secondary',
    onclick: (event) => busy(event.currentTarget, () => book(
      () => api('/api/v1/bookings', { method: 'POST', headers: { 'Idempotency-Key': crypto.randomUUID() }, body: { resourceId: place.resourceId, date: alternative.date, period: alternative.period } }),
      place)),
  }, `Place ${place.number}, ${periodLabels[alternative.period] ?? alternative.period} (${alternative.start}–${alternative.end})`));
  const any = h('button', { type: 'button', class: 'secondary', onclick: bookAny }, `Any free place, ${periodLabels[period] ?? period}`);
  fill(alternatives, h('span', {}, 'Instead:'), choices, any);
  alternatives.querySelector('button')?.focus();
}

async function readMine() {
  const error = $('[data-mine-error]');
  error.textContent = '';
  try {
    const bookings = (await all(`/api/v1/bookings?from=${today()}&status=confirmed`)).filter((b) => b.resourceKind === 'parking_slot');
    myBookings = bookings;
    const names = await Promise.all(bookings.map((b) => resourceName(b.resourceId)));
    fill(mine, bookings.length === 0 ? h('li', { class: 'muted' }, 'No reservation.') : bookings.map((booking, i) => {
      const problem = errorSlot();
      const cancel = h('button', { type: 'button', class: 'danger', 'aria-label': `Cancel ${names[i]} on ${longDate(booking.date)} (${booking.period})` }, 'Cancel');
      cancel.addEventListener('click', () => busy(cancel, async () => {
        try {
          await api(`/api/v1/bookings/${encodeURIComponent(booking.id)}/cancel`, { method: 'POST', body: { reason: 'Cancelled from the parking page' } });
          await Promise.all([readMine(), readMap()]);
        } catch (failure) {
          showProblem(failure, { slot: problem });
        }
      }));
      return h('li', {},
        h('div', { class: 'title' }, names[i]),
        h('div', {}, `${longDate(booking.date)} · ${periodLabels[booking.period] ?? booking.period ?? `${booking.start}–${booking.end}`}`),
        h('div', { class: 'actions' }, cancel), problem);
    }));
  } catch (failure) {
    showProblem(failure, { slot: error });
  }
}

onLive((name, data) => {
  const { siteId, date } = chosen();
  if (name === 'slots' && data.siteId === siteId && data.date === date) readMap();
  else if (name === 'resync') Promise.all([readMine(), readMap()]);
});

form.site.addEventListener('change', chooseSite);
form.date.addEventListener('change', () => { if (form.date.value) changed(); });
form.addEventListener('change', (event) => { if (event.target.name === 'period') changed(); });
form.addEventListener('submit', (event) => event.preventDefault());
anyButton.addEventListener('click', bookAny);

await chooseSite();
