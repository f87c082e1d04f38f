// One file action of a card (a download, an import): which one is running, its error, and the
// download saved under the gateway's name. A card shows one error at a time: the last action's.
import { useCallback, useState } from 'react';
import { saveFile, type DownloadedFile } from '../../../shared/api/download';
import { isAbort } from '../../../shared/api/client';

export interface FileAction {
  /** the key of the action running, or null */
  busy: string | null;
  error: unknown;
  /** runs `fetch` as `key`, saves the file and hands it to `onSaved` */
  download: <F extends DownloadedFile>(key: string, fetch: () => Promise<F>, onSaved?: (file: F) => void) => Promise<void>;
  setError: (e: unknown) => void;
}

export function useFileAction(): FileAction {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const download = useCallback(async <F extends DownloadedFile>(key: string, fetch: () => Promise<F>, onSaved?: (file: F) => void) => {
    setBusy(key);
    setError(null);
    try {
      const f = await fetch();
      saveFile(f.blob, f.fileName);
      onSaved?.(f);
    } catch (e) {
      if (!isAbort(e)) setError(e);
    } finally {
      setBusy(null);
    }
  }, []);
  return { busy, error, download, setError };
}
