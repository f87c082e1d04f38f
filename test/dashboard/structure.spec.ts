// The staff dashboard's house rules, checked on its sources (apps/web/src) and on what Vite
// built (dist/web, which `npm test` builds first):
// - pages are imported only by their feature's index (so no page imports another page),
//   shared code imports no feature, a feature reaches another only through its api or labels,
//   and libs/contracts is imported for types only;
// - no class-validator, class-transformer or reflect-metadata code is in the browser bundle;
// - every error code the services answer with has a text in both languages.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const web = path.join(root, 'apps/web/src');

function* files(dir: string, ext: RegExp): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') yield* files(p, ext);
    } else if (ext.test(e.name)) yield p;
  }
}

interface Import {
  spec: string;
  typeOnly: boolean;
}

/** The modules a file imports (static, re-exports and dynamic `import()`), with whether the import is for types only. */
function importsOf(source: string): Import[] {
  const out: Import[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?([^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
    out.push({ spec: m[4], typeOnly: !!m[2] });
  }
  for (const m of source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1], typeOnly: false });
  return out;
}

/** Where a file of apps/web/src sits: app, shared, or a feature and its part (pages, components, api, labels, …). */
function zoneOf(file: string): { area: 'app' | 'shared' | 'feature' | 'root'; feature?: string; part?: string } {
  const [top, feature, part] = path.relative(web, file).split(path.sep);
  // a feature's folder itself (`../features/auth`) is its index
  if (top === 'features') return { area: 'feature', feature, part: part?.replace(/\.tsx?$/, '') ?? 'index' };
  if (top === 'app' || top === 'shared') return { area: top };
  return { area: 'root' };
}

