import { all, api } from '../api.js';
import { $, fill, h } from '../dom.js';
import { addDays, kindLabels, money, today } from '../format.js';
import { busy, clearProblems, errorSlot, initPage, showProblem } from '../layout.js';
import { occupancyChart } from '../chart.js';

const me = await initPage({ signIn: true, roles: ['admin'] });

// By name through elements: a form's own properties (name, title) would hide inputs called that.
const named = (form, name) => form.elements.namedItem(name);
const MAX_CHART_DAYS = 31;

// Stats: the range's figures from one call, and the chart from one call per day (the API's own figures, day by day).

const statsForm = $('[data-stats]');
const kindOrder = { mentor: 0, service: 1, parking_slot: 2 };
const resources = (await all('/api/v1/resources', { auth: false }))
  .sort((a, b) => (kindOrder[a.kind] ?? 9) - (kindOrder[b.kind] ?? 9) || a.name.localeCompare(b.name, undefined, { numeric: true }));
for (const r of resources) statsForm.resourceId.append(h('option', { value: r.id }, `${r.name} (${kindLabels[r.kind] ?? r.kind})`));
statsForm.from.value = addDays(today(), -7);
statsForm.to.value = addDays(today(), 6);

const percent = (ratio) => (ratio === null || ratio === undefined ? '–' : `${(ratio * 100).toFixed(1)}%`);

statsForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const slot = $('[data-stats-error]');
  const result = $('[data-stats-result]');
  clearProblems(statsForm, slot);
  const { value: resourceId } = statsForm.resourceId;
  const from = statsForm.from.value;
  const to = statsForm.to.value;
  await busy(event.submitter, async () => {
    try {
      const params = (f, t) => `/api/v1/stats?resourceId=${encodeURIComponent(resourceId)}&from=${f}&to=${t}`;
      const total = await api(params(from, to));
      const figure = (label, value) => h('div', { class: 'figure' }, h('div', { class: 'muted' }, label), h('div', { class: 'value' }, value));
      const figures = h('div', { class: 'figures' },
        figure('Bookings', total.bookings),
        figure('Occupancy', percent(total.occupancy.ratio)),
        figure('Cancellations', total.cancellations),
        figure('No-shows', total.noShows),
        figure('Completed', total.completed),
        figure('Confirmed', total.confirmed),
        figure('Revenue', total.revenue ? money(total.revenue.amount, total.revenue.currency) : '–'),
        figure('Holds pending', total.pendingHolds));
      const dates = [];
      for (let d = from; d <= to && dates.length < MAX_CHART_DAYS; d = addDays(d, 1)) dates.push(d);
      const perDay = await Promise.all(dates.map((d) => api(params(d, d))));
      const days = perDay.map((s, i) => ({ date: dates[i], ratio: s.occupancy.ratio, cancellations: s.cancellations, noShows: s.noShows }));
      const title = `Occupancy, cancellations and no-shows per day, ${dates[0]} to ${dates[dates.length - 1]}`;
      const table = h('details', {}, h('summary', {}, 'The figures per day'),
        h('div', { class: 'table-wrap' }, h('table', {},
          h('thead', {}, h('tr', {}, ['Date', 'Occupancy', 'Cancellations', 'No-shows', 'Bookings'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, perDay.map((s, i) => h('tr', {}, h('td', {}, dates[i]), h('td', {}, percent(s.occupancy.ratio)), h('td', {}, s.cancellations), h('td', {}, s.noShows), h('td', {}, s.bookings)))))));
      fill(result, figures, h('h3', {}, 'Per day'), occupancyChart(days, title),
        dates.length < (Date.parse(to) - Date.parse(from)) / 86400000 + 1 ? h('p', { class: 'muted' }, `The chart shows the first ${MAX_CHART_DAYS} days.`) : null,
        table);
    } catch (error) {
      showProblem(error, { form: statsForm, slot });
    }
  });
});

// Users and roles.

const usersBody = $('[data-users] tbody');
const usersMore = $('[data-users-more]');
let usersPage = 0;

async function loadUsers() {
  const slot = $('[data-users-error]');
  try {
    const page = await api(`/api/v1/users?page=${++usersPage}&pageSize=50`);
    for (const user of page.items) usersBody.append(userRow(user));
    usersMore.hidden = usersPage * 50 >= page.total;
  } catch (error) {
    showProblem(error, { slot });
  }
}

function userRow(user) {
  const error = errorSlot();
  const role = h('select', { 'aria-label': `Role of ${user.email}`, disabled: user.id === me.id }, ['member', 'provider', 'admin'].map((r) => h('option', { value: r, selected: r === user.role }, r)));
  role.addEventListener('change', () => busy(role, async () => {
    error.textContent = '';
    try {
      const changed = await api(`/api/v1/users/${encodeURIComponent(user.id)}/role`, { method: 'PUT', body: { role: role.value } });
      user.role = changed.role;
      error.className = 'success';
      error.textContent = `Now ${changed.role}.`;
    } catch (problem) {
      role.value = user.role;
      error.className = 'action-error';
      showProblem(problem, { slot: error });
    }
  }));
  return h('tr', {}, h('td', {}, `${user.firstName} ${user.lastName}`), h('td', {}, user.email), h('td', {}, role, error));
}

usersMore.addEventListener('click', () => busy(usersMore, loadUsers));

// Parking sites.

async function loadSites() {
  const sites = await api('/api/v1/sites');
  fill($('[data-sites]'), sites.length === 0 ? h('li', { class: 'muted' }, 'No site yet.') : sites.map((s) => h('li', {},
    h('div', { class: 'title' }, s.name), h('div', { class: 'meta' }, `${s.address ?? ''} · ${s.slotCount} places`),
    h('div', { class: 'actions' }, h('a', { class: 'button secondary', href: `/parking.html?site=${encodeURIComponent(s.id)}` }, 'Open the map')))));
  const target = named($('[data-broadcast]'), 'siteId');
  const current = target.value;
  fill(target, h('option', { value: '' }, 'Everyone'), sites.map((s) => h('option', { value: s.id }, `People with a place at ${s.name}`)));
  target.value = current;
}

const siteForm = $('[data-new-site]');
siteForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const slot = $('[data-site-error]');
  clearProblems(siteForm, slot);
  await busy(event.submitter, async () => {
    try {
      await api('/api/v1/sites', { method: 'POST', body: { name: named(siteForm, 'name').value.trim(), address: named(siteForm, 'address').value.trim() || null, slotCount: Number(named(siteForm, 'slotCount').value) } });
      siteForm.reset();
      await loadSites();
    } catch (error) {
      showProblem(error, { form: siteForm, slot });
    }
  });
});

// Broadcast.

const broadcastForm = $('[data-broadcast]');
broadcastForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const slot = $('[data-broadcast-error]');
  const sent = $('[data-broadcast-sent]');
  sent.hidden = true;
  clearProblems(broadcastForm, slot);
  await busy(event.submitter, async () => {
    try {
      const result = await api('/api/v1/notifications/broadcast', {
        method: 'POST',
        body: { siteId: named(broadcastForm, 'siteId').value || null, title: named(broadcastForm, 'title').value.trim(), message: named(broadcastForm, 'message').value.trim() },
      });
      sent.hidden = false;
      sent.textContent = `Sent to ${result.recipients} ${result.recipients === 1 ? 'person' : 'people'}.`;
    } catch (error) {
      showProblem(error, { form: broadcastForm, slot });
    }
  });
});

await Promise.all([loadUsers(), loadSites()]);
