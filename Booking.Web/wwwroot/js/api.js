// The pages' only way to the server: /api/v1 with a bearer token, exactly as any other client calls it.
//
// Tokens: kept in this origin's localStorage (never in a URL or a cookie, so no CSRF), readable only by this origin's
// own scripts (the content security policy allows no other script). The access token lives 15 minutes; it is renewed
// shortly before it expires, or after a 401, with the refresh token. Refresh tokens rotate on every use and reusing an
// old one ends the session, so tabs refresh one at a time under a Web Lock, each first re-reading what another tab may
// have stored meanwhile.

const KEY = 'booking.session';
const EARLY_MS = 30_000;

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The server answered ${status}.`);
    this.status = status;
    this.problem = problem ?? {};
    this.code = problem?.code;
    this.errors = problem?.errors ?? {};
    this.alternatives = problem?.alternatives ?? [];
  }
}

function read() {
  try {
    return JSON.parse(localStorage.getItem(KEY));
  } catch {
    return null;
  }
}

function write(value) {
  if (value) localStorage.setItem(KEY, JSON.stringify(value));
  else localStorage.removeItem(KEY);
}

function store(tokens) {
  write({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: Date.now() + tokens.expiresIn * 1000 });
}

const withLock = (name, run) => (navigator.locks ? navigator.locks.request(name, run) : run());

export const session = {
  get signedIn() {
    return read() !== null;
  },

  /** A valid access token, refreshed when it is about to expire; null when signed out. */
  async accessToken() {
    const current = read();
    if (!current) return null;
    if (Date.now() < current.expiresAt - EARLY_MS) return current.accessToken;
    return this.refresh(current.accessToken);
  },

  /** The stored access token as it is, without refreshing (for a request sent while the page unloads). */
  storedAccessToken() {
    return read()?.accessToken ?? null;
  },

  /** Exchanges the refresh token for a new pair, unless another tab did already; null when the session is over. */
  async refresh(staleAccessToken) {
    return withLock('booking.refresh', async () => {
      const current = read();
      if (!current) return null;
      if (current.accessToken !== staleAccessToken && Date.now() < current.expiresAt - EARLY_MS) return current.accessToken;
      let response;
      try {
        response = await fetch('/api/v1/auth/refresh', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ refreshToken: current.refreshToken }),
        });
      } catch {
        return null; // offline: keep the session, the next call tries again
      }
      if (!response.ok) {
        if (response.status === 400 || response.status === 401) write(null);
        return null;
      }
      store(await response.json());
      return read().accessToken;
    });
  },

  async signIn(email, password) {
    const tokens = await api('/api/v1/auth/login', { method: 'POST', body: { email, password }, auth: false });
    store(tokens);
  },

  async signOut() {
    try {
      if (read()) await api('/api/v1/auth/logout', { method: 'POST' });
    } catch {
      // Signed out here whatever the server says; the tokens are gone from this browser.
    } finally {
      write(null);
    }
  },

  /** Called when the server refuses the session: forget it. */
  forget() {
    write(null);
  },

  /** Runs callback when another tab signs in or out. */
  onChange(callback) {
    window.addEventListener('storage', (event) => {
      if (event.key === KEY && (event.oldValue === null) !== (event.newValue === null)) callback();
    });
  },
};

/**
 * Calls the API. body is sent as JSON; the answer's JSON comes back (null for 204). Refusals throw an ApiError carrying
 * the problem details (detail, code, errors per field, alternatives).
 */
export async function api(path, { method = 'GET', body, auth = true, headers = {}, signal } = {}) {
  const send = async (token) => {
    const all = { Accept: 'application/json, application/problem+json', ...headers };
    if (body !== undefined) all['Content-Type'] = 'application/json';
    if (token) all.Authorization = `Bearer ${token}`;
    try {
      return await fetch(path, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body), signal });
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      throw new ApiError(0, { detail: 'The server cannot be reached. Check your connection and try again.', code: 'network' });
    }
  };

  let token = null;
  if (auth) {
    token = await session.accessToken();
    if (!token) throw new ApiError(401, { detail: 'Please sign in first.', code: 'unauthorized' });
  }
  let response = await send(token);
  if (response.status === 401 && auth) {
    token = await session.refresh(token);
    if (!token) throw new ApiError(401, { detail: 'Your session has ended. Please sign in again.', code: 'unauthorized' });
    response = await send(token);
  }
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  let data = text;
  if (text === '') data = null;
  else if (type.includes('json')) {
    try {
      data = JSON.parse(text);
    } catch {
      data = {};
    }
  }
  if (!response.ok) {
    if (response.status === 401 && auth) session.forget();
    throw new ApiError(response.status, typeof data === 'object' && data !== null ? data : {});
  }
  return data;
}

/** Every page of a paged list ({items, total}), for lists that stay small (demo sites, one user's resources). */
export async function all(path, { auth = true, pageSize = 100 } = {}) {
  const items = [];
  const separator = path.includes('?') ? '&' : '?';
  for (let page = 1; ; page++) {
    const result = await api(`${path}${separator}page=${page}&pageSize=${pageSize}`, { auth });
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) return items;
  }
}