describe('the dashboard (apps/web)', () => {
  const sources = [...files(web, /\.tsx?$/)];

  it('imports pages only in their feature’s index, keeps shared code free of features, crosses features only through api and labels', () => {
    expect(sources.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const file of sources) {
      const from = zoneOf(file);
      const rel = path.relative(web, file);
      for (const imp of importsOf(readFileSync(file, 'utf8'))) {
        if (imp.spec === '@contracts' || imp.spec.startsWith('@contracts/')) {
          if (!imp.typeOnly) problems.push(`${rel}: imports ${imp.spec} for more than types (write \`import type\`)`);
          continue;
        }
        if (!imp.spec.startsWith('.')) continue;
        const target = path.resolve(path.dirname(file), imp.spec);
        const to = zoneOf(target);
        const what = `${rel} imports ${path.relative(web, target)}`;
        if (
          to.area === 'feature' &&
          to.part === 'pages' &&
          !(from.area === 'feature' && from.feature === to.feature && from.part === 'index')
        ) {
          problems.push(`${what}: a page is imported only by its feature's index.tsx (its route)`);
        }
        if (from.area === 'shared' && (to.area === 'feature' || to.area === 'app'))
          problems.push(`${what}: shared code imports no feature and not the app`);
        if (from.area === 'feature' && to.area === 'app') problems.push(`${what}: a feature does not import the app`);
        if (from.area === 'feature' && to.area === 'feature' && from.feature !== to.feature && !['api', 'labels'].includes(to.part ?? '')) {
          problems.push(`${what}: another feature is reached through its api.ts or labels.ts only`);
        }
        if (from.area === 'app' && to.area === 'feature' && !['index', 'i18n'].includes(to.part ?? '')) {
          problems.push(`${what}: the app takes a feature's index and i18n only`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has every page behind a route: each file of features/*/pages is imported by its feature’s index', () => {
    const unrouted: string[] = [];
    for (const page of sources.filter((f) => zoneOf(f).part === 'pages')) {
      const { feature } = zoneOf(page);
      const index = path.join(web, 'features', feature!, 'index.tsx');
      const wanted = `./pages/${path.basename(page).replace(/\.tsx?$/, '')}`;
      if (!existsSync(index) || !importsOf(readFileSync(index, 'utf8')).some((i) => i.spec === wanted))
        unrouted.push(path.relative(web, page));
    }
    expect(unrouted).toEqual([]);
  });

  it('builds a browser bundle with no class-validator, class-transformer or reflect-metadata in it', () => {
    // a marker of each package, found in the package itself (so that its absence below means something)
    const markers: Record<string, { marker: string; dir: string }> = {
      'class-validator': { marker: 'classValidatorMetadataStorage', dir: 'node_modules/class-validator/cjs' },
      'class-transformer': { marker: 'excludeExtraneousValues', dir: 'node_modules/class-transformer/cjs' },
      'reflect-metadata': { marker: 'getOwnMetadataKeys', dir: 'node_modules/reflect-metadata' },
    };
    for (const [pkg, { marker, dir }] of Object.entries(markers)) {
      const found = [...files(path.join(root, dir), /\.js$/)].some((f) => readFileSync(f, 'utf8').includes(marker));
      expect([pkg, found]).toEqual([pkg, true]);
    }
    const assets = path.join(root, 'dist/web/assets');
    const bundle = [...files(assets, /\.js$/)];
    expect(bundle.length).toBeGreaterThan(5);
    const leaks: string[] = [];
    for (const file of bundle) {
      const text = readFileSync(file, 'utf8');
      for (const [pkg, { marker }] of Object.entries(markers)) if (text.includes(marker)) leaks.push(`${path.basename(file)}: ${pkg}`);
    }
    expect(leaks).toEqual([]);
  });

  it('has a text in both languages for every error code the services answer with', () => {
    const texts = readFileSync(path.join(web, 'shared/errors/error-texts.ts'), 'utf8');
    // `CODE: ['Indonesian', 'English'],` on one line or, wrapped by Prettier, on several; either quote
    const text = `(?:'(?:[^'\\\\]|\\\\.)+'|"(?:[^"\\\\]|\\\\.)+")`;
    const entry = new RegExp(`^\\s+([A-Z][A-Z0-9_]+): \\[\\s*${text},\\s*${text},?\\s*\\],$`, 'gm');
    const known = new Set([...texts.matchAll(entry)].map((m) => m[1]));
    const codes = new Map<string, string>();
    const servers = ['apps', 'libs'].flatMap((d) =>
      readdirSync(path.join(root, d)).flatMap((p) =>
        existsSync(path.join(root, d, p, 'src')) ? [...files(path.join(root, d, p, 'src'), /\.ts$/)] : [],
      ),
    );
    for (const file of servers.filter((f) => !/\.spec\.ts$/.test(f) && !f.startsWith(path.join(root, 'apps/web')))) {
      const text = readFileSync(file, 'utf8');
      const name = path.basename(file);
      const found: string[] = [];
      // the enums of codes (apps/*/src/**/*error*.ts)
      if (/error/i.test(name)) found.push(...[...text.matchAll(/^\s+\w+ = '([A-Z][A-Z0-9_]+)',?$/gm)].map((m) => m[1]));
      // codes thrown without an enum: new DomainError('KIND', 'CODE', …), 'CODE' as XErrorCode
      found.push(...[...text.matchAll(/DomainError\(\s*'[A-Z_]+',\s*'([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1]));
      found.push(...[...text.matchAll(/'([A-Z][A-Z0-9_]+)' as \w*ErrorCode/g)].map((m) => m[1]));
      // the error bodies the HTTP layer writes itself (unknown route, HTTP statuses without a code of their own)
      if (/filter|errors?\.ts$/.test(name)) {
        found.push(...[...text.matchAll(/code: '([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1]));
        found.push(...[...text.matchAll(/\d{3}: '([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1]));
      }
      for (const c of found) if (!codes.has(c)) codes.set(c, path.relative(root, file));
    }
    // the codes the security work adds (issue 9), before they reach the tree
    for (const c of ['PASSWORD_CHANGE_REQUIRED', 'AGENCY_OUT_OF_SCOPE', 'ROLE_REQUIRED']) if (!codes.has(c)) codes.set(c, 'issue 9');
    expect(codes.size).toBeGreaterThan(60);
    const missing = [...codes]
      .filter(([c]) => !known.has(c))
      .map(([c, file]) => `${c} (${file}): add a line to apps/web/src/shared/errors/error-texts.ts`);
    expect(missing).toEqual([]);
  });
});
