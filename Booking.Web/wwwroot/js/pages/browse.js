import { all } from '../api.js';
import { $, fill, h } from '../dom.js';
import { kindLabels, money } from '../format.js';
import { initPage, showProblem } from '../layout.js';

await initPage();

const form = $('[data-search]');
const results = $('[data-results]');
const count = $('[data-count]');
const slot = $('[data-error]');
const bookableKinds = ['mentor', 'service'];

// The form mirrors the address (?kind=&category=&q=), so a search can be bookmarked and Back works.
const query = new URLSearchParams(location.search);
form.kind.value = query.get('kind') ?? '';
form.q.value = query.get('q') ?? '';

async function search(kind, category, q) {
  const kinds = kind ? [kind] : bookableKinds;
  const lists = await Promise.all(kinds.map((k) => {
    const params = new URLSearchParams({ kind: k });
    if (category) params.set('category', category);
    if (q) params.set('q', q);
    return all(`/api/v1/resources?${params}`, { auth: false });
  }));
  return lists.flat().sort((a, b) => a.name.localeCompare(b.name));
}

async function loadCategories() {
  const everything = await search('', '', '');
  const categories = [...new Set(everything.map((r) => r.category).filter(Boolean))].sort();
  for (const category of categories) form.category.append(h('option', { value: category }, category));
  form.category.value = query.get('category') ?? '';
}

function render(resources) {
  count.textContent = resources.length === 1 ? '1 resource' : `${resources.length} resources`;
  fill(results, resources.map((resource) => h('li', {},
    h('div', { class: 'title' }, resource.name),
    h('div', { class: 'meta' },
      h('span', { class: 'tag' }, kindLabels[resource.kind] ?? resource.kind),
      resource.category ? h('span', { class: 'tag' }, resource.category) : null,
      resource.price != null ? ` ${money(resource.price, resource.currency)}` : null,
      resource.capacity > 1 ? ` · ${resource.capacity} at a time` : null),
    h('div', { class: 'actions' },
      h('a', { class: 'button', href: `/resource.html?id=${encodeURIComponent(resource.id)}`, 'aria-label': `See free slots and book ${resource.name}` },
        'Free slots · Réserver')))));
}

async function run() {
  slot.textContent = '';
  try {
    render(await search(form.kind.value, form.category.value, form.q.value.trim()));
  } catch (error) {
    showProblem(error, { slot });
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const params = new URLSearchParams();
  if (form.kind.value) params.set('kind', form.kind.value);
  if (form.category.value) params.set('category', form.category.value);
  if (form.q.value.trim()) params.set('q', form.q.value.trim());
  history.replaceState(null, '', params.toString() ? `?${params}` : location.pathname);
  run();
});
form.kind.addEventListener('change', () => form.requestSubmit());
form.category.addEventListener('change', () => form.requestSubmit());

try {
  await loadCategories();
} catch (error) {
  showProblem(error, { slot });
}
await run();
