import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Logger, Module, type OnModuleInit } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';

/** Where `npm run build:web` puts the staff dashboard: `dist/web`, beside `dist/apps`. */
export const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../web');

/**
 * Paths that are never the dashboard's pages, so a miss there stays a 404 instead of
 * becoming index.html: the API (and its docs), health, metrics, and build assets (a stale
 * tab asking for an old chunk must get a 404, not HTML it would try to run as JavaScript).
 */
export const NOT_DASHBOARD = /^\/(api|health|metrics|assets)(\/|$)/;

/**
 * Only what the dashboard needs: its own scripts, antd's runtime <style> tags (CSS-in-JS,
 * hence 'unsafe-inline' for styles only), and calls back to this origin.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** How long a browser may reuse the dashboard's HTML without asking again. */
export const HTML_MAX_AGE_S = 60;

interface HeaderRes {
  setHeader(name: string, value: string): void;
}

function setHeaders(res: HeaderRes, file: string): void {
  // Vite names assets by content hash: cache them for good. index.html (and the SPA
  // fallback, which is index.html) is kept a short while only, then revalidated (ETag), so a
  // new build is picked up within HTML_MAX_AGE_S; the page itself names its hashed assets.
  const hashed = file.includes(`${path.sep}assets${path.sep}`);
  res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : `public, max-age=${HTML_MAX_AGE_S}, must-revalidate`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (file.endsWith('.html')) {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'same-origin');
  }
}

/**
 * Serves the staff dashboard (apps/web, built to dist/web) at `/`, with every other
 * GET path outside the API falling back to index.html so that `/login`, `/admin/users` or
 * `/status` open the app's own page. Plain Express handlers registered after the API's
 * routes: public static files, outside the API's guards, and never in front of an API route.
 */
@Module({
  imports: [
    ServeStaticModule.forRoot({
      rootPath: WEB_ROOT,
      exclude: NOT_DASHBOARD,
      serveStaticOptions: { index: 'index.html', redirect: false, dotfiles: 'ignore', setHeaders },
    }),
  ],
})
export class WebModule implements OnModuleInit {
  private readonly logger = new Logger('WebModule');

  onModuleInit(): void {
    if (!existsSync(path.join(WEB_ROOT, 'index.html'))) {
      this.logger.warn(`the staff dashboard is not built (no ${WEB_ROOT}/index.html): run \`npm run build:web\``);
    }
  }
}
