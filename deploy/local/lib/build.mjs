// Compile the server (tsc → dist/) and the staff dashboard, apps/web (type check, then vite).
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT, fail, log, run } from './util.mjs';

const WEB = 'apps/web';
const VITE_CONFIG = `${WEB}/vite.config.ts`;
const DIST = path.join(ROOT, 'dist');
// what tsconfig.json includes, in the form tsc mirrors into dist/
const SOURCE_ROOTS = ['apps', 'libs', 'test', 'bench', 'deploy'];

function* walk(dir, skip = () => false) {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!skip(p)) yield* walk(p, skip);
    } else yield p;
  }
}

// the dashboard (apps/web) is not compiled by tsc into dist/: vite builds it into dist/web
const isSource = (p) => p.endsWith('.ts') && !p.endsWith('.d.ts') && !p.startsWith(path.join(ROOT, WEB) + path.sep);
const skipDir = (p) => p === path.join(ROOT, WEB) || /(^|\/)node_modules$/.test(p);

/**
 * tsc's incremental build trusts dist/.tsbuildinfo: an output deleted by hand is not emitted
 * again. Any source without its .js means the build info lies, so forget it.
 */
function outputsMissing() {
  for (const root of SOURCE_ROOTS) {
    for (const src of walk(path.join(ROOT, root), skipDir)) {
      if (isSource(src) && !existsSync(path.join(DIST, path.relative(ROOT, src)).replace(/\.ts$/, '.js'))) return true;
    }
  }
  return false;
}

/**
 * tsc never deletes the output of a deleted source; a removed spec would still run in jest
 * and a removed migration still run. Remove compiled files whose source map points at a
 * TypeScript file that no longer exists.
 */
function removeOrphans() {
  let removed = 0;
  for (const root of SOURCE_ROOTS) {
    for (const map of walk(path.join(DIST, root))) {
      if (!map.endsWith('.js.map')) continue;
      let sources;
      try {
        sources = JSON.parse(readFileSync(map, 'utf8')).sources ?? [];
      } catch {
        continue;
      }
      const ts = sources.map((s) => path.resolve(path.dirname(map), s)).filter((s) => s.endsWith('.ts'));
      if (ts.length && ts.every((s) => !existsSync(s))) {
        rmSync(map);
        rmSync(map.replace(/\.map$/, ''), { force: true });
        removed++;
      }
    }
  }
  return removed;
}

async function tsc() {
  await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']).catch((e) =>
    fail(`TypeScript build failed:\n${e.output?.trim() || e.message}`),
  );
}

export async function build() {
  // for iterating on one part while another is mid-edit: build it yourself, then run the tests
  if (process.env.SIGAP_SKIP_BUILD === '1') return log('SIGAP_SKIP_BUILD=1: using dist/ as it is');
  const started = Date.now();
  const removed = removeOrphans();
  if (removed) log(`removed ${removed} compiled file(s) whose source is gone`);
  if (outputsMissing()) rmSync(path.join(DIST, '.tsbuildinfo'), { force: true });
  await tsc();
  if (existsSync(path.join(ROOT, VITE_CONFIG))) {
    // vite only strips types: check the dashboard's as tsc checks the server's
    await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', `${WEB}/tsconfig.json`, '--noEmit']).catch((e) =>
      fail(`dashboard type check failed:\n${e.output?.trim() || e.message}`),
    );
    await run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', VITE_CONFIG, '--logLevel', 'warn']).catch((e) =>
      fail(`dashboard build (vite) failed:\n${e.output?.trim() || e.message}`),
    );
  }
  log(`built in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}
