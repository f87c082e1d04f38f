// The staff dashboard: a React app built to <repo>/dist/web and served by the gateway at `/`
// (apps/gateway/src/web/web.module.ts). `npm run build:web` builds it; for development,
// `npx vite --config apps/gateway/web/vite.config.ts` serves it with the API proxied to a
// running gateway (SIGAP_GATEWAY_URL, default http://127.0.0.1:8080).
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = path.dirname(fileURLToPath(import.meta.url));
const gateway = process.env.SIGAP_GATEWAY_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.resolve(root, '../../../dist/web'),
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
