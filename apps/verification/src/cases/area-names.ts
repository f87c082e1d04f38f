import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { loadAreaIndex, type AreaIndex } from '#domain';

/**
 * The official area list (desa and kecamatan names, libs/domain's AreaIndex), loaded once at
 * start so that a task says where it is by name and the cases list is searched by desa.
 * Until it has loaded (or if it failed), views carry codes and no names.
 */
@Injectable()
export class AreaNames implements OnModuleInit {
  private readonly log = new Logger('area-names');
  private loaded?: AreaIndex;

  onModuleInit(): void {
    // not awaited: the service answers while the list loads (under a second)
    loadAreaIndex().then(
      (a) => (this.loaded = a),
      (e: unknown) => this.log.warn(`the area list did not load: ${e instanceof Error ? e.message : String(e)}`),
    );
  }

  /** the list, once loaded */
  get index(): AreaIndex | undefined {
    return this.loaded;
  }

  /** the list, waiting for it (a search by place name needs it) */
  async ready(): Promise<AreaIndex> {
    return (this.loaded ??= await loadAreaIndex());
  }
}
