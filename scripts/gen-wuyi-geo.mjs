#!/usr/bin/env node
/**
 * Generates the 驾驶舱's schematic map of 武义县 (web/src/platform/geo/wuyi.json): the real township boundaries
 * are not available offline, so each township is the Voronoi cell of its approximate seat, clipped to a
 * simplified county outline. Feature names and codes are exactly the demo county's (src/platform/seed/county.ts).
 * Run once: `node scripts/gen-wuyi-geo.mjs`; the output is committed. No dependencies.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Approximate seats (lon, lat) of the 18 乡镇/街道, codes as in county.ts. */
const seats = [
  ['白洋街道', '330723001', 119.775, 28.915],
  ['熟溪街道', '330723002', 119.825, 28.868],
  ['壶山街道', '330723003', 119.822, 28.902],
  ['履坦镇', '330723101', 119.705, 28.958],
  ['桐琴镇', '330723102', 119.880, 28.975],
  ['泉溪镇', '330723103', 119.935, 28.925],
  ['王宅镇', '330723104', 119.760, 29.010],
  ['桃溪镇', '330723105', 119.640, 28.835],
  ['茭道镇', '330723106', 119.715, 28.885],
  ['柳城畲族镇', '330723107', 119.595, 28.705],
  ['新宅镇', '330723108', 119.715, 28.625],
  ['大田乡', '330723201', 119.875, 28.805],
  ['白姆乡', '330723202', 119.770, 28.835],
  ['俞源乡', '330723203', 119.885, 28.720],
  ['坦洪乡', '330723204', 119.675, 28.765],
  ['西联乡', '330723205', 119.540, 28.785],
  ['三港乡', '330723206', 119.805, 28.625],
  ['大溪口乡', '330723207', 119.615, 28.610],
];

/** A simplified county outline, counter-clockwise. */
const outline = [
  [119.745, 29.075], [119.690, 29.040], [119.640, 28.990], [119.585, 28.935], [119.520, 28.875], [119.475, 28.790],
  [119.490, 28.705], [119.540, 28.630], [119.585, 28.560], [119.660, 28.545], [119.745, 28.565], [119.830, 28.555],
  [119.890, 28.610], [119.945, 28.690], [119.985, 28.770], [120.010, 28.850], [120.000, 28.925], [119.960, 28.985],
  [119.900, 29.030], [119.830, 29.065],
];

/** Sutherland–Hodgman: the part of `poly` where (p − m)·n ≤ 0, i.e. closer to site a than to site b. */
function clip(poly, a, b) {
  const m = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const n = [b[0] - a[0], b[1] - a[1]];
  const side = (p) => (p[0] - m[0]) * n[0] + (p[1] - m[1]) * n[1];
  const out = [];
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i];
    const q = poly[(i + 1) % poly.length];
    const sp = side(p);
    const sq = side(q);
    if (sp <= 0) out.push(p);
    if ((sp < 0 && sq > 0) || (sp > 0 && sq < 0)) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

const round = (x) => Math.round(x * 10000) / 10000;

const features = seats.map(([name, code, lon, lat]) => {
  let cell = outline;
  for (const [, , lon2, lat2] of seats) if (lon2 !== lon || lat2 !== lat) cell = clip(cell, [lon, lat], [lon2, lat2]);
  const ring = cell.map(([x, y]) => [round(x), round(y)]);
  ring.push(ring[0]);
  return { type: 'Feature', properties: { name, code, cp: [lon, lat] }, geometry: { type: 'Polygon', coordinates: [ring] } };
});

const out = path.join(root, 'web/src/platform/geo/wuyi.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify({ type: 'FeatureCollection', name: '武义县（示意）', features }) + '\n');
console.log(`wrote ${out}: ${features.length} townships`);
