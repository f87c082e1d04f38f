// A small history router: the dashboard needs paths, links, params and the back button, and
// nothing more. Each feature declares its routes (features/*/index.tsx).
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
window.addEventListener('popstate', notify);

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Asked before every in-app navigation: false holds it (a dirty form asks the officer first, then calls `navigate(to, { force: true })`). */
type Guard = (to: string) => boolean;
let guard: Guard | null = null;

/** Sets (or with null, clears) the one navigation guard; returns a function that clears it if it is still this one. */
export function setNavigationGuard(next: Guard | null): () => void {
  guard = next;
  return () => {
    if (guard === next) guard = null;
  };
}

/** Goes to `to` (a path within the app); `replace` keeps the back button off the old entry; `force` passes the guard. */
export function navigate(to: string, opts: { replace?: boolean; force?: boolean } = {}): void {
  if (to === window.location.pathname + window.location.search) return;
  if (!opts.force && guard && !guard(to)) return;
  window.history[opts.replace ? 'replaceState' : 'pushState'](null, '', to);
  window.scrollTo(0, 0);
  notify();
}

/** The current path (without the query). */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** The current query string, parsed. */
export function useSearch(): URLSearchParams {
  const search = useSyncExternalStore(subscribe, () => window.location.search);
  return new URLSearchParams(search);
}

export type Params = Record<string, string>;

/**
 * Matches `/intake/applications/:id` style patterns; a trailing `/*` matches the rest.
 * Returns the params, or null when the path does not match.
 */
export function matchPath(pattern: string, pathname: string): Params | null {
  const norm = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p);
  const pat = norm(pattern).split('/');
  const parts = norm(pathname).split('/');
  const params: Params = {};
  for (let i = 0; i < pat.length; i++) {
    const seg = pat[i];
    if (seg === '*') {
      params['*'] = parts.slice(i).join('/');
      return params;
    }
    if (i >= parts.length) return null;
    if (seg.startsWith(':')) {
      if (!parts[i]) return null;
      params[seg.slice(1)] = decodeURIComponent(parts[i]);
    } else if (seg !== parts[i]) {
      return null;
    }
  }
  return pat.length === parts.length ? params : null;
}

/** An `<a>` that navigates within the app (a modified click still opens a new tab). */
export function Link({ to, onClick, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
