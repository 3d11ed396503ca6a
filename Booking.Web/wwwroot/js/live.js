// Server push: GET /api/v1/live is a text/event-stream. It is read with fetch rather than EventSource because
// EventSource cannot send an Authorization header, and a token must never travel in a URL. The stream ends when the
// access token expires; the page then reconnects with a fresh token. After any gap it asks the page to re-read its
// state ("resync"), since events published meanwhile were not received. Reconnection is not polling: nothing is
// requested while the stream is open.

import { session } from './api.js';

const MAX_BACKOFF_MS = 15_000;

/**
 * Opens the live stream. topics: { siteId, date } (both optional). onEvent(name, data) gets notification, unread,
 * slots, resync; onState(state) gets 'connecting', 'live', 'offline'. Returns { close(), reopen(topics) }.
 */
export function openLive(topics, onEvent, onState = () => {}) {
  let controller = null;
  let closed = false;
  let current = topics ?? {};
  let attempt = 0;
  let timer = null;

  const url = () => {
    const query = new URLSearchParams();
    if (current.siteId && current.date) {
      query.set('siteId', current.siteId);
      query.set('date', current.date);
    }
    const text = query.toString();
    return text ? `/api/v1/live?${text}` : '/api/v1/live';
  };

  async function connect(resyncOnReady) {
    if (closed) return;
    controller = new AbortController();
    onState('connecting');
    let token = await session.accessToken();
    if (!token) {
      onState('offline');
      return;
    }
    let response;
    try {
      response = await fetch(url(), { headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` }, signal: controller.signal, cache: 'no-store' });
      if (response.status === 401) {
        token = await session.refresh(token);
        if (!token) {
          onState('offline');
          return;
        }
        response = await fetch(url(), { headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` }, signal: controller.signal, cache: 'no-store' });
      }
      if (!response.ok || !response.body) throw new Error(`live stream answered ${response.status}`);
      await read(response.body, resyncOnReady);
      attempt = 0; // ended by the server (token expiry, restart): come back at once
    } catch (error) {
      if (closed || error.name === 'AbortError') return;
      attempt++;
    }
    if (closed) return;
    onState('connecting');
    const delay = attempt === 0 ? 0 : Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (attempt - 1));
    timer = setTimeout(() => connect(true), delay);
  }

  async function read(body, resyncOnReady) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value.replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let name = 'message';
        const data = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) name = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        if (name === 'ping') continue;
        if (name === 'ready') {
          onState('live');
          if (resyncOnReady) onEvent('resync', {});
          continue;
        }
        let parsed = {};
        try {
          parsed = data.length ? JSON.parse(data.join('\n')) : {};
        } catch {
          continue;
        }
        onEvent(name, parsed);
      }
    }
  }

  connect(false);
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      controller?.abort();
    },
    /** Watches other topics (another site or date): a new stream, and the page re-reads what it shows. */
    reopen(topics) {
      current = topics ?? {};
      clearTimeout(timer);
      controller?.abort();
      attempt = 0;
      connect(false);
    },
  };
}
