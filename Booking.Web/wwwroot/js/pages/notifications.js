import { api } from '../api.js';
import { $, fill, h } from '../dom.js';
import { when } from '../format.js';
import { busy, errorSlot, initPage, onLive, showProblem } from '../layout.js';

await initPage({ signIn: true });

const list = $('[data-notifications]');
const slot = $('[data-error]');

function item(notification) {
  const error = errorSlot();
  const read = notification.readAt
    ? null
    : h('button', { type: 'button', class: 'secondary', 'aria-label': `Mark "${notification.title}" as read` }, 'Mark as read');
  const li = h('li', { class: notification.readAt ? '' : 'unread', 'data-notification-id': notification.id },
    h('div', { class: 'title' }, notification.title),
    h('div', {}, notification.message),
    h('div', { class: 'meta' }, when(notification.createdAt), notification.readAt ? ' · read' : ' · unread'),
    read ? h('div', { class: 'actions' }, read) : null, error);
  read?.addEventListener('click', () => busy(read, async () => {
    try {
      await api(`/api/v1/notifications/${encodeURIComponent(notification.id)}/read`, { method: 'POST' });
      li.replaceWith(item({ ...notification, readAt: new Date().toISOString() }));
    } catch (problem) {
      showProblem(problem, { slot: error });
    }
  }));
  return li;
}

async function load() {
  try {
    const page = await api('/api/v1/notifications?pageSize=50');
    fill(list, page.items.length === 0 ? h('li', { class: 'muted' }, 'No notifications yet.') : page.items.map(item));
  } catch (error) {
    showProblem(error, { slot });
  }
}

onLive((name, data) => {
  if (name === 'notification' && data.notification) {
    list.querySelector('li.muted')?.remove();
    list.prepend(item(data.notification));
  } else if (name === 'resync') {
    load();
  }
});

await load();
