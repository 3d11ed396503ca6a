import { api, all } from '../api.js';
import { $, fill, h } from '../dom.js';
import { addDays, isLapsedHold, longDate, periodLabels, statusLabels, today } from '../format.js';
import { busy, errorSlot, initPage, onLive, showProblem } from '../layout.js';
import { resourceName } from '../resources.js';
import { tabs } from '../tabs.js';

await initPage({ signIn: true });

const list = $('[data-bookings]');
const slot = $('[data-error]');
const panel = $('#bookings-panel');
let showing = 'upcoming';

async function load() {
  slot.textContent = '';
  try {
    const bookings = showing === 'upcoming'
      ? await all(`/api/v1/bookings?from=${today()}&status=confirmed`)
      : [
        ...await all(`/api/v1/bookings?to=${addDays(today(), -1)}&status=confirmed,cancelled,completed,no_show`),
        ...await all(`/api/v1/bookings?from=${today()}&status=cancelled,completed,no_show`),
      ].filter((b) => !isLapsedHold(b)).sort((a, b) => b.startUtc.localeCompare(a.startUtc));
    const names = await Promise.all(bookings.map((b) => resourceName(b.resourceId)));
    fill(list, bookings.length === 0
      ? h('li', { class: 'muted' }, showing === 'upcoming' ? 'No upcoming booking.' : 'Nothing here yet.')
      : bookings.map((booking, i) => item(booking, names[i])));
  } catch (error) {
    showProblem(error, { slot });
  }
}

function item(booking, name) {
  const error = errorSlot();
  const actions = h('div', { class: 'actions' });
  if (showing === 'upcoming') {
    const cancel = h('button', { type: 'button', class: 'danger', 'aria-label': `Cancel ${name} on ${longDate(booking.date)} at ${booking.start}` }, 'Cancel booking');
    cancel.addEventListener('click', () => confirmCancel(booking, actions, error, cancel));
    actions.append(cancel);
  }
  return h('li', { 'data-booking-id': booking.id },
    h('div', { class: 'title' }, name),
    h('div', {}, `${longDate(booking.date)}, ${booking.start}–${booking.end}`, booking.period ? ` (${periodLabels[booking.period] ?? booking.period})` : ''),
    h('div', { class: 'meta' },
      h('span', { class: `status status-${booking.status}` }, statusLabels[booking.status] ?? booking.status),
      booking.subject ? ` · ${booking.subject}` : null,
      booking.cancelReason ? ` · ${booking.cancelReason}` : null),
    actions, error);
}

/** Asks once more in place (no browser dialog), then cancels; a refusal (e.g. past the cut-off) shows beside it. */
function confirmCancel(booking, actions, error, cancel) {
  const yes = h('button', { type: 'button', class: 'danger' }, 'Yes, cancel it');
  const keep = h('button', { type: 'button', class: 'secondary' }, 'Keep it');
  fill(actions, yes, keep);
  yes.focus();
  keep.addEventListener('click', () => {
    fill(actions, cancel);
    cancel.focus();
  });
  yes.addEventListener('click', () => busy(yes, async () => {
    try {
      await api(`/api/v1/bookings/${encodeURIComponent(booking.id)}/cancel`, { method: 'POST', body: { reason: 'Cancelled from the web page' } });
      await load();
      $('[role="tab"][aria-selected="true"]').focus();
    } catch (problem) {
      showProblem(problem, { slot: error });
      fill(actions, cancel);
    }
  }));
}

tabs($('[role="tablist"]'), (tab) => {
  showing = tab.id === 'tab-past' ? 'past' : 'upcoming';
  panel.setAttribute('aria-labelledby', tab.id);
  load();
});

// A booking cancelled or made elsewhere (another tab, the provider) shows up here without reloading.
onLive((name, data) => {
  if (name === 'resync' || (name === 'notification' && data.notification?.bookingId)) load();
});

await load();
