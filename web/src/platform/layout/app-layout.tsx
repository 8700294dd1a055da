import { Suspense, useEffect, useMemo, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { Avatar, Button, Layout, Menu, Skeleton, Space, Tag, Tooltip, Typography, theme, type MenuProps } from 'antd';
import { KeyOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { useSession } from '../auth/session';
import { ChangePasswordModal } from '../auth/change-password';
import { visibleMenu, type MenuGroup } from '../module';
import { adminMenu, indicatorsMenu, workbenchMenu } from '../nav';
import { canSeeIndicators } from '../indicators/access';
import { webModules } from '../../modules';
import { IdleWatcher } from './idle-watcher';

const { Header, Sider, Content } = Layout;

/** The side menu: 工作台, every business line from the module registry, then administration — filtered by permission. */
export function useMenuGroups(): MenuGroup[] {
  const { can } = useSession();
  return useMemo(() => visibleMenu([workbenchMenu, ...(canSeeIndicators(can) ? [indicatorsMenu] : []), ...webModules, ...adminMenu], can), [can]);
}

function toMenuItems(groups: MenuGroup[]): MenuProps['items'] {
  return groups.map((g) => {
    // A group whose only entry has its own name (工作台) is a top-level item, not a submenu.
    if (g.menu.length === 1 && g.menu[0].label === g.label) return { key: g.menu[0].path, icon: g.icon, label: <Link to={g.menu[0].path}>{g.label}</Link> };
    return { key: `group:${g.key}`, icon: g.icon, label: g.label, children: g.menu.map((m) => ({ key: m.path, label: <Link to={m.path}>{m.label}</Link> })) };
  });
}

/** The menu entry a location belongs to: the longest path that is a prefix of it. */
function currentEntry(groups: MenuGroup[], pathname: string) {
  let best: { group: MenuGroup; path: string; label: string } | null = null;
  for (const g of groups)
    for (const m of g.menu) {
      const match = m.path === '/' ? pathname === '/' : pathname === m.path || pathname.startsWith(m.path + '/');
      if (match && (!best || m.path.length > best.path.length)) best = { group: g, path: m.path, label: m.label };
    }
  return best;
}

export function AppLayout() {
  const { me, can, logout } = useSession();
  const groups = useMenuGroups();
  const location = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  const entry = currentEntry(groups, location.pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(() => groups.filter((g) => g.key !== 'workbench').map((g) => `group:${g.key}`));

  useEffect(() => {
    document.title = entry ? `${entry.label} · 法治` : '法治 Fazhi';
  }, [entry?.label]);

  // Someone without the 工作台 (a custom role) starts at the first page they may open.
  if (location.pathname === '/' && !can('workbench.view') && groups[0]) return <Navigate to={groups[0].menu[0].path} replace />;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} trigger={null} width={216} style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}>
        <div style={{ height: 56, display: 'flex', alignItems: 'center', gap: 10, padding: collapsed ? '0 24px' : '0 20px', color: '#fff', cursor: 'pointer' }} onClick={() => navigate('/')}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          {!collapsed && (
            <div style={{ lineHeight: 1.2 }}>
              <div style={{ fontSize: 17, fontWeight: 600, letterSpacing: 2 }}>法治</div>
              <div style={{ fontSize: 11, opacity: 0.65 }}>司法行政业务平台</div>
            </div>
          )}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          items={toMenuItems(groups)}
          selectedKeys={entry ? [entry.path] : []}
          openKeys={collapsed ? undefined : openKeys}
          onOpenChange={setOpenKeys}
        />
      </Sider>
      <Layout>
        <Header style={{ background: token.colorBgContainer, padding: '0 20px', display: 'flex', alignItems: 'center', gap: 12, borderBottom: `1px solid ${token.colorBorderSecondary}`, position: 'sticky', top: 0, zIndex: 10 }}>
          <Button type="text" aria-label={collapsed ? '展开菜单' : '收起菜单'} icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />} onClick={() => setCollapsed(!collapsed)} />
          <Typography.Text type="secondary">{entry ? (entry.group.label === entry.label ? entry.label : `${entry.group.label} / ${entry.label}`) : ''}</Typography.Text>
          <div style={{ flex: 1 }} />
          <Space size={12} data-testid="current-user">
            <Avatar size="small" icon={<UserOutlined />} style={{ background: token.colorPrimary }} />
            <Tooltip title={`用户名：${me.user.username}`}>
              <Typography.Text strong>{me.user.displayName}</Typography.Text>
            </Tooltip>
            <Typography.Text type="secondary">{me.user.orgName}</Typography.Text>
            <span>
              {me.roles.map((r) => (
                <Tag key={r.code} color={r.kind === 'business' ? 'blue' : 'gold'} style={{ marginInlineEnd: 4 }}>
                  {r.name}
                </Tag>
              ))}
            </span>
            <Button size="small" icon={<KeyOutlined />} onClick={() => setChangingPassword(true)}>
              修改密码
            </Button>
            <Button size="small" icon={<LogoutOutlined />} onClick={() => logout()}>
              退出登录
            </Button>
          </Space>
        </Header>
        <Content style={{ padding: 20 }}>
          <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
      <ChangePasswordModal open={changingPassword || me.user.mustChangePassword} forced={me.user.mustChangePassword} onClose={() => setChangingPassword(false)} />
      <IdleWatcher minutes={me.idleTimeoutMinutes} />
    </Layout>
  );
}
