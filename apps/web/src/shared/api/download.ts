// A file the gateway answers (a decree's PDF, a bank file, a report): fetched with the session's
// token (a plain link cannot send it), read as a blob and saved under the name the gateway gives
// in Content-Disposition. Same error shape as every other call.
import { API_BASE, ApiError, isAbort, parseBody, refused, sessionHooks, type Query } from './client';

export interface DownloadedFile {
  blob: Blob;
  /** the name the gateway offers (Content-Disposition), else `fallback` */
  fileName: string;
  headers: Headers;
}

/** `filename*=UTF-8''…` (RFC 6266) first, then `filename="…"`; null without either. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* a broken encoding: the plain name below */
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/.exec(disposition);
  const name = plain ? (plain[1] ?? plain[2]).replace(/\\(.)/g, '$1') : '';
  // only a name, never a path
  return name ? (name.split(/[\\/]/).pop() ?? null) : null;
}

/** `GET /api/v1<path>?<query>` as a file, with the session's token. */
export async function fetchFile(path: string, query: Query, fallback: string): Promise<DownloadedFile> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const token = sessionHooks().getToken();
  let res: Response;
  try {
    const q = qs.toString();
    res = await fetch(`${API_BASE}${path}${q ? `?${q}` : ''}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new ApiError(0, null);
  }
  if (!res.ok) throw refused(res.status, parseBody(await res.text()), !!token);
  const blob = await res.blob();
  return { blob, fileName: fileNameOf(res.headers.get('Content-Disposition')) ?? fallback, headers: res.headers };
}

/** Hands `blob` to the browser as a download named `name`. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the click starts the download; the URL is kept a little for browsers that read it late
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
