import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, Drawer, Empty, Form, Input, InputNumber, Row, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import type { DataScope, Permission, Policy, Role, RoleKind } from '../../api/types';
import { useSession } from '../auth/session';
import { feedback } from '../feedback';
import { PageContainer } from '../components/page-container';
import { ReasonButton } from '../components/reason-modal';
import { kindAllows, roleKindLabels, rolesQueryKey, usePermissionCatalogue, useRoles } from './roles';

interface RoleForm {
  code: string;
  name: string;
  description?: string;
  kind: RoleKind;
  dataScope: DataScope;
  permissions: string[];
}

/** Permission checkboxes grouped by `group`; those a role of this kind may not hold (三员分立) are disabled. */
function PermissionPicker({ value = [], onChange, catalogue, kind, disabled }: { value?: string[]; onChange?: (v: string[]) => void; catalogue: Permission[]; kind: RoleKind; disabled?: boolean }) {
  const groups = useMemo(() => {
    const m = new Map<string, Permission[]>();
    for (const p of catalogue) m.set(p.group, [...(m.get(p.group) ?? []), p]);
    return [...m.entries()];
  }, [catalogue]);
  const set = new Set(value);
  const toggle = (codes: string[], on: boolean) => {
    const next = new Set(value);
    for (const c of codes) on ? next.add(c) : next.delete(c);
    onChange?.(catalogue.map((p) => p.code).filter((c) => next.has(c)));
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      {groups.map(([group, perms]) => {
        const allowed = perms.filter((p) => kindAllows(kind, p)).map((p) => p.code);
        const checked = allowed.filter((c) => set.has(c));
        return (
          <Card key={group} size="small" title={group} extra={
            <Checkbox disabled={disabled || !allowed.length} checked={allowed.length > 0 && checked.length === allowed.length} indeterminate={checked.length > 0 && checked.length < allowed.length} onChange={(e) => toggle(allowed, e.target.checked)}>
              全选
            </Checkbox>
          }>
            <Row gutter={[8, 8]}>
              {perms.map((p) => {
                const ok = kindAllows(kind, p);
                const box = (
                  <Checkbox disabled={disabled || !ok} checked={set.has(p.code)} onChange={(e) => toggle([p.code], e.target.checked)}>
                    {p.label}
                  </Checkbox>
                );
                return (
                  <Col span={12} key={p.code}>
                    {ok ? box : <Tooltip title={`三员分立：${roleKindLabels[kind].text}类角色不能拥有此权限`}>{box}</Tooltip>}
                  </Col>
                );
              })}
            </Row>
          </Card>
        );
      })}
    </Space>
  );
}

function PolicyTab() {
  const [form] = Form.useForm<Policy>();
  const policy = useQuery({ queryKey: ['policy'], queryFn: () => api.get<Policy>('/api/admin/policy') });
  const queryClient = useQueryClient();
  useEffect(() => {
    if (policy.data) form.setFieldsValue(policy.data);
  }, [policy.data, form]);
  const save = useMutation({
    mutationFn: (v: Policy) => api.put('/api/admin/policy', v),
    onSuccess: async () => {
      feedback.message?.success('安全策略已保存');
      await queryClient.invalidateQueries({ queryKey: ['policy'] });
    },
  });
  const num = (name: keyof Policy, label: string, min: number, max: number, unit: string, extra?: string) => (
    <Form.Item name={name} label={label} extra={extra} rules={[{ required: true, message: `请输入${label}` }, { type: 'number', min, max, message: `${label}应在${min}～${max}${unit}之间` }]}>
      <InputNumber min={min} max={max} suffix={unit} style={{ width: 200 }} />
    </Form.Item>
  );
  return (
    <Card loading={policy.isPending} style={{ maxWidth: 720 }}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="等保2.0三级要求：密码不少于8位且包含3类字符；连续登录失败锁定；会话超时不超过30分钟。下限由系统强制。" />
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Row gutter={24}>
          <Col span={12}>{num('minLength', '密码最小长度', 8, 64, '位')}</Col>
          <Col span={12}>{num('minClasses', '至少包含字符类别', 3, 4, '类', '大写字母、小写字母、数字、符号')}</Col>
          <Col span={12}>{num('lockoutThreshold', '连续失败锁定次数', 3, 10, '次')}</Col>
          <Col span={12}>{num('lockoutMinutes', '锁定时长', 5, 1440, '分钟')}</Col>
          <Col span={12}>{num('idleTimeoutMinutes', '会话空闲超时', 5, 30, '分钟')}</Col>
          <Col span={12}>{num('passwordMaxAgeDays', '密码有效期', 30, 365, '天')}</Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存策略
        </Button>
      </Form>
    </Card>
  );
}

