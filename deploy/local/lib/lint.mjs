// ESLint over the whole tree (eslint.config.mjs), errors only: npm test runs it before jest,
// so a tree that breaks a rule fails its tests. `npm run lint` shows the warnings too.
import { fail, log, run } from './util.mjs';

export async function lint() {
  const started = Date.now();
  try {
    await run(process.execPath, ['node_modules/eslint/bin/eslint.js', '.', '--quiet']);
  } catch (e) {
    fail(`lint failed (npm run lint shows every finding):\n${e.message}`);
  }
  log(`lint passed in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}
