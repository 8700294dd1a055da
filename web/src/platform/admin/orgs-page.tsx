import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Empty, Form, Input, InputNumber, Row, Select, Space, Tag, Tree, Typography } from 'antd';
import { ApartmentOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import type { Option, Org, OrgInput } from '../../api/types';
import { useSession } from '../auth/session';
import { feedback } from '../feedback';
import { PageContainer } from '../components/page-container';
import { ReasonButton } from '../components/reason-modal';
import { buildOrgTree, OrgTreeSelect, orgsQueryKey, useOrgs, type OrgNode } from '../components/org-tree';

type Mode = { kind: 'view' } | { kind: 'edit' } | { kind: 'create'; parent: Org | null };

/** Nodes matching the search, with their ancestors so the match stays in place in the tree. */
function filterTree(nodes: OrgNode[], q: string): OrgNode[] {
  if (!q) return nodes;
  return nodes.flatMap((n) => {
    const children = filterTree(n.children, q);
    return n.title.includes(q) || n.org.regionCode.startsWith(q) || children.length ? [{ ...n, children }] : [];
  });
}

const allKeys = (nodes: OrgNode[]): string[] => nodes.flatMap((n) => [n.key, ...allKeys(n.children)]);

function OrgForm({ initial, types, onSubmit, onCancel, busy, editingId }: { initial: Partial<OrgInput>; types: Option[]; onSubmit: (v: OrgInput) => void; onCancel: () => void; busy: boolean; editingId?: string }) {
  const [form] = Form.useForm<OrgInput>();
  useEffect(() => form.setFieldsValue(initial), [form, initial]);
  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={onSubmit} style={{ maxWidth: 640 }}>
      {editingId && (
        <Form.Item name="parentId" label="上级机构">
          <OrgTreeSelect placeholder="无（顶级机构）" exclude={editingId} />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item name="name" label="机构名称" rules={[{ required: true, whitespace: true, message: '请输入机构名称' }, { min: 2, message: '机构名称至少2个字' }, { max: 100 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="shortName" label="简称" rules={[{ max: 20, message: '简称不超过20个字' }]}>
            <Input placeholder="用于文书编号，如“武司”" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="type" label="机构类型" rules={[{ required: true, message: '请选择机构类型' }]}>
            <Select options={types} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="regionCode" label="行政区划代码" rules={[{ required: true, message: '请输入行政区划代码' }, { pattern: /^\d{6}(\d{3}(\d{3})?)?$/, message: '行政区划代码应为6、9或12位数字' }]}>
            <Input maxLength={12} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="population" label="常住人口">
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="sort" label="排序号">
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label="地址" rules={[{ max: 200 }]}>
        <Input />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          保存
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </Space>
    </Form>
  );
}

export default function OrgsPage() {
  const { can } = useSession();
  const canManage = can('org.manage');
  const queryClient = useQueryClient();
  const orgs = useOrgs();
  const types = useQuery({ queryKey: ['orgs', 'types'], queryFn: () => api.get<Option[]>('/api/orgs/types'), staleTime: Infinity });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);

  const tree = useMemo(() => buildOrgTree(orgs.data ?? []), [orgs.data]);
  const shown = useMemo(() => filterTree(tree, search.trim()), [tree, search]);
  const byId = useMemo(() => new Map((orgs.data ?? []).map((o) => [o.id, o])), [orgs.data]);
  const selected = selectedId ? byId.get(selectedId) : undefined;
  // Open the first two levels by default; everything while searching.
  const expandedKeys = search.trim() ? allKeys(shown) : (expanded ?? tree.flatMap((n) => [n.key, ...n.children.map((c) => c.key)]));

  const refresh = () => queryClient.invalidateQueries({ queryKey: orgsQueryKey });
  const save = useMutation({
    mutationFn: (v: OrgInput) => (mode.kind === 'create' ? api.post<Org>('/api/orgs', { ...v, parentId: mode.parent?.id ?? null }) : api.put<Org>(`/api/orgs/${selectedId}`, v)),
    onSuccess: async (org) => {
      feedback.message?.success(mode.kind === 'create' ? `已新建 ${org.name}` : '已保存');
      await refresh();
      setSelectedId(org.id);
      setMode({ kind: 'view' });
    },
  });
  const voidOrg = async (reason: string) => {
    await api.post(`/api/orgs/${selectedId}/void`, { reason });
    feedback.message?.success('机构已撤销');
    setSelectedId(null);
    await refresh();
  };

  const formInitial = useMemo<Partial<OrgInput>>(() => {
    if (mode.kind === 'create') return { type: mode.parent?.type === 'justiceBureau' ? 'division' : undefined, regionCode: mode.parent?.regionCode, sort: 0 };
    if (selected) {
      const { parentId, name, shortName, type, regionCode, population, sort, address } = selected;
      return { parentId, name, shortName, type, regionCode, population, sort, address };
    }
    return {};
  }, [mode, selected]);

  const typeOptions = types.data ?? [];
  const typeLabel = (t: string) => typeOptions.find((o) => o.value === t)?.label ?? t;

  let detail;
  if (mode.kind === 'create') {
    detail = (
      <Card title={mode.parent ? `在“${mode.parent.name}”下新建机构` : '新建顶级机构'}>
        <OrgForm initial={formInitial} types={typeOptions} busy={save.isPending} onSubmit={(v) => save.mutate(v)} onCancel={() => setMode({ kind: 'view' })} />
      </Card>
    );
  } else if (!selected) {
    detail = (
      <Card>
        <Empty description="请在左侧选择机构" />
      </Card>
    );
  } else if (mode.kind === 'edit') {
    detail = (
      <Card title={`编辑：${selected.name}`}>
        <OrgForm initial={formInitial} types={typeOptions} busy={save.isPending} editingId={selected.id} onSubmit={(v) => save.mutate(v)} onCancel={() => setMode({ kind: 'view' })} />
      </Card>
    );
  } else {
    const parent = selected.parentId ? byId.get(selected.parentId) : undefined;
    detail = (
      <Card
        title={selected.name}
        extra={
          canManage && (
            <Space>
              <Button icon={<PlusOutlined />} onClick={() => setMode({ kind: 'create', parent: selected })}>
                新建下级
              </Button>
              <Button icon={<EditOutlined />} onClick={() => setMode({ kind: 'edit' })}>
                编辑
              </Button>
              <ReasonButton title={`撤销机构：${selected.name}`} warning="撤销后该机构不再出现在机构树和选择列表中；有下级机构或在岗人员的机构不能撤销。记录不会被删除。" okText="确认撤销" onConfirm={voidOrg}>
                撤销
              </ReasonButton>
            </Space>
          )
        }
      >
        <Descriptions
          column={2}
          bordered
          size="small"
          items={[
            { key: 'name', label: '机构名称', children: selected.name },
            { key: 'shortName', label: '简称', children: selected.shortName ?? '—' },
            { key: 'type', label: '机构类型', children: <Tag color="blue">{selected.typeLabel || typeLabel(selected.type)}</Tag> },
            { key: 'regionCode', label: '行政区划代码', children: selected.regionCode },
            { key: 'parent', label: '上级机构', children: parent?.name ?? '—' },
            { key: 'population', label: '常住人口', children: selected.population != null ? selected.population.toLocaleString('zh-CN') : '—' },
            { key: 'sort', label: '排序号', children: selected.sort },
            { key: 'children', label: '下级机构', children: `${(orgs.data ?? []).filter((o) => o.parentId === selected.id).length} 个` },
            { key: 'address', label: '地址', span: 2, children: selected.address ?? '—' },
          ]}
        />
      </Card>
    );
  }

  return (
    <PageContainer
      title="组织机构"
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setMode({ kind: 'create', parent: selected ?? null })}>
            {selected ? '新建下级机构' : '新建机构'}
          </Button>
        )
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={9} xl={8}>
          <Card
            title={
              <Space>
                <ApartmentOutlined />
                机构树
                <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                  共 {orgs.data?.length ?? 0} 个
                </Typography.Text>
              </Space>
            }
            styles={{ body: { padding: 12 } }}
          >
            <Input.Search placeholder="按名称或区划代码查找" allowClear onChange={(e) => setSearch(e.target.value)} style={{ marginBottom: 8 }} />
            {orgs.isPending ? null : shown.length ? (
              <div style={{ maxHeight: 'calc(100vh - 260px)', overflow: 'auto' }}>
                <Tree<OrgNode>
                  treeData={shown}
                  blockNode
                  expandedKeys={expandedKeys}
                  onExpand={(keys) => setExpanded(keys.map(String))}
                  selectedKeys={selectedId ? [selectedId] : []}
                  onSelect={(keys) => {
                    if (keys.length) {
                      setSelectedId(String(keys[0]));
                      setMode({ kind: 'view' });
                    }
                  }}
                  titleRender={(n) => (
                    <span>
                      {n.title} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{n.org.typeLabel}</Typography.Text>
                    </span>
                  )}
                />
              </div>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有匹配的机构" />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15} xl={16}>
          {detail}
        </Col>
      </Row>
    </PageContainer>
  );
}
