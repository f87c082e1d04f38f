import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Avatar, Button, Drawer, Grid, Layout, Menu, Tag, Tooltip, Typography, theme, type MenuProps } from 'antd';
import { KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useAgencyName, useSession } from '../shared/session';
import { useI18n } from '../shared/i18n/I18n';
import { hasRole, ROLE_LABEL } from '../shared/roles';
import type { NavItem } from '../shared/routes';
import LanguageSwitch from '../shared/components/LanguageSwitch';
import { navigate, usePathname } from '../shared/router';
import { clearDrafts } from '../shared/forms/useDraft';
import { ChangePasswordDialog } from '../features/auth';
import { NAV } from './features';

const { Header, Sider, Content } = Layout;

/** antd's dark Sider background */
const SIDER_BG = '#001529';

/** The nav item a path belongs to: the longest path that is a prefix of it. */
function selectedKey(items: NavItem[], pathname: string): { key?: string; parent?: string } {
  let best: { key?: string; parent?: string; len: number } = { len: -1 };
  const visit = (list: NavItem[], parent?: string) => {
    for (const it of list) {
      const hit = it.path === '/' ? pathname === '/' : pathname === it.path || pathname.startsWith(`${it.path}/`);
      if (hit && it.path.length > best.len) best = { key: it.key, parent, len: it.path.length };
      if (it.children) visit(it.children, it.key);
    }
  };
  visit(items);
  return best;
}

export default function AppLayout({ children }: { children: ReactNode }) {
  const { t, label } = useI18n();
  const { user, logout } = useSession();
  const agencyName = useAgencyName(user?.agencyCode);
  const pathname = usePathname();
  const { token } = theme.useToken();
  // on narrower screens the header keeps what matters: who is logged in, language, logout
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);

  const visible = useMemo(() => {
    const filter = (list: NavItem[]): NavItem[] =>
      list.filter((it) => hasRole(user?.roles, it.roles)).map((it) => (it.children ? { ...it, children: filter(it.children) } : it));
    return filter(NAV);
  }, [user]);

  const byKey = useMemo(() => {
    const m = new Map<string, NavItem>();
    const walk = (list: NavItem[]) =>
      list.forEach((it) => {
        m.set(it.key, it);
        if (it.children) walk(it.children);
      });
    walk(visible);
    return m;
  }, [visible]);

  const items: MenuProps['items'] = useMemo(() => {
    const toItem = (it: NavItem): NonNullable<MenuProps['items']>[number] =>
      it.children
        ? { key: it.key, icon: it.icon, label: t(it.labelKey), children: it.children.map(toItem) }
        : {
            key: it.key,
            icon: it.icon,
            label: (
              <a href={it.path} onClick={(e) => e.preventDefault()}>
                {t(it.labelKey)}
              </a>
            ),
          };
    return visible.map(toItem);
  }, [visible, t]);

  const { key, parent } = selectedKey(visible, pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(parent ? [parent] : []);
  const effectiveOpen = parent && !openKeys.includes(parent) ? [...openKeys, parent] : openKeys;
  // a phone (under md, 768 px) has no room for a side column: the menu is a drawer behind a button
  const phone = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  // the collapsed column's submenus open as flyouts: they close once the officer has picked a page
  const [flyoutOpen, setFlyoutOpen] = useState<string[]>([]);
  const roles = user?.roles ?? [];

  const menu = (mode: 'drawer' | 'sider') => (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={key ? [key] : []}
      openKeys={mode === 'sider' && collapsed ? flyoutOpen : effectiveOpen}
      onOpenChange={(keys) => (mode === 'sider' && collapsed ? setFlyoutOpen(keys as string[]) : setOpenKeys(keys as string[]))}
      onClick={({ key: k }) => {
        const it = byKey.get(String(k));
        if (!it) return;
        setFlyoutOpen([]);
        setDrawerOpen(false);
        navigate(it.path);
      }}
    />
  );

  return (
    <Layout hasSider={!phone} style={{ minHeight: '100vh' }}>
      {/* the dark column runs the page's full height; the menu inside stays in view while scrolling */}
      {!phone && (
        <div style={{ background: SIDER_BG, flex: 'none' }}>
          <Sider
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            breakpoint="lg"
            width={240}
            aria-label={t('nav.label')}
            style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
          >
            <div className="sigap-brand">
              <img src="/favicon.svg" alt="" />
              {!collapsed && <span>Sigap</span>}
            </div>
            {menu('sider')}
          </Sider>
        </div>
      )}
      {phone && (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={280}
          closable={false}
          styles={{ body: { padding: 0, background: SIDER_BG } }}
          aria-label={t('nav.label')}
        >
          <nav aria-label={t('nav.label')}>
            <div className="sigap-brand">
              <img src="/favicon.svg" alt="" />
              <span>Sigap</span>
            </div>
            {menu('drawer')}
          </nav>
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Header className="sigap-header" style={{ background: token.colorBgContainer, padding: phone ? '0 8px' : undefined }}>
          {phone ? (
            <Button icon={<MenuOutlined aria-hidden />} aria-label={t('nav.open')} onClick={() => setDrawerOpen(true)} />
          ) : (
            <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
              {screens.xxl ? t('app.title') : ''}
            </Typography.Text>
          )}
          <div className="sigap-header-tools">
            <div className="sigap-user" data-testid="current-user">
              <Typography.Text strong ellipsis>
                {user?.displayName || user?.username}
              </Typography.Text>
              <Tooltip title={agencyName}>
                <Typography.Text type="secondary" className="sigap-agency">
                  {user?.agencyCode}
                  {agencyName ? ` · ${agencyName}` : ''}
                </Typography.Text>
              </Tooltip>
            </div>
            {/* one line of tags: the first role, and "+N" naming the others; never a block over the page */}
            {screens.lg && roles.length > 0 && (
              <Tooltip title={roles.map((r) => label(ROLE_LABEL, r)).join(', ')}>
                <div className="sigap-roles" data-testid="current-roles">
                  <Tag color={roles[0] === 'ADMIN' ? 'volcano' : 'green'} style={{ marginInlineEnd: 0 }}>
                    {label(ROLE_LABEL, roles[0])}
                  </Tag>
                  {roles.length > 1 && <Tag style={{ marginInlineEnd: 0 }}>+{roles.length - 1}</Tag>}
                </div>
              </Tooltip>
            )}
            {screens.md && <Avatar icon={<UserOutlined aria-hidden />} style={{ background: token.colorPrimary, flex: 'none' }} />}
            <LanguageSwitch />
            <Tooltip title={t('password.title')}>
              <Button icon={<KeyOutlined aria-hidden />} aria-label={t('password.title')} onClick={() => setChangingPassword(true)} />
            </Tooltip>
            <Button
              icon={<LogoutOutlined aria-hidden />}
              onClick={() => {
                // a shared office PC keeps no one's half-typed personal data after a deliberate logout
                clearDrafts(user?.username);
                logout('manual');
              }}
              aria-label={t('action.logout')}
            >
              {t('action.logout')}
            </Button>
          </div>
        </Header>
        <Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          {user?.mustChangePassword && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('password.mustChange')}
              action={
                <Button size="small" onClick={() => setChangingPassword(true)}>
                  {t('password.title')}
                </Button>
              }
            />
          )}
          {children}
        </Content>
        {changingPassword && <ChangePasswordDialog onClose={() => setChangingPassword(false)} />}
      </Layout>
    </Layout>
  );
}
