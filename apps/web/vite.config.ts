// The staff dashboard: a React app built to <repo>/dist/web and served by the gateway at `/`
// (apps/gateway/src/web/web.module.ts). `npm run build:web` builds it; for development,
// `npx vite --config apps/web/vite.config.ts` serves it with the API proxied to a running
// gateway (SIGAP_GATEWAY_URL, default http://127.0.0.1:8080).
//
// The view types come from libs/contracts (`import type … from '@contracts'`): the contract's
// classes carry class-validator, which must never reach the browser. `typeOnlyContracts` fails
// the build when any module of libs/contracts (or class-validator, class-transformer,
// reflect-metadata, Nest) is about to be bundled; test/dashboard/structure.spec.ts checks the
// built files as well.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(root, '../..');
const gateway = process.env.SIGAP_GATEWAY_URL ?? 'http://127.0.0.1:8080';

/** Modules that must never be in the browser bundle. */
const SERVER_ONLY = [
  `${path.join(repo, 'libs', 'contracts')}${path.sep}`,
  ...['class-validator', 'class-transformer', 'reflect-metadata', '@nestjs'].map(
    (p) => `${path.sep}node_modules${path.sep}${p}${path.sep}`,
  ),
];

function typeOnlyContracts(): Plugin {
  return {
    name: 'sigap:type-only-contracts',
    load(id) {
      const file = id.split('?')[0];
      if (SERVER_ONLY.some((p) => file.includes(p))) {
        this.error(
          `${path.relative(repo, file)} would be bundled: the dashboard takes only types from libs/contracts ` +
            "(`import type { … } from '@contracts'`), never its classes or class-validator",
        );
      }
      return null;
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [typeOnlyContracts(), react()],
  resolve: {
    alias: {
      '@contracts': path.join(repo, 'libs/contracts/src/index.ts'),
      '@domain': path.join(repo, 'libs/domain/src'),
    },
  },
  build: {
    outDir: path.join(repo, 'dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    // Pages are lazy chunks; the shared antd + react core is one ~560 kB chunk (~180 kB
    // gzipped), above Vite's 500 kB default warning.
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '/api': gateway,
      '/health': gateway,
      '/metrics': gateway,
    },
  },
});
