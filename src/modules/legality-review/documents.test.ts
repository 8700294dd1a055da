import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { legalityTestContext, ok, publishedDoc, type LegalityTestContext } from './test-helpers';
import { expireDocuments, filingDueDate, maxValidUntil, overdueFilings } from './documents';
import { normativeDocuments } from './schema';

let t: LegalityTestContext;
beforeAll(async () => {
  t = await legalityTestContext();
}, 300_000);
afterAll(() => t?.close());

describe('规范性文件制定与公布', () => {
  it('起草 → 征求意见 → 合法性审核 → 集体审议 → 公布，公布时生成统一登记号和文件码 (DOMAIN.md §3)', async () => {
    const d = await publishedDoc(t.director, { title: '武义县农村宅基地管理实施细则', docNumber: '武政发〔2025〕7号' });
    expect(d.stage).toBe('published');
    expect(d.status).toBe('effective');
    expect(d.statusLabel).toBe('有效');
    expect(d.code).toMatch(/^[0-9A-Z]+-2025-\d{4}$/);
    expect(d.registrationNumber).toMatch(/DR-2025-\d{4}$/);
    expect(d.history.map((h: { label: string }) => h.label)).toEqual(['起草', '征求意见', '合法性审核', '集体审议', '公布']);
    const again = await publishedDoc(t.director, { title: '武义县城市道路挖掘管理规定', docNumber: '武政发〔2025〕8号' });
    expect(Number(again.code.split('-')[2])).toBe(Number(d.code.split('-')[2]) + 1);
  });

  it('未经集体审议不得公布', async () => {
    const draft = await ok(await t.director.post('/api/legality/documents', { title: '武义县某某管理办法', issuerOrg: '武义县人民政府' }), 201);
    const res = await t.director.post(`/api/legality/documents/${draft.id}/publish`, { version: draft.version, publishedDate: '2025-03-03', docNumber: '武政发〔2025〕9号' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('NORMATIVE_DOC_STAGE');
  });

  it('有效期一般不超过5年，暂行、试行不超过2年 (省规定)', async () => {
    expect(maxValidUntil('2025-03-01', false)).toBe('2030-02-28');
    expect(maxValidUntil('2025-03-01', true)).toBe('2027-02-28');
    const d = await publishedDoc(t.director, { title: '武义县住房公积金缴存管理暂行办法', publishedDate: '2025-03-01', docNumber: '武政发〔2025〕10号' });
    expect(d.provisional).toBe(true);
    expect(d.validUntil).toBe('2027-02-28');
    const res = await t.director.post('/api/legality/documents', { title: '武义县技能人才评价试行办法', issuerOrg: '武义县人民政府' });
    let x = res.json();
    for (let i = 0; i < 3; i++) x = await ok(await t.director.post(`/api/legality/documents/${x.id}/advance`, { version: x.version }));
    const tooLong = await t.director.post(`/api/legality/documents/${x.id}/publish`, { version: x.version, publishedDate: '2025-03-01', validUntil: '2027-03-01', docNumber: '武政发〔2025〕11号' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().code).toBe('NORMATIVE_DOC_VALIDITY');
    expect(tooLong.json().message).toContain('2年');
  });
});

describe('备案', () => {
  it('公布后30日内备案，逾期标记 (法规规章备案审查条例 第四条；省规定)', async () => {
    // 2025-03-03 + 30 days = 2025-04-02 (a Wednesday, a working day).
    expect(filingDueDate('2025-03-03')).toBe('2025-04-02');
    const onTime = await publishedDoc(t.director, { title: '武义县政府投资项目管理办法', publishedDate: '2025-03-03', docNumber: '武政发〔2025〕12号' });
    expect(onTime.filingDueDate).toBe('2025-04-02');
    const f1 = await ok(await t.director.post(`/api/legality/documents/${onTime.id}/filing`, { version: onTime.version, filedDate: '2025-04-02', filedWith: '金华市人民政府' }));
    expect(f1.filedLate).toBe(false);
    const late = await publishedDoc(t.director, { title: '武义县茶产业高质量发展若干政策', publishedDate: '2025-03-03', docNumber: '武政发〔2025〕13号' });
    const f2 = await ok(await t.director.post(`/api/legality/documents/${late.id}/filing`, { version: late.version, filedDate: '2025-04-03', filedWith: '金华市人民政府' }));
    expect(f2.filedLate).toBe(true);
    expect(f2.history.at(-1).label).toBe('报送备案（逾期）');
  });

  it('期限届满仍未备案的列入逾期未备案清单，期限当日不算逾期 (法规规章备案审查条例 第四条；省规定)', async () => {
    const d = await publishedDoc(t.director, { title: '武义县电动工具产业集群培育方案', publishedDate: '2025-05-06', docNumber: '武政发〔2025〕14号' });
    expect(d.filingDueDate).toBe('2025-06-05');
    expect((await overdueFilings(t.database.db, '2025-06-05')).map((x) => x.id)).not.toContain(d.id);
    expect((await overdueFilings(t.database.db, '2025-06-06')).map((x) => x.id)).toContain(d.id);
    const list = await ok(await t.director.get('/api/legality/documents/overdue-filings'));
    expect(list.items.map((x: { id: string }) => x.id)).toContain(d.id);
    expect((await ok(await t.hushan.get('/api/legality/documents/overdue-filings'))).items).toEqual([]);
  });

  it('备案期限最后一日为法定休假日的，顺延至节后第一个工作日 (民法典 第二百零三条)', () => {
    // 2025-09-01 + 30 = 2025-10-01 (国庆节) → 2025-10-09, the first working day after the holiday.
    expect(filingDueDate('2025-09-01')).toBe('2025-10-09');
  });
});

describe('有效期届满自动失效', () => {
  it('有效期最后一日仍有效，次日自动失效；届满前90日进入预警 (DOMAIN.md §3)', async () => {
    const d = await publishedDoc(t.director, { title: '武义县残疾人就业保障金征收管理办法', publishedDate: '2021-01-04', effectiveDate: '2021-01-04', validUntil: '2026-01-03', docNumber: '武政发〔2021〕1号' });
    const statusOf = async () => (await t.database.db.select().from(normativeDocuments).where(eq(normativeDocuments.id, d.id)))[0];

    const early = await expireDocuments(t.database.db, '2025-10-04'); // 91 days before the last day
    expect(early.warnings.map((w) => w.id)).not.toContain(d.id);
    const warn = await expireDocuments(t.database.db, '2025-10-05'); // 90 days before
    expect(warn.warnings.map((w) => w.id)).toContain(d.id);

    const lastDay = await expireDocuments(t.database.db, '2026-01-03');
    expect(lastDay.expired.map((x) => x.id)).not.toContain(d.id);
    expect((await statusOf()).status).toBe('effective');

    const next = await expireDocuments(t.database.db, '2026-01-04');
    expect(next.expired.map((x) => x.id)).toContain(d.id);
    const row = await statusOf();
    expect(row.status).toBe('expired');
    expect(row.statusDate).toBe('2026-01-04');
    // A repealed document is out of force already: the job leaves it alone.
    const rep = await publishedDoc(t.director, { title: '武义县中药材产业扶持办法', publishedDate: '2021-01-04', effectiveDate: '2021-01-04', validUntil: '2026-01-03', docNumber: '武政发〔2021〕2号' });
    await ok(await t.director.post(`/api/legality/documents/${rep.id}/cleanup`, { version: rep.version, date: '2024-06-28', outcome: 'repeal', reason: '产业政策已整合' }));
    expect((await expireDocuments(t.database.db, '2026-02-01')).expired.map((x) => x.id)).not.toContain(rep.id);
    // Running the job again changes nothing.
    expect((await expireDocuments(t.database.db, '2026-01-05')).expired.map((x) => x.id)).not.toContain(d.id);
  });
});

describe('修改与清理', () => {
  it('修改保留历史版本，公开查询可见各版本', async () => {
    const d = await publishedDoc(t.director, { title: '武义县城镇老旧小区改造实施办法', body: '第一条 原文。', docNumber: '武政发〔2025〕20号' });
    const a = await ok(await t.director.post(`/api/legality/documents/${d.id}/amend`, { version: d.version, date: '2025-09-01', docNumber: '武政发〔2025〕40号', body: '第一条 修改后的条文。', note: '根据省新规定修改第一条' }));
    expect(a.versionNo).toBe(2);
    expect(a.body).toBe('第一条 修改后的条文。');
    expect(a.versions).toHaveLength(1);
    expect(a.versions[0]).toMatchObject({ versionNo: 1, body: '第一条 原文。', docNumber: '武政发〔2025〕20号', supersededDate: '2025-09-01' });
    const pub = await ok(await t.anonymous.get(`/api/public/documents/${a.code}`));
    expect(pub.versions.map((v: { versionNo: number }) => v.versionNo)).toEqual([1]);
    expect(pub.history.map((h: { label: string }) => h.label)).toContain('修改（第2版）');
  });

  it('清理结果：保留仍有效，废止、宣布失效改变效力状态，废止须说明理由', async () => {
    const keep = await publishedDoc(t.director, { title: '武义县农村生活垃圾分类管理办法', docNumber: '武政发〔2025〕21号' });
    const k = await ok(await t.director.post(`/api/legality/documents/${keep.id}/cleanup`, { version: keep.version, date: '2025-06-30', outcome: 'keep' }));
    expect(k.status).toBe('effective');
    expect(k.cleanupOutcome).toBe('keep');
    const rep = await publishedDoc(t.director, { title: '武义县工业企业有机更新实施意见', docNumber: '武政发〔2025〕22号' });
    const noReason = await t.director.post(`/api/legality/documents/${rep.id}/cleanup`, { version: rep.version, date: '2025-06-30', outcome: 'repeal' });
    expect(noReason.statusCode).toBe(400);
    const r = await ok(await t.director.post(`/api/legality/documents/${rep.id}/cleanup`, { version: rep.version, date: '2025-06-30', outcome: 'repeal', reason: '上位法已废止' }));
    expect(r.status).toBe('repealed');
    expect(r.statusLabel).toBe('废止');
    const again = await t.director.post(`/api/legality/documents/${rep.id}/cleanup`, { version: r.version, date: '2025-07-01', outcome: 'keep' });
    expect(again.statusCode).toBe(400);
  });

  it('司法所工作人员不能管理规范性文件', async () => {
    const res = await t.hushan.post('/api/legality/documents', { title: '壶山街道村级工程项目管理办法', issuerOrg: '壶山街道办事处' });
    expect(res.statusCode).toBe(403);
  });
});
