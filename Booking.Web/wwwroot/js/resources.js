// Resource names for lists of bookings, each fetched once per page.

import { api } from './api.js';

const cache = new Map();

export function resourceName(id) {
  if (!cache.has(id)) {
    cache.set(id, api(`/api/v1/resources/${encodeURIComponent(id)}`, { auth: false }).then((r) => r.name, () => 'A resource no longer listed'));
  }
  return cache.get(id);
}
