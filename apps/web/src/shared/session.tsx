// The staff session: the token lives in sessionStorage (gone when the tab closes), ends at
// its expiry, on logout, and on any 401 from the API.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, configureApi } from './api/client';
import { navigate } from './router';

// The gateway's own answers (apps/gateway/src/auth/login/login.request.dto.ts,
// apps/gateway/src/agencies): not in libs/contracts yet, so declared here as far as read.

/** The logged-in staff member, as `POST /auth/login` and `GET /auth/me` answer. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  agencyCode: string;
  roles: string[];
  /** set for a new account or after an admin reset: the user must choose a password before anything else */
  mustChangePassword?: boolean;
}

interface LoginResponse {
  accessToken: string;
  expiresIn: number;
  user: SessionUser;
}

/** One agency of `GET /agencies`. */
export interface Agency {
  code: string;
  name: string;
  areaCode: string;
  level: string;
}

const STORAGE_KEY = 'sigap.session';

interface Session {
  accessToken: string;
  expiresAt: number;
  user: SessionUser;
}

/** Why the session ended, shown on the login page. */
export type LogoutReason = 'manual' | 'expired' | 'passwordChanged';

function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    if (!s?.accessToken || !s.user || !(s.expiresAt > Date.now())) return null;
    return s;
  } catch {
    return null;
  }
}

function saveSession(s: Session | null): void {
  try {
    if (s) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(s));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    /* storage blocked: the session lasts as long as the page */
  }
}

interface SessionState {
  user: SessionUser | null;
  login: (username: string, password: string) => Promise<void>;
  logout: (reason?: LogoutReason) => void;
  /** set when the last session ended by itself (expired token or a 401) */
  endedReason: LogoutReason | null;
  /** the agencies sharing this installation, loaded once logged in */
  agencies: Agency[];
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [endedReason, setEndedReason] = useState<LogoutReason | null>(null);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const sessionRef = useRef(session);
  sessionRef.current = session;

  const logout = useCallback((reason: LogoutReason = 'manual') => {
    if (!sessionRef.current) return;
    sessionRef.current = null;
    saveSession(null);
    setSession(null);
    setAgencies([]);
    setEndedReason(reason === 'manual' ? null : reason);
    const here = window.location.pathname + window.location.search;
    navigate(reason !== 'expired' || here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`, { replace: true });
  }, []);

  // Installed during render, not in an effect, so the first requests of child pages
  // already carry the token.
  configureApi({
    getToken: () => sessionRef.current?.accessToken ?? null,
    onUnauthorized: () => logout('expired'),
    // the gateway refuses everything but the change of a temporary password: lead the user there
    onPasswordChangeRequired: () => {
      const s = sessionRef.current;
      if (!s || s.user.mustChangePassword) return;
      const next = { ...s, user: { ...s.user, mustChangePassword: true } };
      sessionRef.current = next;
      saveSession(next);
      setSession(next);
    },
  });

  const login = useCallback(async (username: string, password: string) => {
    const res = await api.post<LoginResponse>('/auth/login', { username, password }, { auth: false });
    const expiresIn = typeof res.expiresIn === 'number' && res.expiresIn > 0 ? res.expiresIn : 3600;
    const s: Session = { accessToken: res.accessToken, expiresAt: Date.now() + expiresIn * 1000, user: res.user };
    sessionRef.current = s;
    saveSession(s);
    setEndedReason(null);
    setSession(s);
  }, []);

  useEffect(() => {
    if (!session) return;
    const t = setTimeout(() => logout('expired'), Math.max(0, session.expiresAt - Date.now()));
    return () => clearTimeout(t);
  }, [session, logout]);

  const temporary = !!session?.user.mustChangePassword;
  useEffect(() => {
    // a temporary password opens nothing but its own change (403 PASSWORD_CHANGE_REQUIRED)
    if (!session || temporary) return;
    const ctrl = new AbortController();
    api
      .get<Agency[]>('/agencies', undefined, ctrl.signal)
      .then((a) => setAgencies(Array.isArray(a) ? a : []))
      .catch(() => {
        /* the header falls back to the agency code */
      });
    return () => ctrl.abort();
  }, [session, temporary]);

  const value = useMemo<SessionState>(
    () => ({ user: session?.user ?? null, login, logout, endedReason, agencies }),
    [session, login, logout, endedReason, agencies],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The agency's name for a code, or undefined while the list is loading or unknown. */
export function useAgencyName(code: string | undefined): string | undefined {
  const { agencies } = useSession();
  return code ? agencies.find((a) => a.code === code)?.name : undefined;
}
