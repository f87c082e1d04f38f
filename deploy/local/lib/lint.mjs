// ESLint over the whole tree (eslint.config.mjs), errors only, then Prettier's check of the code's
// formatting (.prettierrc.json): npm test runs both before jest, so a tree that breaks a rule or
// is not formatted fails its tests. `npm run lint` shows ESLint's warnings too; `npm run format`
// formats the tree.
import { fail, log, run } from './util.mjs';

/** What Prettier formats: the code; documents and data stay as written (.prettierignore). */
export const PRETTIER_FILES = ['apps/**/*.{ts,tsx}', 'libs/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'deploy/**/*.{ts,mjs}', '*.mjs'];

export async function lint() {
  const started = Date.now();
  try {
    await run(process.execPath, ['node_modules/eslint/bin/eslint.js', '.', '--quiet']);
  } catch (e) {
    fail(`lint failed (npm run lint shows every finding):\n${e.message}`);
  }
  try {
    await run(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '--log-level', 'warn', ...PRETTIER_FILES]);
  } catch (e) {
    fail(`formatting differs from Prettier's (npm run format fixes it):\n${e.message}`);
  }
  log(`lint passed in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}
