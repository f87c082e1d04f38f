import { Injectable, Logger } from '@nestjs/common';

export type SnapshotListener = (agencyCode: string, snapshotId: string) => Promise<void>;

/**
 * In-process announcement that a registry snapshot became current, for the checks of open
 * cases that read the registry. A listener that fails is logged; the re-check at start (each
 * case remembers the snapshots it was checked against) catches up on the next start.
 */
@Injectable()
export class SnapshotEvents {
  private readonly log = new Logger('registry-snapshots');
  private readonly listeners: SnapshotListener[] = [];

  on(listener: SnapshotListener): void {
    this.listeners.push(listener);
  }

  snapshotActivated(agencyCode: string, snapshotId: string): void {
    for (const l of this.listeners) {
      void l(agencyCode, snapshotId).catch((e: unknown) =>
        this.log.error({ err: e }, `re-checking cases against snapshot ${snapshotId} failed`),
      );
    }
  }
}
