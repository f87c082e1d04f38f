import { Controller, Get, Injectable, Res } from '@nestjs/common';

export type HealthCheck = () => Promise<void>;

/** Checks registered by the modules that own a dependency (database, NATS). */
@Injectable()
export class HealthService {
  private readonly checks = new Map<string, HealthCheck>();

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  async run(): Promise<{ healthy: boolean; checks: Record<string, { ok: boolean; error?: string }> }> {
    const results: Record<string, { ok: boolean; error?: string }> = {};
    await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        try {
          await withTimeout(check(), 2000);
          results[name] = { ok: true };
        } catch (e) {
          results[name] = { ok: false, error: e instanceof Error ? e.message : String(e) };
        }
      }),
    );
    return { healthy: Object.values(results).every((r) => r.ok), checks: results };
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 when the database and NATS answer, 503 otherwise (CONTRACT.md). */
  @Get('health')
  async get(@Res({ passthrough: true }) res: { status(code: number): void }) {
    const result = await this.health.run();
    res.status(result.healthy ? 200 : 503);
    return { status: result.healthy ? 'ok' : 'unavailable', ...result };
  }
}
