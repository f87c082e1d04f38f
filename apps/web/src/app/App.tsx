import { Suspense, useEffect, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, Result } from 'antd';
import idID from 'antd/locale/id_ID';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/id';
import { LanguageProvider, useI18n } from '../shared/i18n/I18n';
import { SessionProvider, useSession } from '../shared/session';
import { matchPath, navigate, usePathname, useSearch } from '../shared/router';
import { hasRole } from '../shared/roles';
import type { AppRoute } from '../shared/routes';
import ErrorBoundary from '../shared/components/ErrorBoundary';
import { PageLoading } from '../shared/components/PageLoading';
import { ChangePasswordPage, LoginPage } from '../features/auth';
import { PUBLIC_ROUTES, ROUTES } from './features';
import { TEXTS } from './texts';
import AppLayout from './AppLayout';

export default function App() {
  return (
    <LanguageProvider texts={TEXTS}>
      <Themed>
        <SessionProvider>
          <Shell />
        </SessionProvider>
      </Themed>
    </LanguageProvider>
  );
}

function Themed({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  dayjs.locale(lang === 'id' ? 'id' : 'en');
  return (
    <ConfigProvider locale={lang === 'id' ? idID : enUS} theme={{ token: { colorPrimary: '#0b6e4f', borderRadius: 6 } }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** Goes elsewhere once rendered (navigation is a side effect, never part of a render). */
function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

/** Only same-origin paths are followed after login. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

function Shell() {
  const pathname = usePathname();
  const search = useSearch();
  const { user } = useSession();
  const { t } = useI18n();

  const match = (routes: AppRoute[]) =>
    routes.map((r) => ({ route: r, params: matchPath(r.path, pathname) })).find((m) => m.params !== null);
  const publicPage = match(PUBLIC_ROUTES);
  const found = publicPage ?? match(ROUTES);
  const title = pathname === '/login' ? t('login.title') : found ? t(found.route.titleKey) : t('notFound.title');
  useEffect(() => {
    document.title = `${title} · Sigap`;
  }, [title]);

  if (publicPage) {
    return (
      <ErrorBoundary key={pathname}>
        <Suspense fallback={<PageLoading />}>{publicPage.route.render(publicPage.params!)}</Suspense>
      </ErrorBoundary>
    );
  }
  if (pathname === '/login') {
    if (user) return <Redirect to={safeNext(search.get('next'))} />;
    return <LoginPage />;
  }
  if (!user) {
    const here = pathname + window.location.search;
    return <Redirect to={here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`} />;
  }
  // a temporary password (a new account, an admin's reset) opens nothing but its own change
  if (user.mustChangePassword) return <ChangePasswordPage />;
  if (found?.route.redirect) return <Redirect to={found.route.redirect} />;

  let content: ReactNode;
  if (!found) {
    content = <Result status="404" title={t('notFound.title')} subTitle={t('notFound.text')} />;
  } else if (!hasRole(user.roles, found.route.roles)) {
    content = <Result status="403" title={t('forbidden.title')} subTitle={t('forbidden.text')} />;
  } else {
    content = found.route.render(found.params!);
  }
  return (
    <AppLayout>
      <ErrorBoundary key={pathname}>
        <Suspense fallback={<PageLoading />}>{content}</Suspense>
      </ErrorBoundary>
    </AppLayout>
  );
}
