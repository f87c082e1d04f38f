// Splits the test files between the suites `npm test` runs side by side (`--shard=k/n`), so
// each suite takes about the same time: by the duration each file took in the last full run
// on this clone (.data/test-durations.json, written by npm test), else by the figures measured
// when the file below was last refreshed (deploy/local/test-durations.json), else by its size.
// Jest's own sharding splits by a hash of the path, which can put every browser test in one
// suite. Within a suite, the default order stands (the slowest first, failed first).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import TestSequencerModule from '@jest/test-sequencer';

const TestSequencer = TestSequencerModule.default ?? TestSequencerModule;
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');

function knownDurations() {
  for (const file of [path.join(ROOT, '.data', 'test-durations.json'), path.join(ROOT, 'deploy', 'local', 'test-durations.json')]) {
    if (existsSync(file)) {
      try {
        return JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        // a half-written file: the next one
      }
    }
  }
  return {};
}

/** Seconds a file is expected to take: measured, else about one second per 2 KB of compiled test. */
export function expectedSeconds(durations, file) {
  const known = durations[path.relative(ROOT, file)];
  if (typeof known === 'number') return known;
  try {
    return Math.max(0.5, statSync(file).size / 2000);
  } catch {
    return 1;
  }
}

/** Greedy longest-first: each file to the suite with the least work so far. Deterministic. */
export function balance(files, count, seconds) {
  const suites = Array.from({ length: count }, () => ({ total: 0, files: [] }));
  const sorted = [...files].sort((a, b) => seconds(b) - seconds(a) || (a < b ? -1 : 1));
  for (const f of sorted) {
    const lightest = suites.reduce((min, s) => (s.total < min.total ? s : min), suites[0]);
    lightest.total += seconds(f);
    lightest.files.push(f);
  }
  return suites;
}

export default class BalancedSequencer extends TestSequencer {
  shard(tests, { shardIndex, shardCount }) {
    const durations = knownDurations();
    const suites = balance(
      tests.map((t) => t.path),
      shardCount,
      (f) => expectedSeconds(durations, f),
    );
    const mine = new Set(suites[shardIndex - 1].files);
    return tests.filter((t) => mine.has(t.path));
  }
}
