import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadTo } from '../../platform/files/test-upload';
import { code, enforcementTestContext, ok, type EnforcementTest } from './test-helpers';

let t: EnforcementTest;
beforeAll(async () => {
  t = await enforcementTestContext();
});
afterAll(() => t?.close());

const inspect = (c: EnforcementTest['scj'], ent: number, date: string, matter = '食品安全', extra: Record<string, unknown> = {}) =>
  ok(c.post('/api/enforcement/inspections', { enterpriseCreditCode: code(ent), enterpriseName: `测试企业${ent}`, inspectionDate: date, matter, ...extra }) as never, 201);
const post = async (c: EnforcementTest['scj'], url: string, body: unknown, status = 201) => ok(await c.post(url, body), status);
const clues = async (q = '') => (await ok(await t.jiandu.get(`/api/enforcement/clues?pageSize=200${q}`))).items as { id: string; kind: string; enterpriseCreditCode: string; inspectionDate: string; status: string; orgId: string; version: number }[];

describe('多头检查、重复检查线索 (DOMAIN.md §4；国办发〔2024〕54号；窗口为地方规定，默认30日)', () => {
  let result: { added: { repeat: number; multiAgency: number }; found: { repeat: number; multiAgency: number } };
  beforeAll(async () => {
    // 重复检查: enterprise 1 by 市场监管局 on the same matter 30 days apart (inside the window) …
    await post(t.scj, '/api/enforcement/inspections', { enterpriseCreditCode: code(1), enterpriseName: '测试企业1', inspectionDate: '2025-03-01', matter: '食品安全' });
    await post(t.scj, '/api/enforcement/inspections', { enterpriseCreditCode: code(1), enterpriseName: '测试企业1', inspectionDate: '2025-03-31', matter: '食品安全' });
    // … and enterprise 2, 31 days apart (outside), and a different matter inside.
    await post(t.scj, '/api/enforcement/inspections', { enterpriseCreditCode: code(2), enterpriseName: '测试企业2', inspectionDate: '2025-03-01', matter: '食品安全' });
    await post(t.scj, '/api/enforcement/inspections', { enterpriseCreditCode: code(2), enterpriseName: '测试企业2', inspectionDate: '2025-04-01', matter: '食品安全' });
    await post(t.scj, '/api/enforcement/inspections', { enterpriseCreditCode: code(2), enterpriseName: '测试企业2', inspectionDate: '2025-04-02', matter: '计量器具' });
    // 多头检查: enterprise 3 by 市场监管局 then 综合执法局 30 days later; enterprise 4 by both 31 days apart.
    await post(t.scj, '/api/enforcement/inspections', { enterpriseCreditCode: code(3), enterpriseName: '测试企业3', inspectionDate: '2025-05-01', matter: '特种设备' });
    await post(t.zhzf, '/api/enforcement/inspections', { enterpriseCreditCode: code(3), enterpriseName: '测试企业3', inspectionDate: '2025-05-31', matter: '市容环境' });
    await post(t.scj, '/api/enforcement/inspections', { enterpriseCreditCode: code(4), enterpriseName: '测试企业4', inspectionDate: '2025-05-01', matter: '特种设备' });
    await post(t.zhzf, '/api/enforcement/inspections', { enterpriseCreditCode: code(4), enterpriseName: '测试企业4', inspectionDate: '2025-06-01', matter: '市容环境' });
    // Enterprise 5: both agencies the same day, inside a 联合检查任务 ("综合查一次") — no clue.
    const task = await post(t.jiandu, '/api/enforcement/joint-tasks', { name: '餐饮企业综合查一次', plannedDate: '2025-06-10', agencyOrgIds: [t.scjId, t.zhzfId] });
    await post(t.scj, '/api/enforcement/inspections', { enterpriseCreditCode: code(5), enterpriseName: '测试企业5', inspectionDate: '2025-06-10', matter: '食品安全', jointTaskId: task.id });
    await post(t.zhzf, '/api/enforcement/inspections', { enterpriseCreditCode: code(5), enterpriseName: '测试企业5', inspectionDate: '2025-06-10', matter: '油烟排放', jointTaskId: task.id });
    const notIn = await t.zhzf.post('/api/enforcement/inspections', { enterpriseCreditCode: code(6), enterpriseName: '测试企业6', inspectionDate: '2025-06-10', matter: '食品安全', jointTaskId: (await post(t.jiandu, '/api/enforcement/joint-tasks', { name: '另一任务', plannedDate: '2025-06-10', agencyOrgIds: [t.scjId, t.hbId] })).id });
    expect(notIn.statusCode).toBe(400);
    result = await post(t.jiandu, '/api/enforcement/clues/detect', {}, 200);
  });

  it('同一部门同一事项间隔 30 日为重复检查，31 日不是（窗口含末日）', async () => {
    const repeat = await clues('&kind=repeat');
    expect(repeat.map((c) => `${c.enterpriseCreditCode}@${c.inspectionDate}`)).toEqual([`${code(1)}@2025-03-31`]);
    expect(result.found.repeat).toBe(1);
  });

  it('两个部门 30 日内检查同一企业为多头检查，31 日或联合检查不是', async () => {
    const multi = await clues('&kind=multiAgency');
    expect(multi.map((c) => `${c.enterpriseCreditCode}@${c.inspectionDate}`)).toEqual([`${code(3)}@2025-05-31`]);
    expect(multi[0].orgId).toBe(t.zhzfId);
  });

  it('重复筛查不重复生成线索；检查记录作废后未处理线索失效', async () => {
    const again = await post(t.jiandu, '/api/enforcement/clues/detect', {}, 200);
    expect(again.added).toEqual({ repeat: 0, multiAgency: 0 });
    expect(again.found).toEqual(result.found);
    const extra = await post(t.scj, '/api/enforcement/inspections', { enterpriseCreditCode: code(9), enterpriseName: '测试企业9', inspectionDate: '2025-07-01', matter: '广告' });
    await post(t.scj, '/api/enforcement/inspections', { enterpriseCreditCode: code(9), enterpriseName: '测试企业9', inspectionDate: '2025-07-02', matter: '广告' });
    expect((await post(t.jiandu, '/api/enforcement/clues/detect', {}, 200)).added.repeat).toBe(1);
    await ok(await t.scj.post(`/api/enforcement/inspections/${extra.id}/void`, { reason: '重复录入' }));
    expect((await post(t.jiandu, '/api/enforcement/clues/detect', {}, 200)).lapsed).toBe(1);
    expect((await clues('&kind=repeat')).length).toBe(1);
  });

  it('行政机关只看到本机关的线索，不能确认；排除须写理由', async () => {
    const own = await ok(await t.scj.get('/api/enforcement/clues?pageSize=50'));
    expect(own.items.every((c: { orgId: string }) => c.orgId === t.scjId)).toBe(true);
    const [multi] = await clues('&kind=multiAgency');
    expect((await t.scj.post(`/api/enforcement/clues/${multi.id}/confirm`, {})).statusCode).toBe(403);
    const noReason = await t.jiandu.post(`/api/enforcement/clues/${multi.id}/dismiss`, { note: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('理由');
  });
});

describe('监督文书与整改 (行政执法监督条例)', () => {
  it('确认线索 → 出具监督通知书（编号、docx）→ 行政机关上传佐证材料完成整改 → 整改完成率', async () => {
    const [repeat] = await clues('&kind=repeat');
    expect((await t.jiandu.post('/api/enforcement/docs', { kind: 'notice', agencyOrgId: t.scjId, subject: '重复检查', facts: '对同一企业重复检查', items: [{ item: '清理检查计划', deadline: '2030-01-01' }], sourceType: 'clue', sourceId: repeat.id })).statusCode).toBe(400);
    const confirmed = await ok(await t.jiandu.post(`/api/enforcement/clues/${repeat.id}/confirm`, { version: repeat.version, note: '经核实属实' }));
    expect(confirmed.status).toBe('confirmed');
    expect((await t.jiandu.post(`/api/enforcement/clues/${repeat.id}/confirm`, {})).statusCode).toBe(409);
    const doc = await post(t.jiandu, '/api/enforcement/docs', {
      kind: 'notice', agencyOrgId: t.scjId, subject: '涉企行政检查', facts: '2025年3月对测试企业1就食品安全事项30日内检查两次。', date: '2025-08-01',
      items: [{ item: '制定年度检查计划，合并同类检查', deadline: '2025-08-31' }, { item: '对相关执法人员开展培训', deadline: '2025-09-15' }], sourceType: 'clue', sourceId: repeat.id,
    });
    expect(doc.number).toMatch(/〔2025〕1号$/);
    expect(doc.items).toHaveLength(2);
    const docx = await t.scj.get(`/api/instruments/${doc.instrumentId}/docx`);
    expect(docx.statusCode).toBe(200);
    expect((await t.zhzf.get(`/api/instruments/${doc.instrumentId}/docx`)).statusCode).toBe(404);
    const items = (await ok(await t.scj.get(`/api/enforcement/rectifications?sourceId=${doc.id}`))).items;
    expect(items).toHaveLength(2);
    expect((await ok(await t.zhzf.get('/api/enforcement/rectifications'))).total).toBe(0);

    const noEvidence = await t.scj.post(`/api/enforcement/rectifications/${items[0].id}/close`, { note: '已制定检查计划', evidenceFileIds: [] });
    expect(noEvidence.statusCode).toBe(400);
    const file = await ok(await uploadTo(t.scj, '/api/files', '检查计划.txt', Buffer.from('2025年度检查计划'), 'text/plain'));
    const closed = await ok(await t.scj.post(`/api/enforcement/rectifications/${items[0].id}/close`, { note: '已制定年度检查计划', evidenceFileIds: [file.id], date: '2025-08-20' }));
    expect(closed.status).toBe('closed');
    expect((await t.zhzf.post(`/api/enforcement/rectifications/${items[1].id}/close`, { note: '越权', evidenceFileIds: [file.id] })).statusCode).toBe(404);
    const list = await ok(await t.jiandu.get(`/api/enforcement/docs`));
    expect(list.items[0].rectification).toEqual({ total: 2, closed: 1 });

    const ind = await ok(await t.jiandu.get('/api/indicators?org=330723&from=2025-01-01&to=2025-12-31&keys=enforcement.rectificationClosedRate,enforcement.repeatInspectionClues,enforcement.multiAgencyInspectionClues,enforcement.jointInspectionRate'));
    const by = Object.fromEntries(ind.indicators.map((i: { key: string }) => [i.key, i]));
    expect(by['enforcement.rectificationClosedRate']).toMatchObject({ numerator: 1, denominator: 2, display: '50.0%' });
    expect(by['enforcement.repeatInspectionClues'].numerator).toBe(1);
    expect(by['enforcement.multiAgencyInspectionClues'].numerator).toBe(1);
    // 2 joint of 12 live inspections in 2025 (the voided one does not count): 16.7%.
    expect(by['enforcement.jointInspectionRate']).toMatchObject({ numerator: 2, denominator: 12, display: '16.7%' });
  });

  it('案卷评查按评查表打分：80 分合格，79 分不合格并生成整改事项；超过分值被拒 (行政执法监督条例；地方评查标准)', async () => {
    const campaign = await post(t.jiandu, '/api/enforcement/campaigns', { kind: 'caseReview', name: '2025年度行政执法案卷评查', startDate: '2025-10-01', agencyOrgIds: [t.scjId, t.zhzfId] });
    expect(campaign.checklist.map((i: { label: string }) => i.label)).toEqual(['执法主体', '执法程序', '证据', '法律适用', '执法文书']);
    const score = (agencyOrgId: string, caseNumber: string, s: number[]) =>
      t.jiandu.post(`/api/enforcement/campaigns/${campaign.id}/reviews`, { agencyOrgId, caseNumber, reviewedDate: '2025-10-15', scores: { subject: s[0], procedure: s[1], evidence: s[2], law: s[3], documents: s[4] }, findings: s.reduce((a, b) => a + b) < 80 ? '送达回证缺失' : null });
    const pass = await ok(await score(t.scjId, '武市监处〔2025〕8号', [15, 25, 20, 15, 5]), 201);
    expect(pass).toMatchObject({ total: 80, passed: true, rectification: null });
    const fail = await ok(await score(t.zhzfId, '武综执罚〔2025〕3号', [15, 25, 20, 15, 4]), 201);
    expect(fail).toMatchObject({ total: 79, passed: false });
    expect(fail.rectification.orgId).toBe(t.zhzfId);
    const over = await score(t.scjId, '武市监处〔2025〕9号', [16, 25, 20, 15, 5]);
    expect(over.statusCode).toBe(400);
    expect(over.body).toContain('最高15分');
    expect((await score(t.scjId, '武市监处〔2025〕8号', [15, 25, 20, 15, 5])).statusCode).toBe(409);
    const results = await ok(await t.jiandu.get(`/api/enforcement/campaigns/${campaign.id}/results`));
    expect(results.agencies.map((a: { orgName: string; passRate: number }) => [a.orgName, a.passRate]).sort()).toEqual([['武义县市场监督管理局', 100], ['武义县综合行政执法局', 0]]);
    const own = await ok(await t.zhzf.get(`/api/enforcement/campaigns/${campaign.id}/results`));
    expect(own.files.map((f: { caseNumber: string }) => f.caseNumber)).toEqual(['武综执罚〔2025〕3号']);
    const ind = await ok(await t.director.get('/api/indicators?org=330723&from=2025-01-01&to=2025-12-31&keys=enforcement.caseFileReviewCount,enforcement.caseFilePassRate'));
    expect(ind.indicators.map((i: { display: string }) => i.display)).toEqual(['2', '50.0%']);
  });

  it('执法人员：身份证号加密存储、列表脱敏；持证率和考试通过率 (DOMAIN.md §4 持证率)', async () => {
    const add = (name: string, over: Record<string, unknown>) => post(t.scj, '/api/enforcement/officers', { name, idNumber: '33072319880506123X', ...over });
    await add('张伟', { certificateType: 'enforcement', certificateNumber: '3307230001', certificateExpiry: '2028-12-31', examDate: '2025-05-20', examScore: 86 });
    await add('李娜', { certificateType: 'enforcement', certificateNumber: '3307230002', certificateExpiry: '2025-06-30', examDate: '2025-05-20', examScore: 52 });
    await add('王强', { certificateType: 'enforcement', certificateNumber: '3307230003', certificateExpiry: '2027-01-31' });
    await add('赵敏', { staffed: false, certificateType: 'enforcement', certificateNumber: '3307230004', certificateExpiry: '2027-01-31' });
    const dup = await t.scj.post('/api/enforcement/officers', { name: '重复', certificateType: 'enforcement', certificateNumber: '3307230001', certificateExpiry: '2028-12-31' });
    expect(dup.statusCode).toBe(409);
    const list = await ok(await t.scj.get('/api/enforcement/officers'));
    expect(list.items[0].idNumberMasked).toBe('3307**********123X');
    expect(JSON.stringify(list)).not.toContain('33072319880506123X');
    const ind = await ok(await t.director.get('/api/indicators?org=330723&from=2025-01-01&to=2025-12-31&keys=enforcement.certificateRate,enforcement.examPassRate'));
    // Staffed: 张伟, 李娜 (expired 2025-06-30), 王强 → 2/3 as at 2025-12-31; exam 1 of 2 passed.
    expect(ind.indicators.map((i: { display: string }) => i.display)).toEqual(['66.7%', '50.0%']);
    const agencies = await ok(await t.jiandu.get('/api/enforcement/agencies'));
    expect(agencies.items.length).toBeGreaterThanOrEqual(12);
  });
});
