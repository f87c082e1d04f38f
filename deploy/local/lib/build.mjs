// Compile the server (tsc → dist/) and the gateway's web dashboard (vite).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT, fail, log, run } from './util.mjs';

const VITE_CONFIG = 'apps/gateway/web/vite.config.ts';

export async function build() {
  const started = Date.now();
  await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']).catch((e) =>
    fail(`TypeScript build failed:\n${e.output?.trim() || e.message}`),
  );
  if (existsSync(path.join(ROOT, VITE_CONFIG))) {
    await run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', VITE_CONFIG, '--logLevel', 'warn']).catch((e) =>
      fail(`dashboard build (vite) failed:\n${e.output?.trim() || e.message}`),
    );
  }
  log(`built in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}
