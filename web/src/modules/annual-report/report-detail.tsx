import { useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Drawer, Dropdown, Flex, Input, List, Modal, Popconfirm, Select, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, EditOutlined, HistoryOutlined, PlusOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { ReasonButton } from '../../platform/components/reason-modal';
import { useSession } from '../../platform/auth/session';
import { isConflict } from '../../platform/form-errors';
import { FigureText } from './figure-text';
import { CN, PERM, resolveText, statusColor, useMeta, useReport, useVersions, type Block, type Content, type Figures, type ReportDetail } from './api';

/** The editor of one block: its text with figure tokens, and a picker that inserts a figure as a token (never a typed number). */
function BlockEditor({ block, onDone, onCancel }: { block: Block; onDone: (b: Block) => void; onCancel: () => void }) {
  const meta = useMeta();
  const [text, setText] = useState(block.text);
  const [key, setKey] = useState<string>();
  const [part, setPart] = useState<'' | '|prev' | '|change'>('');
  return (
    <div style={{ border: '1px solid #91caff', borderRadius: 6, padding: 8, margin: '6px 0' }}>
      <Input.TextArea aria-label="段落内容" value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: block.kind === 'heading' ? 1 : 3, maxRows: 14 }} />
      <Flex gap={8} wrap style={{ marginTop: 8 }}>
        {block.kind === 'paragraph' && (
          <>
            <Select showSearch optionFilterProp="label" placeholder="插入指标数据" style={{ width: 260 }} value={key} onChange={setKey}
              options={(meta.data?.indicators ?? []).map((d) => ({ value: d.key, label: d.label, title: d.definition }))} />
            <Select style={{ width: 110 }} value={part} onChange={setPart} options={[{ value: '', label: '本年数值' }, { value: '|prev', label: '上年数值' }, { value: '|change', label: '同比变化' }]} />
            <Button disabled={!key} onClick={() => { setText((t) => `${t}{{${key}${part}}}`); setKey(undefined); }}>插入</Button>
          </>
        )}
        <span style={{ flex: 1 }} />
        <Button onClick={onCancel}>取消</Button>
        <Button type="primary" disabled={!text.trim()} onClick={() => onDone({ ...block, text: text.trim() })}>确定</Button>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>数据以 {'{{指标}}'} 引用，保存和“重新生成数据”时按记录重新计算，请勿手工填写数字。</Typography.Text>
    </div>
  );
}

function VersionsDrawer({ report, editable, open, onClose }: { report: ReportDetail; editable: boolean; open: boolean; onClose: () => void }) {
  const versions = useVersions(report.id, open);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [viewing, setViewing] = useState<number | null>(null);
  const view = useQuery({ queryKey: ['annual-report', 'version', report.id, viewing], queryFn: () => api.get<{ content: Content; figures: Figures; note: string | null }>(`/api/annual-reports/${report.id}/versions/${viewing}`), enabled: viewing != null });
  const restore = useMutation({
    mutationFn: (no: number) => api.post(`/api/annual-reports/${report.id}/versions/${no}/restore`, { version: report.version }),
    onSuccess: () => { message.success('已恢复，另存为新版本'); qc.invalidateQueries({ queryKey: ['annual-report'] }); },
  });
  return (
    <Drawer open={open} onClose={onClose} title="版本记录" size={460}>
      <List
        loading={versions.isFetching}
        dataSource={versions.data?.items ?? []}
        renderItem={(v) => (
          <List.Item actions={[
            <a key="v" onClick={() => setViewing(v.versionNo)}>查看</a>,
            ...(editable && v.versionNo !== report.versionNo ? [<Popconfirm key="r" title={`恢复第${v.versionNo}版？`} description="当前内容仍保留在版本记录中" okText="恢复" onConfirm={() => restore.mutateAsync(v.versionNo)}><a>恢复</a></Popconfirm>] : []),
          ]}>
            <List.Item.Meta title={<>第{v.versionNo}版 {v.versionNo === report.versionNo && <Tag color="blue">当前</Tag>}</>} description={`${v.note ?? ''} · ${v.createdByName ?? '系统'} · ${new Date(v.createdAt).toLocaleString('zh-CN')}`} />
          </List.Item>
        )}
      />
      <Modal open={viewing != null} title={`第${viewing}版`} footer={null} width={820} onCancel={() => setViewing(null)}>
        {view.data ? view.data.content.sections.map((s, i) => (
          <div key={s.key}>
            <Typography.Title level={5}>{CN[i]}、{s.heading}</Typography.Title>
            {s.blocks.map((b, j) => (b.kind === 'heading' ? <Typography.Text strong key={j}>{resolveText(b.text, view.data.figures)}<br /></Typography.Text> : <Typography.Paragraph key={j} style={{ textIndent: '2em' }}>{resolveText(b.text, view.data.figures)}</Typography.Paragraph>))}
          </div>
        )) : <Skeleton active />}
      </Modal>
    </Drawer>
  );
}

