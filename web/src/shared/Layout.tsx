import { useMutation } from '@tanstack/react-query';
import { Button, Layout as AntLayout, Menu, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { api } from './api';
import { useI18n } from './i18n';
import { NotificationBell } from './NotificationBell';
import { PasswordChange } from './PasswordChange';
import { useCan } from './page';
import { useSession } from './session';

const { Header, Sider, Content } = AntLayout;

// The areas of the system (the bulletin's only for its editors).
const NAV = [
  { key: '/', label: 'nav.overview' },
  {
    key: 'register',
    label: 'nav.register',
    children: ['/projects', '/programs', '/organizations', '/facilities'],
  },
  { key: '/appraisal', label: 'nav.appraisal' },
  { key: '/plan', label: 'nav.plan' },
  { key: '/execution', label: 'nav.execution' },
  { key: '/reports', label: 'nav.reports' },
  { key: '/clusters', label: 'nav.clusters' },
  { key: '/cluster-reports', label: 'nav.clusterReports' },
  { key: '/bulletin', label: 'nav.bulletin' },
  { key: '/reference', label: 'nav.reference' },
];

const CHILD_LABEL: Record<string, string> = {
  '/projects': 'nav.projects',
  '/programs': 'nav.programs',
  '/organizations': 'nav.organizations',
  '/facilities': 'nav.facilities',
};

export function Layout() {
  const { t, lang, setLang } = useI18n();
  const { session, refresh } = useSession();
  // A logout that fails (the line down) says so (FailureMessages).
  const logout = useMutation({ mutationFn: () => api.logout(), onSuccess: () => refresh() });
  const can = useCan();
  const location = useLocation();
  // On a phone the menu is a drawer-like column that closes after a choice.
  const [narrow, setNarrow] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const selected = '/' + (location.pathname.split('/')[1] ?? '');
  const nav = [
    ...NAV.slice(0, 2),
    ...(can('read_rounds') && !can('score') ? [{ key: '/intake', label: 'nav.intake' }] : []),
    NAV[2],
    ...(can('score') ? [{ key: '/scoring', label: 'nav.scoring' }] : []),
    ...NAV.slice(3, 5),
    ...(can('read_places')
      ? [
          { key: '/products', label: 'nav.products' },
          { key: '/fairs', label: 'nav.fairs' },
          { key: '/chains', label: 'nav.chains' },
        ]
      : []),
    ...(can('read_rounds') ? [{ key: '/selection', label: 'nav.selection' }] : []),
    ...(can('read_petitions') ? [{ key: '/petitions', label: 'nav.petitions' }] : []),
    ...NAV.slice(5).filter((n) => n.key !== '/bulletin' || can('edit_bulletin')),
    ...(can('write_projects') || can('write_places')
      ? [{ key: '/import', label: 'nav.import' }]
      : []),
    ...(can('read_audit') ? [{ key: '/audit', label: 'nav.audit' }] : []),
    ...(can('manage_users') ? [{ key: '/users', label: 'nav.users' }] : []),
  ];
  const items = nav.map((n) =>
    n.children
      ? {
          key: n.key,
          label: t(n.label),
          children: n.children.map((c) => ({
            key: c,
            label: <Link to={c}>{t(CHILD_LABEL[c])}</Link>,
          })),
        }
      : { key: n.key, label: <Link to={n.key}>{t(n.label)}</Link> },
  );
  return (
    <AntLayout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <Header className="app-header">
        <Space>
          {narrow && (
            <Button
              aria-label={t('menu')}
              aria-expanded={!collapsed}
              onClick={() => setCollapsed(!collapsed)}
            >
              ☰
            </Button>
          )}
          <Typography.Text className="app-name">{t('app')}</Typography.Text>
        </Space>
        <Space wrap className="app-user">
          <Typography.Text className="app-user-name" data-testid="user-menu">
            {session?.user.display_name} ({t(`role.${session?.user.role}`)})
          </Typography.Text>
          <NotificationBell />
          <PasswordChange />
          <Button loading={logout.isPending} onClick={() => logout.mutate()}>
            {t('logout')}
          </Button>
          <Button onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>{t('language')}</Button>
        </Space>
      </Header>
      <AntLayout>
        <Sider
          width={230}
          theme="light"
          breakpoint="lg"
          collapsedWidth={0}
          collapsed={collapsed}
          trigger={null}
          onBreakpoint={(broken) => {
            setNarrow(broken);
            setCollapsed(broken);
          }}
        >
          <nav aria-label={t('menu')}>
            <Menu
              mode="inline"
              selectedKeys={[selected]}
              defaultOpenKeys={['register']}
              items={items}
              onClick={() => narrow && setCollapsed(true)}
            />
          </nav>
        </Sider>
        <Content id="main" className="app-content">
          <Outlet />
        </Content>
      </AntLayout>
    </AntLayout>
  );
}
