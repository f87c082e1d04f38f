// A multipart upload with its progress: fetch cannot report an upload's progress,
// XMLHttpRequest can. Same token, Idempotency-Key and error shape as every other call.
import { API_BASE, ApiError, newIdempotencyKey, parseBody, refused, sessionHooks } from './client';

export interface Upload<T> {
  done: Promise<T>;
  abort: () => void;
}

/** `POST /api/v1<path>` with `fields` (in order) and then the file, reporting the share sent (0–1). */
export function uploadFile<T>(path: string, fields: Record<string, string>, file: File, onProgress: (fraction: number) => void): Upload<T> {
  const xhr = new XMLHttpRequest();
  const { getToken } = sessionHooks();
  const token = getToken();
  const done = new Promise<T>((resolve, reject) => {
    xhr.open('POST', API_BASE + path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Idempotency-Key', newIdempotencyKey());
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, null));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      const body = parseBody(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(refused(xhr.status, body, !!token));
    };
    const form = new FormData();
    // the gateway reads the fields before the file: they must come first
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
