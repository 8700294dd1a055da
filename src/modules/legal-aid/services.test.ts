import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/client';
import { orgs } from '../../platform/orgs/schema';
import type { Org } from '../../platform/orgs/service';
import { seededRandom } from '../../platform/seed/demo';
import { importLedger } from '../../platform/ledger/test-ledger';
import { aidTestContext, actOk, application, ok, registerLawyer, templateWith, type AidTestContext } from './test-helpers';
import { seedLegalAid } from './seed';

let t: AidTestContext;
let lawyerId: string;
beforeAll(async () => {
  t = await aidTestContext();
  lawyerId = (await registerLawyer(t)).lawyer.id;
});
afterAll(() => t?.close());

const indicators = async (org: string, from: string, to: string, keys: string) => {
  const r = await ok(await t.director.get(`/api/indicators?org=${encodeURIComponent(org)}&from=${from}&to=${to}&keys=${keys}`));
  return Object.fromEntries(r.indicators.map((i: { key: string }) => [i.key, i]));
};

describe('公证', () => {
  it('受理 → 出证，统计办理时长、涉外和最多跑一次；涉外须写使用地', async () => {
    const bad = await t.notary.post('/api/notary/matters', { matterType: 'kinship', applicantName: '王美华', foreign: true, fee: 200, acceptedDate: '2025-03-03' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('使用地');
    const m = await ok(await t.notary.post('/api/notary/matters', { matterType: 'kinship', applicantName: '王美华', applicantIdNumber: '330723196508121226', foreign: true, useCountry: '意大利', oneVisit: true, fee: 200, acceptedDate: '2025-03-03' }), 201);
    expect(m.caseNumber).toBe('武证〔2025〕1号');
    expect(m.applicantIdMasked).toBe('3307**********1226');
    const c = await ok(await t.notary.post(`/api/notary/matters/${m.id}/actions`, { version: m.version, action: 'certify', date: '2025-03-05', certificateNumber: '（2025）浙武证字第1号' }));
    expect(c.state).toBe('certified');
    await ok(await t.notary.post('/api/notary/matters', { matterType: 'inheritance', applicantName: '李春生', fee: 1200, acceptedDate: '2025-03-10' }), 201);
    const list = await ok(await t.notary.get('/api/notary/matters?from=2025-01-01&to=2025-12-31'));
    expect(list.total).toBe(2);
    expect(list.summary).toMatchObject({ certified: 1, foreign: 1, oneVisit: 1, fees: 1400, averageDays: 2 });
    expect(list.items.find((i: { id: string }) => i.id === m.id).durationDays).toBe(2);
    // Data scope: the 12348 operator has no 公证 permission; a 司法所 neither.
    expect((await t.operator.get('/api/notary/matters')).statusCode).toBe(403);
    const ind = await indicators('浙江省武义县公证处', '2025-01-01', '2025-12-31', 'notary.caseCount');
    expect(ind['notary.caseCount']).toMatchObject({ value: 1 });
    expect(ind['notary.caseCount'].breakdown.map((b: { label: string; value: number }) => [b.label, b.value])).toEqual([['国内公证', 0], ['涉外公证', 1], ['最多跑一次', 1]]);
  });

  it('公证台账：模板导入全部或全不，导出显示脱敏身份证号', async () => {
    const bad = await templateWith(t.notary, 'notary-matters', [
      ['武证〔2024〕5号', '继承', '张建国', '330723197805061234', '否', '', '是', 800, '2024-05-06', '已出证', '2024-05-09', '（2024）浙武证字第5号', '陈晓'],
      ['武证〔2024〕6号', '委托', '李丽娟', '', '是', '', '否', 300, '2024-05-07', '已出证', '2024-05-06', '', '陈晓'],
    ]);
    const failed = await importLedger(t.notary, t.database.db, 'notary-matters', bad);
    expect(failed.status).toBe('failed');
    const reasons = JSON.stringify(failed);
    expect(reasons).toContain('涉外公证请填写使用地');
    expect(reasons).toContain('办结日期不能早于受理日期');
    expect((await ok(await t.notary.get('/api/notary/matters?from=2024-01-01&to=2024-12-31'))).total).toBe(0);
    const good = await templateWith(t.notary, 'notary-matters', [['武证〔2024〕5号', '继承', '张建国', '330723197805061234', '否', '', '是', 800, '2024-05-06', '已出证', '2024-05-09', '（2024）浙武证字第5号', '陈晓']]);
    expect((await importLedger(t.notary, t.database.db, 'notary-matters', good)).status).toBe('succeeded');
    const exp = await t.notary.get('/api/ledger/export/notary-matters?from=2024-01-01&to=2024-12-31');
    expect(exp.statusCode, exp.body.slice(0, 300)).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exp.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.length).toBe(2);
    expect(JSON.stringify(rows[1])).toContain('3307**********1234');
    expect(JSON.stringify(rows[1])).toContain('继承');
  });
});

describe('12348 法律咨询', () => {
  it('网上咨询 → 接线员解答并转介人民调解 → 咨询人凭查询码看到解答并评价', async () => {
    const q = await ok(await t.anonymous.post('/api/public/consultations', { topic: 'land', askerName: '周女士', askerPhone: '13700001111', question: '邻居建房占了我家宅基地半米，村里调解没用，怎么办？' }), 201);
    expect(q.queryCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const before = await ok(await t.anonymous.get(`/api/public/consultations/${q.queryCode}`));
    expect(before).toMatchObject({ state: 'pending', answer: null });
    expect((await t.anonymous.post(`/api/public/consultations/${q.queryCode}/rating`, { satisfaction: 'satisfied' })).json().code).toBe('CONSULTATION_NOT_ANSWERED');
    const pending = await ok(await t.operator.get('/api/consultations?state=pending'));
    const item = pending.items.find((i: { serialNumber: string }) => i.serialNumber === q.serialNumber);
    expect(item.askerPhoneMasked).toBe('137****1111');
    expect(item.askerPhoneEnc).toBeUndefined();
    await ok(await t.operator.post(`/api/consultations/${item.id}/answer`, { version: item.version, answer: '可申请村调委会或司法所调解，调解不成可向人民法院起诉。', referralTarget: 'mediation', referralNote: '已转王宅司法所调解' }));
    const after = await ok(await t.anonymous.get(`/api/public/consultations/${q.queryCode}`));
    expect(after).toMatchObject({ state: 'answered', referralLabel: '人民调解' });
    expect(after.answer).toContain('调解');
    expect(JSON.stringify(after)).not.toContain('13700001111');
    const rated = await ok(await t.anonymous.post(`/api/public/consultations/${q.queryCode}/rating`, { satisfaction: 'satisfied' }));
    expect(rated.satisfaction).toBe('satisfied');
    expect((await t.anonymous.post(`/api/public/consultations/${q.queryCode}/rating`, { satisfaction: 'fair' })).json().code).toBe('CONSULTATION_ALREADY_RATED');
    const referred = await ok(await t.director.get('/api/consultations?referral=mediation'));
    expect(referred.items.map((i: { id: string }) => i.id)).toContain(item.id);
  });

  it('司法所登记窗口咨询，只看到本所的记录；接线员看全县', async () => {
    const w = await ok(await t.hushan.post('/api/consultations', { channel: 'window', topic: 'labor', question: '公司拖欠工资怎么办？', answer: '可申请劳动仲裁或法律援助。', referralTarget: 'legalAid', consultedDate: '2025-03-03' }), 201);
    expect(w.serialNumber).toMatch(/咨〔2025〕1号$/);
    await ok(await t.baiyang.post('/api/consultations', { channel: 'window', topic: 'marriage', question: '离婚财产如何分割？', answer: '协商不成由法院判决。', consultedDate: '2025-03-04' }), 201);
    const h = await ok(await t.hushan.get('/api/consultations?pageSize=100'));
    expect(h.items.map((i: { id: string }) => i.id)).toEqual([w.id]);
    const all = await ok(await t.operator.get('/api/consultations?pageSize=100'));
    expect(all.total).toBe(3);
    const ind = await indicators('武义县司法局', '2025-03-01', '2025-03-31', 'consultation.count');
    expect(ind['consultation.count'].value).toBe(2);
  });
});

describe('服务网络与律师', () => {
  it('服务点坐标和15分钟服务圈上图；律师年度考核；律师万人比 = 执业律师 / 常住人口 × 10000 (DOMAIN §6)', async () => {
    const badPoint = await t.admin.post('/api/legal-service/points', { kind: 'station', name: '王宅工作站', address: '王宅镇', lng: 10, lat: 28.9 });
    expect(badPoint.statusCode).toBe(400);
    await ok(await t.admin.post('/api/legal-service/points', { kind: 'center', name: '武义县公共法律服务中心', address: '壶山上街2号', lng: 119.8165, lat: 28.8935, openingHours: '工作日', staffCount: 12 }), 201);
    const map = await ok(await t.director.get('/api/legal-service/map'));
    expect(map.coverageRadiusM).toBe(2000);
    expect(map.points).toHaveLength(1);
    expect(map.firms[0]).toMatchObject({ name: '浙江武阳律师事务所', lng: 119.818 });
    const l = (await ok(await t.admin.get('/api/legal-service/lawyers'))).items[0];
    expect(l).toMatchObject({ name: '李明', kindLabel: '专职律师', phoneMasked: '139****1111' });
    const a = await ok(await t.admin.post(`/api/legal-service/lawyers/${lawyerId}/assessments`, { version: l.version, year: 2024, result: 'competent' }));
    expect(a.assessments).toEqual([{ year: 2024, result: 'competent', note: null }]);
    expect((await t.staff.post(`/api/legal-service/lawyers/${lawyerId}/assessments`, { version: a.version, year: 2024, result: 'incompetent' })).statusCode).toBe(403);
    // One more practising lawyer and one 基层法律服务工作者 (not counted).
    await ok(await t.admin.post('/api/legal-service/lawyers', { name: '王海燕', kind: 'partTime', licenseNumber: '13307201010123457' }), 201);
    await ok(await t.admin.post('/api/legal-service/lawyers', { name: '应春生', kind: 'grassroots', licenseNumber: 'JC33072300101' }), 201);
    // 2 lawyers / 462,000 × 10000 = 0.0433 → 0.04; asked for the 司法局, the county's population applies.
    const ind = await indicators('武义县司法局', '2025-01-01', '2025-12-31', 'legalService.lawyersPerTenThousand');
    expect(ind['legalService.lawyersPerTenThousand']).toMatchObject({ numerator: 2, denominator: 462000, display: '0.04' });
  });
});

describe('法律援助指标与台账', () => {
  it('legalAid.caseCount 按类别、legalAid.qualityDistribution 按等级', async () => {
    const mk = async (caseType: string, name: string, scores?: Record<string, number>) => {
      const c = await ok(await t.staff.post('/api/legal-aid/cases', application({ caseType: caseType as 'civil', applicantName: name, receivedDate: '2025-06-02' })), 201);
      await actOk(t.staff, c.id, 'grant', { date: '2025-06-03' });
      await actOk(t.staff, c.id, 'assign', { date: '2025-06-04', lawyerId, assigneeKind: 'lawyer' });
      if (scores) {
        await ok(await t.lawyer.post(`/api/legal-aid/cases/${c.id}/closing`, { date: '2025-06-20', materials: ['report'], report: '办理完毕' }));
        await actOk(t.staff, c.id, 'close', { date: '2025-06-21', result: '结案' });
        await actOk(t.staff, c.id, 'evaluate', { date: '2025-06-25', assessor: '评估组', scores });
      }
    };
    await mk('civil', '民甲', { timeliness: 19, communication: 14, legalWork: 33, outcome: 18, file: 9 });
    await mk('civil', '民乙', { timeliness: 16, communication: 12, legalWork: 28, outcome: 16, file: 8 });
    await mk('criminal', '刑甲');
    const ind = await indicators('武义县法律援助中心', '2025-06-01', '2025-06-30', 'legalAid.caseCount,legalAid.qualityDistribution');
    expect(ind['legalAid.caseCount'].value).toBe(3);
    expect(ind['legalAid.caseCount'].breakdown.map((b: { label: string; value: number }) => [b.label, b.value])).toEqual([['刑事', 1], ['民事', 2], ['行政', 0]]);
    expect(ind['legalAid.qualityDistribution'].breakdown.map((b: { label: string; value: number }) => [b.label, b.value])).toEqual([['优秀', 1], ['良好', 1], ['合格', 0], ['不合格', 0]]);
  });

  it('法律援助台账导入历史案件：日期顺序有误的整份不导入；正确的计入指标', async () => {
    const row = (over: (string | number | null)[] = []) => {
      const base: (string | number | null)[] = ['', '民事', '窗口申请', '2024-03-05', '张建国', '330723197805061234', '劳动报酬纠纷', '', '2024-03-08', '2024-03-10', '律师', '李明', '浙江武阳律师事务所', '2024-06-20', '调解结案', 92, '2024-07-01'];
      over.forEach((v, i) => { if (v !== null) base[i] = v; });
      return base;
    };
    const bad = await templateWith(t.staff, 'legal-aid-cases', [row(), row([null, null, null, null, null, null, null, null, '2024-03-01'])]);
    const failed = await importLedger(t.staff, t.database.db, 'legal-aid-cases', bad);
    expect(failed.status).toBe('failed');
    expect(JSON.stringify(failed)).toContain('决定给予日期不能早于收案日期');
    const good = await templateWith(t.staff, 'legal-aid-cases', [row(), row([null, '刑事', '通知辩护（公检法）', null, '赵某', '', '涉嫌盗窃罪', '武义县公安局', '', null, null, null, null, null, null, 75])]);
    const done = await importLedger(t.staff, t.database.db, 'legal-aid-cases', good);
    expect(done.status, JSON.stringify(done)).toBe('succeeded');
    const ind = await indicators('武义县法律援助中心', '2024-01-01', '2024-12-31', 'legalAid.caseCount,legalAid.qualityDistribution');
    expect(ind['legalAid.caseCount'].value).toBe(2);
    expect(ind['legalAid.qualityDistribution'].breakdown.map((b: { value: number }) => b.value)).toEqual([1, 0, 1, 0]);
  });
});

describe('演示数据', () => {
  it('武义县一年的公共法律服务：约190件法律援助（优秀49/良好44/合格33）、1415件公证、1950件咨询、18个工作站', async () => {
    const db = t.database.db;
    const all = await db.select().from(orgs).where(isNull(orgs.voidedAt));
    const byName = new Map<string, Org>(all.map((o) => [o.name, o]));
    const users = new Map(rowsOf<{ id: string; username: string }>(await db.execute(sql`select id, username from users`)).map((u) => [u.username, u.id]));
    await seedLegalAid({ db, config: t.config, orgs: byName, users, random: seededRandom(7), log: () => {} });
    const [center] = await db.select().from(orgs).where(and(eq(orgs.name, '武义县法律援助中心')));
    const count = async (q: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await db.execute(q))[0].n);
    const grades = rowsOf<{ g: string; n: number }>(await db.execute(sql`select quality_grade as g, count(*)::int as n from legal_aid_cases where org_id = ${center.id} and quality_grade is not null and quality_assessor = '武义县法律援助中心质量评估小组' group by 1`));
    const byGrade = Object.fromEntries(grades.map((g) => [g.g, Number(g.n)]));
    expect(byGrade).toEqual({ excellent: 49, good: 44, pass: 33 });
    expect(await count(sql`select count(*)::int as n from legal_aid_cases `)).toBeGreaterThanOrEqual(190);
    expect(await count(sql`select count(*)::int as n from notary_matters`)).toBe(1415 + 3);
    expect(await count(sql`select count(*)::int as n from consultations`)).toBe(1950 + 3 + 2);
    expect(await count(sql`select count(*)::int as n from service_points where kind = 'station'`)).toBe(18);
    expect(await count(sql`select count(*)::int as n from lawyers where kind <> 'grassroots'`)).toBeGreaterThanOrEqual(55);
    // The open cases run through the engine: the 工作台 has their deadlines, the lawyer sees assigned ones.
    const todo = await ok(await t.staff.get('/api/legal-aid/cases?state=received'));
    expect(todo.total).toBeGreaterThanOrEqual(4);
    const mine = await ok(await t.lawyer.get('/api/legal-aid/cases?mine=1'));
    expect(mine.total).toBeGreaterThanOrEqual(4);
  });
});
