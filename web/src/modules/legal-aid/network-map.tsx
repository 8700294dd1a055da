import { useEffect, useMemo, useRef, useState } from 'react';
import * as echarts from 'echarts/core';
import { CustomChart, ScatterChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import EChart from '../../platform/components/echart';

// The map draws points and 15-minute circles on plain lng/lat axes: offline, no tile server.
echarts.use([ScatterChart, CustomChart, DataZoomComponent, GridComponent, LegendComponent, TooltipComponent]);

export interface MapPoint { id: string; kind: string; kindLabel: string; name: string; address: string; lng: number; lat: number; openingHours: string | null; phone: string | null; staffCount: number }
export interface MapData { coverageRadiusM: number; points: MapPoint[]; firms: { id: string; name: string; address: string | null; lng: number; lat: number }[] }

const colors: Record<string, string> = { center: '#c2410c', station: '#1d4ed8', room: '#059669', firm: '#7c3aed' };

/** 一图可见: every service point and law firm, with a circle of the coverage radius (metres) around each 中心/站. */
export default function NetworkMap({ data, height = 620 }: { data: MapData; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(1000);
  useEffect(() => {
    if (!box.current) return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.round(e.contentRect.width)));
    ro.observe(box.current);
    return () => ro.disconnect();
  }, []);
  const option = useMemo(() => {
    const all = [...data.points, ...data.firms];
    const lngs = all.map((p) => p.lng);
    const lats = all.map((p) => p.lat);
    const pad = 0.04;
    // Equal metres per pixel on both axes, so the coverage circles are round: widen the shorter range.
    const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
    const k = Math.cos((midLat * Math.PI) / 180);
    const gridW = Math.max(200, width - 80);
    const gridH = height - 100;
    let [x0, x1] = [Math.min(...lngs) - pad, Math.max(...lngs) + pad];
    let [y0, y1] = [Math.min(...lats) - pad, Math.max(...lats) + pad];
    const needLng = ((y1 - y0) * gridW) / gridH / k;
    if (needLng > x1 - x0) [x0, x1] = [(x0 + x1) / 2 - needLng / 2, (x0 + x1) / 2 + needLng / 2];
    else {
      const needLat = ((x1 - x0) * k * gridH) / gridW;
      [y0, y1] = [(y0 + y1) / 2 - needLat / 2, (y0 + y1) / 2 + needLat / 2];
    }
    const byKind = (kind: string) => data.points.filter((p) => p.kind === kind).map((p) => ({ value: [p.lng, p.lat], name: p.name, p }));
    const circles = data.points.filter((p) => p.kind !== 'room').map((p) => [p.lng, p.lat]);
    const r = data.coverageRadiusM;
    return {
      tooltip: {
        formatter: (x: { seriesName: string; data: { name?: string; p?: MapPoint; address?: string } }) =>
          x.data?.p ? `${x.data.p.name}<br/>${x.data.p.kindLabel}<br/>${x.data.p.address}<br/>${x.data.p.openingHours ?? ''}<br/>工作人员 ${x.data.p.staffCount} 人` : x.data?.name ? `${x.data.name}<br/>${x.data.address ?? ''}` : x.seriesName,
      },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 60 },
      xAxis: { type: 'value', name: '经度', min: +x0.toFixed(2), max: +x1.toFixed(2), axisLabel: { formatter: (v: number) => `${v.toFixed(2)}°E` } },
      yAxis: { type: 'value', name: '纬度', min: +y0.toFixed(2), max: +y1.toFixed(2), axisLabel: { formatter: (v: number) => `${v.toFixed(2)}°N` } },
      dataZoom: [{ type: 'inside', xAxisIndex: 0, filterMode: 'none' }, { type: 'inside', yAxisIndex: 0, filterMode: 'none' }],
      series: [
        {
          name: '15分钟服务圈', type: 'custom', data: circles, silent: true, z: 1,
          renderItem: (_: unknown, api: { value: (i: number) => number; coord: (p: number[]) => number[] }) => {
            const lng = api.value(0);
            const lat = api.value(1);
            const dLat = r / 111_320;
            const dLng = r / (111_320 * Math.cos((lat * Math.PI) / 180));
            const points = Array.from({ length: 48 }, (_, k) => api.coord([lng + dLng * Math.cos((k / 48) * 2 * Math.PI), lat + dLat * Math.sin((k / 48) * 2 * Math.PI)]));
            return { type: 'polygon', shape: { points }, style: { fill: 'rgba(29,78,216,0.08)', stroke: 'rgba(29,78,216,0.35)', lineWidth: 1 } };
          },
        },
        { name: '公共法律服务中心', type: 'scatter', symbol: 'pin', symbolSize: 34, itemStyle: { color: colors.center }, data: byKind('center'), z: 5 },
        { name: '公共法律服务工作站', type: 'scatter', symbolSize: 14, itemStyle: { color: colors.station }, data: byKind('station'), z: 4 },
        { name: '公共法律服务工作室', type: 'scatter', symbolSize: 7, itemStyle: { color: colors.room }, data: byKind('room'), z: 3 },
        { name: '律师事务所', type: 'scatter', symbol: 'diamond', symbolSize: 10, itemStyle: { color: colors.firm }, data: data.firms.map((f) => ({ value: [f.lng, f.lat], name: f.name, address: f.address })), z: 3 },
      ],
    };
  }, [data, width, height]);
  return <div ref={box}><EChart option={option} height={height} /></div>;
}
