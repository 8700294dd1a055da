import { useMemo, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Drawer, Form, Input, Modal, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api, queryString } from '../../api/client';
import type { Page, User } from '../../api/types';
import { useSession } from '../auth/session';
import { feedback } from '../feedback';
import { LedgerImport } from '../components/ledger-import';
import { OrgTreeSelect } from '../components/org-tree';
import { PageContainer } from '../components/page-container';
import { ReasonButton } from '../components/reason-modal';
import { roleKindLabels, useRoles } from './roles';

interface Filters {
  q?: string;
  orgId?: string;
  roleCode?: string;
  status?: 'active' | 'disabled' | 'locked';
}

interface UserForm {
  username: string;
  displayName: string;
  orgId: string;
  title?: string;
  phone?: string;
  roleCodes: string[];
  password: string;
  status: 'active' | 'disabled';
}

/** A password that satisfies the default policy (≥ 12 chars, all four classes) for 重置密码. */
export function generatePassword(length = 12): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#$%&*!?'];
  const all = sets.join('');
  const rand = (n: number) => crypto.getRandomValues(new Uint32Array(1))[0] % n;
  const chars = sets.map((s) => s[rand(s.length)]);
  while (chars.length < length) chars.push(all[rand(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = rand(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

/** Password field with a 随机生成 button (a Form.Item control). */
function PasswordInput({ id, value, onChange }: { id?: string; value?: string; onChange?: (v: string) => void }) {
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input id={id} value={value} onChange={(e) => onChange?.(e.target.value)} autoComplete="new-password" />
      <Button onClick={() => onChange?.(generatePassword())}>随机生成</Button>
    </Space.Compact>
  );
}

function StatusTag({ user }: { user: User }) {
  if (user.locked) return <Tag color="red">已锁定</Tag>;
  if (user.status === 'disabled') return <Tag>已停用</Tag>;
  return <Tag color="green">正常</Tag>;
}

function ResetPasswordButton({ user }: { user: User }) {
  // A fresh proposal each time the dialog opens; the form mounts with it (destroyOnHidden).
  const [proposal, setProposal] = useState<string | null>(null);
  const [form] = Form.useForm<{ password: string }>();
  const reset = useMutation({
    mutationFn: (password: string) => api.post(`/api/users/${user.id}/reset-password`, { password }),
    onSuccess: (_r, password) => {
      setProposal(null);
      feedback.modal?.success({
        title: `已重置 ${user.displayName} 的密码`,
        content: (
          <div>
            新密码：<Typography.Text code copyable>{password}</Typography.Text>
            <div style={{ marginTop: 8 }}>请当面或通过安全渠道告知本人；首次登录时须修改密码。</div>
          </div>
        ),
      });
    },
  });
  return (
    <>
      <Button type="link" size="small" onClick={() => setProposal(generatePassword())}>
        重置密码
      </Button>
      <Modal title={`重置密码：${user.displayName}（${user.username}）`} open={proposal !== null} onCancel={() => setProposal(null)} onOk={() => form.submit()} confirmLoading={reset.isPending} okText="重置" destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ password: proposal }} onFinish={(v) => reset.mutate(v.password)}>
          <Form.Item name="password" label="新密码" rules={[{ required: true, message: '请输入新密码' }, { min: 8, message: '至少8位' }]} extra="重置后该用户的现有会话立即失效，下次登录须修改密码。">
            <PasswordInput />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export default function UsersPage() {
  const { can, me } = useSession();
  const canManage = can('user.manage');
  const queryClient = useQueryClient();
  const roles = useRoles(can('role.read'));
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [form] = Form.useForm<UserForm>();

  const users = useQuery({
    queryKey: ['users', filters, paging],
    queryFn: () => api.get<Page<User>>('/api/users', { ...filters, ...paging }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['users'] });

  const roleName = useMemo(() => new Map((roles.data ?? []).map((r) => [r.code, r])), [roles.data]);
  const roleOptions = (roles.data ?? []).map((r) => ({ value: r.code, label: `${r.name}（${roleKindLabels[r.kind]?.text ?? r.kind}）` }));

  const save = useMutation({
    mutationFn: async (v: UserForm) => {
      if (editing === 'new') {
        return api.post<{ id: string }>('/api/users', { username: v.username, displayName: v.displayName, orgId: v.orgId, title: v.title || null, phone: v.phone || null, roleCodes: v.roleCodes ?? [], password: v.password });
      }
      const u = editing as User;
      return api.put<{ id: string }>(`/api/users/${u.id}`, {
        displayName: v.displayName,
        orgId: v.orgId,
        title: v.title || null,
        ...(v.phone ? { phone: v.phone } : {}),
        roleCodes: v.roleCodes ?? [],
        status: v.status,
        version: u.version,
      });
    },
    onSuccess: async () => {
      feedback.message?.success(editing === 'new' ? '用户已创建' : '已保存');
      setEditing(null);
      await refresh();
    },
  });

  const act = async (p: Promise<unknown>, ok: string) => {
    await p;
    feedback.message?.success(ok);
    await refresh();
  };

  const open = (u: User | 'new') => setEditing(u);
  // The drawer's form is mounted fresh for each opening (destroyOnHidden), starting from these values.
  const initialValues = useMemo<Partial<UserForm>>(() => {
    if (editing === null) return {};
    if (editing === 'new') return { roleCodes: [], password: generatePassword() };
    return { displayName: editing.displayName, orgId: editing.orgId, title: editing.title ?? undefined, roleCodes: editing.roles, status: editing.status === 'disabled' ? 'disabled' : 'active' };
  }, [editing]);

  const isNew = editing === 'new';

  return (
    <PageContainer
      title="用户管理"
      extra={
        <>
          <Button icon={<DownloadOutlined />} href={`/api/ledger/export/users${queryString({ ...filters, format: 'xlsx' })}`}>
            导出Excel
          </Button>
          {canManage && (
          <>
            <LedgerImport entity="users" onDone={(job) => job.status === 'succeeded' && refresh()} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
              新建用户
            </Button>
          </>
          )}
        </>
      }
    >
      <Card styles={{ body: { paddingBottom: 8 } }}>
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={24} md={6}>
            <Input.Search placeholder="用户名、姓名或手机号" allowClear onSearch={(q) => { setFilters((f) => ({ ...f, q: q.trim() || undefined })); setPaging((p) => ({ ...p, page: 1 })); }} />
          </Col>
          <Col xs={24} md={7}>
            <OrgTreeSelect placeholder="所属机构" style={{ width: '100%' }} value={filters.orgId} onChange={(orgId) => { setFilters((f) => ({ ...f, orgId: orgId || undefined })); setPaging((p) => ({ ...p, page: 1 })); }} />
          </Col>
          <Col xs={12} md={5}>
            <Select placeholder="角色" allowClear style={{ width: '100%' }} options={roleOptions} value={filters.roleCode} onChange={(roleCode) => { setFilters((f) => ({ ...f, roleCode })); setPaging((p) => ({ ...p, page: 1 })); }} />
          </Col>
          <Col xs={12} md={4}>
            <Select
              placeholder="状态"
              allowClear
              style={{ width: '100%' }}
              value={filters.status}
              onChange={(status) => { setFilters((f) => ({ ...f, status })); setPaging((p) => ({ ...p, page: 1 })); }}
              options={[
                { value: 'active', label: '正常' },
                { value: 'disabled', label: '已停用' },
                { value: 'locked', label: '已锁定' },
              ]}
            />
          </Col>
          <Col xs={24} md={2}>
            <Tooltip title="刷新">
              <Button icon={<ReloadOutlined />} onClick={() => refresh()} />
            </Tooltip>
          </Col>
        </Row>
        <Table<User>
          rowKey="id"
          size="middle"
          loading={users.isFetching}
          dataSource={users.data?.items ?? []}
          scroll={{ x: 1120 }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: users.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => `共 ${n} 个用户`,
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
          columns={[
            { title: '用户名', dataIndex: 'username', width: 110 },
            {
              title: '姓名',
              dataIndex: 'displayName',
              width: 130,
              render: (n, u) => (
                <div>
                  <div>{n}</div>
                  {u.title && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{u.title}</Typography.Text>}
                </div>
              ),
            },
            { title: '所属机构', dataIndex: 'orgName', width: 150, ellipsis: true },
            { title: '手机号', dataIndex: 'phoneMasked', width: 120, render: (p) => p ?? '—' },
            {
              title: '角色',
              dataIndex: 'roles',
              render: (codes: string[]) =>
                codes.map((c) => {
                  const r = roleName.get(c);
                  return (
                    <Tag key={c} color={r ? roleKindLabels[r.kind]?.color : undefined}>
                      {r?.name ?? c}
                    </Tag>
                  );
                }),
            },
            { title: '状态', key: 'status', width: 80, render: (_, u) => <StatusTag user={u} /> },
            { title: '最近登录', dataIndex: 'lastLoginAt', width: 140, render: (t) => (t ? dayjs(t).format('YYYY-MM-DD HH:mm') : '从未登录') },
            ...(canManage
              ? [
                  {
                    title: '操作',
                    key: 'actions',
                    width: 210,
                    fixed: 'right' as const,
                    render: (_: unknown, u: User) => (
                      <Space size={0} wrap>
                        <Button type="link" size="small" onClick={() => open(u)}>
                          编辑
                        </Button>
                        <ResetPasswordButton user={u} />
                        {u.locked && (
                          <Button type="link" size="small" onClick={() => act(api.post(`/api/users/${u.id}/unlock`), `已解锁 ${u.displayName}`).catch(() => undefined)}>
                            解锁
                          </Button>
                        )}
                        {u.id !== me.user.id && (
                          <ReasonButton type="link" size="small" title={`注销用户：${u.displayName}（${u.username}）`} warning="注销后该账号不能再登录，记录保留并计入审计日志。" okText="确认注销" onConfirm={(reason) => act(api.post(`/api/users/${u.id}/void`, { reason }), `已注销 ${u.displayName}`)}>
                            注销
                          </ReasonButton>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <Drawer
        title={isNew ? '新建用户' : `编辑用户：${(editing as User | null)?.username ?? ''}`}
        open={editing !== null}
        size={520}
        onClose={() => setEditing(null)}
        destroyOnHidden
        extra={
          <Space>
            <Button onClick={() => setEditing(null)}>取消</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
              保存
            </Button>
          </Space>
        }
      >
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="三员分立：系统管理员、安全管理员、审计管理员不能由同一账号兼任，管理员账号不能同时拥有业务角色。" />
        <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => save.mutate(v)} autoComplete="off">
          {isNew && (
            <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }, { pattern: /^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, message: '用户名为3-32位字母、数字、下划线，以字母开头' }]}>
              <Input placeholder="登录用，如 zhangsan" />
            </Form.Item>
          )}
          <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { min: 2, message: '姓名至少2个字' }, { max: 50 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="orgId" label="所属机构" rules={[{ required: true, message: '请选择所属机构' }]}>
            <OrgTreeSelect allowClear={false} />
          </Form.Item>
          <Form.Item name="title" label="职务" rules={[{ max: 50 }]}>
            <Input placeholder="如 所长、科员" />
          </Form.Item>
          <Form.Item
            name="phone"
            label="手机号"
            rules={[{ pattern: /^1\d{10}$/, message: '手机号应为11位数字' }]}
            extra={!isNew && (editing as User | null)?.phoneMasked ? `当前：${(editing as User).phoneMasked}（加密存储；留空则不修改）` : '加密存储，列表中仅显示脱敏号码'}
          >
            <Input maxLength={11} />
          </Form.Item>
          <Form.Item name="roleCodes" label="角色">
            <Select mode="multiple" options={roleOptions} placeholder="选择角色" showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          {isNew ? (
            <Form.Item name="password" label="初始密码" rules={[{ required: true, message: '请设置初始密码' }, { min: 8, message: '至少8位' }]} extra="用户首次登录时须修改密码。">
              <PasswordInput />
            </Form.Item>
          ) : (
            <Form.Item name="status" label="账号状态">
              <Select
                options={[
                  { value: 'active', label: '正常' },
                  { value: 'disabled', label: '停用（不能登录，现有会话立即失效）' },
                ]}
              />
            </Form.Item>
          )}
        </Form>
      </Drawer>
    </PageContainer>
  );
}
