import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, List, Result, Space, Typography, Upload } from 'antd';
import { CameraOutlined, EnvironmentOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api, ApiError } from '../../api/client';
import { reportError } from '../../platform/feedback';

interface Mine { name: string; termEnd: string; items: { id: string; at: string; latitude: number | null; longitude: number | null }[] }
interface Position { latitude: number; longitude: number; accuracy: number }

const readAsDataUrl = (file: File) => new Promise<string>((resolve, reject) => {
  const r = new FileReader();
  r.onload = () => resolve(String(r.result));
  r.onerror = () => reject(new Error('照片读取失败'));
  r.readAsDataURL(file);
});

/** The 社区矫正对象's own mobile check-in: a photo from the camera and the browser's location, stored with the time. */
export default function CheckinPage() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const mine = useQuery({ queryKey: ['corrections', 'checkin'], queryFn: () => api.get<Mine>('/api/corrections/checkin'), retry: false });
  const [photo, setPhoto] = useState<{ name: string; data: string } | null>(null);
  const [pos, setPos] = useState<Position | null>(null);
  const [locating, setLocating] = useState(false);
  const [locError, setLocError] = useState<string | null>(null);
  const locate = () => {
    if (!navigator.geolocation) return setLocError('此浏览器不支持定位，请在手机浏览器中打开');
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (p) => { setPos({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy }); setLocError(null); setLocating(false); },
      (e) => { setLocError(e.code === 1 ? '未允许定位，请在浏览器设置中允许本网站获取位置' : '定位失败，请到室外或稍后重试'); setLocating(false); },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };
  const submit = useMutation({
    mutationFn: () => api.post('/api/corrections/checkin', { photoBase64: photo!.data, photoName: photo!.name, ...(pos ?? {}) }),
    onError: reportError,
    onSuccess: () => { setPhoto(null); qc.invalidateQueries({ queryKey: ['corrections', 'checkin'] }); },
  });
  const todayDone = mine.data?.items.some((c) => dayjs(c.at).isSame(dayjs(), 'day'));
  const status = mine.error instanceof ApiError ? mine.error.status : 0;
  if (status === 401 || status === 403 || status === 404) {
    return (
      <div style={{ maxWidth: 520, margin: '0 auto' }}>
        <Result status="info" title="社区矫正签到" subTitle={status === 401 ? '请先用司法所为您开通的账号登录' : '当前账号不是社区矫正对象签到账号'}
          extra={status === 401 && <Button type="primary" size="large" onClick={() => navigate('/login', { state: { from: '/portal/corrections/checkin' } })}>登录</Button>} />
      </div>
    );
  }
  return (
    <div style={{ maxWidth: 520, margin: '0 auto' }}>
      <Card title="社区矫正签到">
        {mine.data && <Typography.Paragraph>{mine.data.name}，您的社区矫正期限至 {mine.data.termEnd}。请按要求拍照并定位签到。</Typography.Paragraph>}
        {todayDone && <Result status="success" title="今日已签到" style={{ padding: 8 }} />}
        <Space direction="vertical" style={{ width: '100%' }}>
          <Upload accept="image/jpeg,image/png" capture="user" showUploadList={false} beforeUpload={async (f) => { setPhoto({ name: f.name, data: await readAsDataUrl(f) }); return false; }}>
            <Button icon={<CameraOutlined />} block size="large">{photo ? '重新拍照' : '拍摄本人照片'}</Button>
          </Upload>
          {photo && <img src={photo.data} alt="签到照片" style={{ width: '100%', maxHeight: 280, objectFit: 'contain' }} />}
          <Button icon={<EnvironmentOutlined />} block size="large" loading={locating} onClick={locate}>{pos ? `已定位（精度约${Math.round(pos.accuracy)}米）` : '获取当前位置'}</Button>
          {locError && <Alert type="warning" showIcon title={locError} />}
          <Button type="primary" block size="large" disabled={!photo} loading={submit.isPending} onClick={() => submit.mutate()}>签到</Button>
        </Space>
      </Card>
      <Card title="最近签到" style={{ marginTop: 16 }}>
        <List dataSource={mine.data?.items ?? []} locale={{ emptyText: '暂无签到记录' }} renderItem={(c) => (
          <List.Item>{dayjs(c.at).format('YYYY-MM-DD HH:mm')}　{c.latitude != null ? `${c.latitude.toFixed(4)}, ${c.longitude?.toFixed(4)}` : '未定位'}</List.Item>
        )} />
      </Card>
    </div>
  );
}