function RolesTab() {
  const { can } = useSession();
  const canManage = can('role.manage');
  const queryClient = useQueryClient();
  const roles = useRoles();
  const catalogue = usePermissionCatalogue();
  const [editing, setEditing] = useState<Role | 'new' | null>(null);
  const [form] = Form.useForm<RoleForm>();
  const kind = Form.useWatch('kind', form) ?? (editing && editing !== 'new' ? editing.kind : 'business');
  const scopeLabel = useMemo(() => new Map((catalogue.data?.dataScopes ?? []).map((d) => [d.value, d.label])), [catalogue.data]);
  const permLabel = useMemo(() => new Map((catalogue.data?.permissions ?? []).map((p) => [p.code, p.label])), [catalogue.data]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: rolesQueryKey });

  const save = useMutation({
    mutationFn: (v: RoleForm) =>
      editing === 'new'
        ? api.post('/api/roles', { ...v, description: v.description || null })
        : api.put(`/api/roles/${(editing as Role).id}`, { name: v.name, description: v.description || null, dataScope: v.dataScope, permissions: v.permissions, version: (editing as Role).version }),
    onSuccess: async () => {
      feedback.message?.success(editing === 'new' ? '角色已创建' : '角色已保存');
      setEditing(null);
      await refresh();
    },
  });

  const open = (r: Role | 'new') => setEditing(r);
  // The drawer's form is mounted fresh for each opening (destroyOnHidden), starting from these values.
  const initialValues = useMemo<Partial<RoleForm>>(() => {
    if (editing === null) return {};
    if (editing === 'new') return { kind: 'business', dataScope: 'org', permissions: ['workbench.view'] };
    return { code: editing.code, name: editing.name, description: editing.description ?? undefined, kind: editing.kind, dataScope: editing.dataScope, permissions: editing.permissions };
  }, [editing]);
  const isNew = editing === 'new';
  const readOnly = !canManage;

  return (
    <>
      <Card
        title="角色"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
              新建角色
            </Button>
          )
        }
      >
        <Table<Role>
          rowKey="id"
          size="middle"
          loading={roles.isPending}
          dataSource={roles.data ?? []}
          pagination={false}
          expandable={{
            expandedRowRender: (r) =>
              r.permissions.length ? (
                <Space size={[4, 4]} wrap>
                  {r.permissions.map((p) => (
                    <Tag key={p}>{permLabel.get(p) ?? p}</Tag>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">未分配权限</Typography.Text>
              ),
          }}
          columns={[
            { title: '角色名称', dataIndex: 'name', render: (n, r) => <Space>{n}{r.builtin && <Tag>内置</Tag>}</Space> },
            { title: '代码', dataIndex: 'code', width: 130, render: (c) => <Typography.Text code>{c}</Typography.Text> },
            { title: '类别', dataIndex: 'kind', width: 120, render: (k: RoleKind) => <Tag color={roleKindLabels[k]?.color}>{roleKindLabels[k]?.text ?? k}</Tag> },
            { title: '数据范围', dataIndex: 'dataScope', width: 130, render: (d) => scopeLabel.get(d) ?? d },
            { title: '权限数', key: 'perms', width: 80, render: (_, r) => r.permissions.length },
            { title: '用户数', dataIndex: 'userCount', width: 80 },
            { title: '说明', dataIndex: 'description', ellipsis: true, render: (d) => d ?? '—' },
            {
              title: '操作',
              key: 'actions',
              width: 150,
              render: (_, r) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => open(r)}>
                    {canManage ? '编辑权限' : '查看'}
                  </Button>
                  {canManage && !r.builtin && (
                    <ReasonButton
                      type="link"
                      size="small"
                      title={`停用角色：${r.name}`}
                      warning="仍有用户拥有的角色不能停用。"
                      okText="确认停用"
                      onConfirm={async (reason) => {
                        await api.post(`/api/roles/${r.id}/void`, { reason });
                        feedback.message?.success('角色已停用');
                        await refresh();
                      }}
                    >
                      停用
                    </ReasonButton>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Drawer
        title={isNew ? '新建角色' : `${readOnly ? '查看' : '编辑'}角色：${(editing as Role | null)?.name ?? ''}`}
        open={editing !== null}
        size={640}
        onClose={() => setEditing(null)}
        destroyOnHidden
        extra={
          !readOnly && (
            <Space>
              <Button onClick={() => setEditing(null)}>取消</Button>
              <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
                保存
              </Button>
            </Space>
          )
        }
      >
        <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => save.mutate(v)} disabled={readOnly}>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="name" label="角色名称" rules={[{ required: true, whitespace: true, message: '请输入角色名称' }, { min: 2, message: '至少2个字' }, { max: 50 }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="code" label="角色代码" rules={[{ required: true, message: '请输入角色代码' }, { pattern: /^[a-zA-Z][a-zA-Z0-9_.-]{1,63}$/, message: '角色代码为字母开头的字母数字组合' }]}>
                <Input disabled={!isNew} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="kind" label="类别" extra="三员分立：管理员类角色只能拥有本类权限。">
                <Select
                  disabled={!isNew}
                  options={(Object.keys(roleKindLabels) as RoleKind[]).map((k) => ({ value: k, label: roleKindLabels[k].text }))}
                  onChange={(k: RoleKind) => {
                    const perms = catalogue.data?.permissions ?? [];
                    form.setFieldValue('permissions', (form.getFieldValue('permissions') as string[]).filter((c) => perms.some((p) => p.code === c && kindAllows(k, p))));
                  }}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="dataScope" label="数据范围" rules={[{ required: true, message: '请选择数据范围' }]} extra="该角色可查看哪些机构的业务数据。">
                <Select options={catalogue.data?.dataScopes ?? []} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="description" label="说明" rules={[{ max: 200 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="permissions" label="权限">
            {catalogue.data ? <PermissionPicker catalogue={catalogue.data.permissions} kind={kind} disabled={readOnly} /> : <Empty />}
          </Form.Item>
        </Form>
      </Drawer>
    </>
  );
}

export default function RolesPage() {
  const { can } = useSession();
  return (
    <PageContainer title="角色权限">
      <Tabs
        items={[
          { key: 'roles', label: '角色与权限', children: <RolesTab /> },
          ...(can('policy.manage') ? [{ key: 'policy', label: '安全策略', children: <PolicyTab /> }] : []),
        ]}
      />
    </PageContainer>
  );
}