/** One report: the prose with live figures, editing with versions, 重新生成数据, approval, downloads. */
export default function ReportDetailPage() {
  const { id = '' } = useParams();
  const report = useReport(id);
  const { can } = useSession();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Content | null>(null);
  const [editing, setEditing] = useState<{ s: number; b: number } | null>(null);
  const [note, setNote] = useState('');
  const [versionsOpen, setVersionsOpen] = useState(false);
  const refresh = () => qc.invalidateQueries({ queryKey: ['annual-report'] });
  const onError = (err: Error) => { if (isConflict(err)) refresh(); };

  const save = useMutation({
    mutationFn: () => api.put<ReportDetail>(`/api/annual-reports/${id}/content`, { version: report.data!.version, content: draft, note: note.trim() || undefined }),
    onSuccess: (r) => { setDraft(null); setNote(''); message.success(`已保存为第${r.versionNo}版`); refresh(); },
    onError,
  });
  const regenerate = useMutation({
    mutationFn: (mode: 'figures' | 'draft') => api.post<ReportDetail>(`/api/annual-reports/${id}/regenerate`, { version: report.data!.version, mode }),
    onSuccess: (r) => { message.success(`已重新生成（第${r.versionNo}版），${r.changed?.length ?? 0}项数据有变化`); refresh(); },
    onError,
  });
  const act = useMutation({
    mutationFn: ({ action, data }: { action: string; data?: Record<string, unknown> }) => api.post<ReportDetail>(`/api/annual-reports/${id}/actions/${action}`, { version: report.data!.version, data: data ?? {} }),
    onSuccess: (r) => { message.success(`当前状态：${r.statusLabel}`); refresh(); },
    onError,
  });

  if (!report.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const r = report.data;
  const editable = r.status === 'drafting' && can(PERM.edit);
  const content = draft ?? r.content;
  const update = (fn: (c: Content) => void) => {
    const next = structuredClone(content);
    fn(next);
    setDraft(next);
  };

  return (
    <PageContainer
      title={<Space>{r.title}<Tag color={statusColor[r.status]}>{r.statusLabel}</Tag><Tag>第{r.versionNo}版</Tag></Space>}
      extra={
        <>
          <Dropdown menu={{ items: [
            { key: 'docx', label: <a href={`/api/annual-reports/${id}/docx`}>公文版（Word）</a> },
            { key: 'pdf', label: <a href={`/api/annual-reports/${id}/pdf`}>PDF</a> },
            { key: 'html', label: <a href={`/api/annual-reports/${id}/html`} target="_blank" rel="noreferrer">网页版</a> },
          ] }}>
            <Button icon={<DownloadOutlined />}>下载</Button>
          </Dropdown>
          <Button icon={<HistoryOutlined />} onClick={() => setVersionsOpen(true)}>版本记录</Button>
          {editable && (
            <Popconfirm title="重新生成数据？" description="按当前记录重新计算报告中的每个数字，另存为新版本" okText="重新生成" onConfirm={() => regenerate.mutateAsync('figures')} disabled={!!draft}>
              <Button icon={<ReloadOutlined />} loading={regenerate.isPending} disabled={!!draft}>重新生成数据</Button>
            </Popconfirm>
          )}
          {editable && (
            <Popconfirm title="按模板和报告素材重新起草？" description="当前正文将被替换（旧内容保留在版本记录中）" okText="重新起草" okButtonProps={{ danger: true }} onConfirm={() => regenerate.mutateAsync('draft')} disabled={!!draft}>
              <Button disabled={!!draft}>重新起草</Button>
            </Popconfirm>
          )}
          {r.workflow?.available.map((a) =>
            a.key.endsWith('Return') ? (
              <ReasonButton key={a.key} title={a.label} okText="退回" warning="退回后由科室修改，再重新提交审核。" onConfirm={(reason) => act.mutateAsync({ action: a.key, data: { reason } })} danger>
                {a.label}
              </ReasonButton>
            ) : (
              <Popconfirm key={a.key} title={`${a.label}？`} okText="确定" disabled={!!draft} onConfirm={() => act.mutateAsync({ action: a.key })}>
                <Button type="primary" disabled={!!draft}>{a.label}</Button>
              </Popconfirm>
            ),
          )}
          {editable && (
            <ReasonButton title="作废年度报告" warning="作废后不再显示（审计日志保留记录）。" okText="作废" onConfirm={(reason) => api.post(`/api/annual-reports/${id}/void`, { version: r.version, reason }).then(() => { window.history.back(); })} danger>
              作废
            </ReasonButton>
          )}
        </>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        <Alert
          type={r.due.submitOverdue || r.due.publishOverdue ? 'error' : 'info'}
          showIcon
          title={`报送上级期限 ${r.due.submitBy}，向社会公开期限 ${r.due.publishBy}（${r.due.cite}）${r.due.submitOverdue ? '；已超过报送期限' : ''}${r.due.publishOverdue ? '；已超过公开期限' : ''}`}
        />
        {!!r.figures.failed?.length && <Alert type="error" showIcon title={`${r.figures.failed.length}项指标计算失败，报告中显示为“—”：${r.figures.failed.map((f) => f.key).join('、')}`} />}
        {r.unwritten && <Alert type="warning" showIcon title="报告中仍有“〔待补充〕”的内容，补写后才能提交审核。" />}
        <Typography.Text type="secondary">数据范围：{r.figures.org.name}（含下级）{r.figures.from} 至 {r.figures.to}，生成于 {new Date(r.figuresAt).toLocaleString('zh-CN')}。鼠标移到蓝色数字上查看定义和记录。</Typography.Text>
        {draft && (
          <Alert type="warning" showIcon title="有未保存的修改" action={
            <Space>
              <Input placeholder="修改说明（可选）" value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 200 }} />
              <Button onClick={() => { setDraft(null); setEditing(null); }}>放弃</Button>
              <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={() => save.mutate()}>保存为新版本</Button>
            </Space>
          } />
        )}
        {content.sections.map((s, si) => (
          <Card key={s.key} title={`${CN[si]}、${s.heading}`} size="small" data-section={s.key}>
            {s.blocks.map((b, bi) =>
              editing?.s === si && editing.b === bi ? (
                <BlockEditor key={bi} block={b} onCancel={() => setEditing(null)} onDone={(nb) => { update((c) => { c.sections[si].blocks[bi] = nb; }); setEditing(null); }} />
              ) : (
                <div key={bi} className="fz-block" style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                  <div style={{ flex: 1 }}>
                    {b.kind === 'heading' ? <Typography.Text strong style={{ fontFamily: 'KaiTi, serif', fontSize: 16 }}><FigureText text={b.text} figures={r.figures} /></Typography.Text> : <Typography.Paragraph style={{ textIndent: '2em', fontSize: 15, lineHeight: 1.9, marginBottom: 6 }}><FigureText text={b.text} figures={r.figures} /></Typography.Paragraph>}
                  </div>
                  {editable && (
                    <Space size={0}>
                      <Button type="text" size="small" icon={<EditOutlined />} aria-label="编辑段落" onClick={() => setEditing({ s: si, b: bi })} />
                      <Popconfirm title="删除这一段？" description="保存前可放弃修改；保存后旧内容仍在版本记录中" okText="删除" okButtonProps={{ danger: true }} onConfirm={() => update((c) => { c.sections[si].blocks.splice(bi, 1); })}>
                        <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label="删除段落" />
                      </Popconfirm>
                    </Space>
                  )}
                </div>
              ),
            )}
            {editable && (
              <Space style={{ marginTop: 4 }}>
                <Button size="small" icon={<PlusOutlined />} onClick={() => { update((c) => { c.sections[si].blocks.push({ kind: 'paragraph', text: '新段落' }); }); setEditing({ s: si, b: s.blocks.length }); }}>添加段落</Button>
                {si === 0 && <Button size="small" icon={<PlusOutlined />} onClick={() => { update((c) => { c.sections[si].blocks.push({ kind: 'heading', text: '新的小标题' }); }); setEditing({ s: si, b: s.blocks.length }); }}>添加小标题</Button>}
              </Space>
            )}
          </Card>
        ))}
        <Card title="审批记录" size="small">
          <Timeline items={r.history.map((h) => ({ children: `${new Date(h.at).toLocaleString('zh-CN')} ${h.actorName ?? '系统'}：${h.label} → ${h.toLabel}${h.data && typeof h.data.reason === 'string' ? `（${h.data.reason}）` : ''}${h.data && typeof h.data.opinion === 'string' && h.data.opinion ? `（${h.data.opinion}）` : ''}` }))} />
        </Card>
      </Space>
      <VersionsDrawer report={r} editable={editable && !draft} open={versionsOpen} onClose={() => setVersionsOpen(false)} />
    </PageContainer>
  );
}
