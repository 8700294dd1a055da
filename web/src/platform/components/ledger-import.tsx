import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Modal, Progress, Result, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import type { ImportJob, ImportRowError } from '../../api/types';
import { reportError } from '../feedback';

/**
 * 台账批量导入 for any entity with a ledger spec on the server: download the template, upload an .xlsx,
 * follow the import job's progress. Imports are all-or-nothing: on failure nothing was written and the
 * errors (row, column, value, reason) are listed here and downloadable as a report.
 */
export function LedgerImport({ entity, label = '批量导入', onDone }: { entity: string; label?: string; onDone?: (job: ImportJob) => void }) {
  const [open, setOpen] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);

  const job = useQuery({
    queryKey: ['jobs', jobId],
    queryFn: () => api.get<ImportJob>(`/api/jobs/${jobId}`),
    enabled: !!jobId,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'succeeded' || q.state.data.status === 'failed') ? false : 800),
    staleTime: 0,
  });

  const finished = job.data?.status === 'succeeded' || job.data?.status === 'failed';
  const notified = useRef<string | null>(null);
  useEffect(() => {
    if (finished && job.data && notified.current !== jobId) {
      notified.current = jobId;
      onDone?.(job.data);
    }
  }, [finished, job.data, jobId, onDone]);

  const upload = async (file: File) => {
    setUploading(true);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const res = await api.post<{ jobId: string }>(`/api/ledger/import/${encodeURIComponent(entity)}`, form);
      setJobId(res.jobId);
    } catch (err) {
      reportError(err);
    } finally {
      setUploading(false);
    }
  };

  const close = () => {
    setOpen(false);
    if (finished || !jobId) setJobId(null);
  };

  const j = job.data;
  const percent = j?.total ? Math.min(100, Math.round((j.progress / j.total) * 100)) : j?.status === 'succeeded' ? 100 : 0;
  const rowErrors = j?.error?.details?.errors ?? [];
  const reportId = j?.fileId ?? j?.error?.fileId ?? null;

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal title={label} open={open} onCancel={close} footer={<Button onClick={close}>关闭</Button>} width={760} destroyOnHidden>
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Alert
            type="info"
            showIcon
            title="请先下载导入模板，按模板的表头填写后上传。导入为整体操作：只要有一行有误，全部不导入，并列出每处错误。"
            action={
              <Button size="small" icon={<DownloadOutlined />} href={`/api/ledger/templates/${encodeURIComponent(entity)}`}>
                下载模板
              </Button>
            }
          />
          {!jobId && (
            <Upload.Dragger
              accept=".xlsx"
              multiple={false}
              showUploadList={false}
              disabled={uploading}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{uploading ? '正在上传……' : '点击或拖拽 Excel 文件（.xlsx）到此处'}</p>
            </Upload.Dragger>
          )}
          {jobId && !finished && (
            <div>
              <Typography.Text>{j?.message ?? (j?.status === 'queued' ? '排队中……' : '正在导入……')}</Typography.Text>
              <Progress percent={percent} status="active" />
              {j?.total ? <Typography.Text type="secondary">已处理 {j.progress} / {j.total} 行</Typography.Text> : null}
            </div>
          )}
          {j?.status === 'succeeded' && <Result status="success" title="导入成功" subTitle={j.message ?? `共导入 ${j.total ?? j.progress} 行`} />}
          {j?.status === 'failed' && (
            <>
              <Alert
                type="error"
                showIcon
                title={j.error?.message ?? '导入失败，未导入任何数据'}
                action={
                  reportId ? (
                    <Button size="small" danger icon={<DownloadOutlined />} href={`/api/files/${reportId}`}>
                      下载错误报告
                    </Button>
                  ) : undefined
                }
              />
              {rowErrors.length > 0 && (j?.error?.details?.errorCount ?? 0) > rowErrors.length && (
                <Typography.Text type="secondary">共 {j?.error?.details?.errorCount} 处错误，下面列出前 {rowErrors.length} 处，完整清单见错误报告。</Typography.Text>
              )}
              {rowErrors.length > 0 && (
                <Table<ImportRowError>
                  size="small"
                  rowKey={(e, i) => `${e.row}-${e.column}-${i}`}
                  dataSource={rowErrors}
                  pagination={{ pageSize: 8, hideOnSinglePage: true }}
                  columns={[
                    { title: '行', dataIndex: 'row', width: 60 },
                    { title: '列', dataIndex: 'column', width: 120 },
                    { title: '值', dataIndex: 'value', width: 160, render: (v) => (v == null ? '（空）' : String(v)) },
                    { title: '原因', dataIndex: 'reason' },
                  ]}
                />
              )}
              <Button onClick={() => setJobId(null)}>重新上传</Button>
            </>
          )}
        </Space>
      </Modal>
    </>
  );
}
