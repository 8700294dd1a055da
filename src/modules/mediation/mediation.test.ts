import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../platform/testing/harness';
import { filledTemplate, importLedger } from '../../platform/ledger/test-ledger';
import { orgs } from '../../platform/orgs/schema';
import { mediationCases, mediationMediators } from './schema';
import { addUser, createCommitteeVia, deadline, orgByName, registerVia, step, stepOk, type Detail } from './test-helpers';

const WANGZHAI = '330723104';
const HUSHAN = '330723003';

let t: TestContext;
let tiaojie: Client; // 县司法局 人民调解管理员 (全部)
let wangzhai: Client; // 王宅司法所 调解专干 (本机构及下级)
let houchen: Client; // 后陈村调委会 调解员 (本机构)
let fayuan: Client; // 法院诉调对接员
let director: Client;
const cm: Record<string, { orgId: string }> = {};
const mediators: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestContext({ seedModules: false });
  tiaojie = await addUser(t, 'tiaojie', (await orgByName(t, '人民参与和促进法治科')).id, 'mediationAdmin');
  wangzhai = await addUser(t, 'wangzhai', (await orgByName(t, '王宅司法所')).id, 'mediationOfficer');
  fayuan = await addUser(t, 'fayuan', (await orgByName(t, '武义县人民法院')).id, 'courtLiaison');
  director = await t.login('director');
  cm.county = await createCommitteeVia(tiaojie, { name: '武义县人民调解委员会', level: 'county', acceptsCourtReferrals: true });
  cm.medical = await createCommitteeVia(tiaojie, { name: '武义县医疗纠纷人民调解委员会', level: 'industry', industry: 'medical' });
  cm.wangzhai = await createCommitteeVia(tiaojie, { name: '王宅镇人民调解委员会', level: 'township', townshipCode: WANGZHAI });
  cm.hushan = await createCommitteeVia(tiaojie, { name: '壶山街道人民调解委员会', level: 'township', townshipCode: HUSHAN });
  // The 司法所 registers the village committees of its own township.
  cm.houchen = await createCommitteeVia(wangzhai, { name: '后陈村人民调解委员会', level: 'village', townshipCode: WANGZHAI, villageOrgId: (await orgByName(t, '后陈村')).id });
  houchen = await addUser(t, 'houchen', cm.houchen.orgId, 'mediator');
  for (const [key, committee, name, specialties] of [
    ['chen', 'houchen', '陈国良', ['neighbor']],
    ['wang', 'wangzhai', '王立新', ['landForest']],
    ['li', 'wangzhai', '李春燕', ['neighbor', 'marriageFamily']],
    ['he', 'medical', '何晓峰', ['medical']],
  ] as const) {
    const res = await tiaojie.post('/api/mediation/mediators', { committeeOrgId: cm[committee].orgId, name, kind: 'partTime', specialties, phone: '13857912345' });
    expect(res.statusCode, res.body).toBe(200);
    mediators[key] = res.json().id;
  }
}, 120_000);
afterAll(() => t?.close());

type Figure = { numerator: number; denominator: number | null; display: string; breakdown: { key: string; label: string; value: number }[] };
const figures = async (c: Client, query: string) => {
  const res = await c.get(`/api/indicators?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries((res.json().indicators as (Figure & { key: string })[]).map((i) => [i.key, i]));
};

const listIds = async (c: Client, query = '') => {
  const res = await c.get(`/api/mediation/cases?pageSize=200${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: string }[]).map((i) => i.id);
};

describe('调解委员会与调解员', () => {
  it('村调委会建在所属司法所之下（司法所指导，人民调解法第五条），村级司法所用户不能在别的乡镇登记', async () => {
    const [o] = await t.database.db.select().from(orgs).where(eq(orgs.id, cm.houchen.orgId));
    const office = await orgByName(t, '王宅司法所');
    expect(o.type).toBe('mediationCommittee');
    expect(o.parentId).toBe(office.id);
    expect(o.regionCode).toBe((await orgByName(t, '后陈村')).regionCode);
    const res = await wangzhai.post('/api/mediation/committees', { name: '上街社区人民调解委员会', level: 'village', townshipCode: HUSHAN });
    expect(res.statusCode).toBe(403);
  });

  it('调解员电话加密存储，列表只显示掩码；专家库按专长筛选', async () => {
    const [m] = await t.database.db.select().from(mediationMediators).where(eq(mediationMediators.id, mediators.he));
    expect(m.phoneEnc).toMatch(/^sm4ctr1:/);
    const res = await tiaojie.get('/api/mediation/mediators?specialty=medical');
    expect(res.body).not.toContain('13857912345');
    expect(res.json().items.map((i: { name: string }) => i.name)).toEqual(['何晓峰']);
    const expert = await tiaojie.post('/api/mediation/mediators', { committeeOrgId: cm.county.orgId, name: '吴文斌', kind: 'partTime', isExpert: true });
    expect(expert.statusCode).toBe(400);
    expect(expert.json().message).toContain('专家领域');
  });
});

describe('数据范围', () => {
  let village: Detail;
  let township: Detail;
  let other: Detail;
  beforeAll(async () => {
    village = await registerVia(houchen, { applicantIdNumber: '330723198503121234', applicantPhone: '13900001111' });
    township = await registerVia(wangzhai, { committeeOrgId: cm.wangzhai.orgId });
    other = await registerVia(tiaojie, { committeeOrgId: cm.hushan.orgId });
  });

  it('村调委会调解员只看到本委员会的案件；司法所看到本乡镇；司法局看到全部', async () => {
    expect(village.case.orgId).toBe(cm.houchen.orgId);
    expect(village.case.applicantIdMasked).toBe('3307**********1234');
    const mine = await listIds(houchen);
    expect(mine).toContain(village.case.id);
    expect(mine).not.toContain(township.case.id);
    expect((await houchen.get(`/api/mediation/cases/${township.case.id}`)).statusCode).toBe(404);
    const office = await listIds(wangzhai);
    expect(office).toEqual(expect.arrayContaining([village.case.id, township.case.id]));
    expect(office).not.toContain(other.case.id);
    expect(await listIds(director)).toEqual(expect.arrayContaining([village.case.id, township.case.id, other.case.id]));
    expect((await houchen.post('/api/mediation/cases', { source: 'application', disputeType: 'neighbor', summary: 'x', applicantName: '甲', respondentName: '乙', committeeOrgId: cm.hushan.orgId })).statusCode).toBe(403);
  });

  it('身份证号、电话加密存储，列表和导出不含明文', async () => {
    const [row] = await t.database.db.select().from(mediationCases).where(eq(mediationCases.id, village.case.id));
    expect(row.applicantIdEnc).toMatch(/^sm4ctr1:/);
    expect(row.applicantPhoneMasked).toBe('139****1111');
    const res = await houchen.get('/api/mediation/cases?format=xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBe(1 + (await listIds(houchen)).length);
    expect(res.rawPayload.toString('latin1')).not.toContain('330723198503121234');
  });
});

describe('办理流程与期限', () => {
  it('调解期限 30 日自受理次日起算，末日为国庆假期顺延至节后第一个工作日 (民法典 第二百零一条、第二百零三条)', async () => {
    const d = await registerVia(houchen, { registeredDate: '2025-09-01' });
    const a = await stepOk(houchen, d, 'accept', { date: '2025-09-01' });
    expect(a.workflow!.state).toBe('accepted');
    // 2025-10-01 is 国庆; the holiday runs to 10-08, so the period ends on 2025-10-09.
    expect(deadline(a, 'mediationTerm')).toMatchObject({ startDate: '2025-09-01', dueDate: '2025-10-09' });
  });

  it('分派：调解员须属于所选调解委员会；成功须选择协议形式 (人民调解法 第二十八条)', async () => {
    const d = await registerVia(houchen, { registeredDate: '2025-10-10' });
    const a = await stepOk(houchen, d, 'accept', { date: '2025-10-10' });
    const wrong = await step(houchen, a, 'dispatch', { date: '2025-10-10', mediatorId: mediators.wang });
    expect(wrong.statusCode).toBe(400);
    const m = await stepOk(houchen, a, 'dispatch', { date: '2025-10-10', mediatorId: mediators.chen });
    expect(m.case.mediatorId).toBe(mediators.chen);
    const noKind = await step(houchen, m, 'succeed', { date: '2025-10-12', content: '双方和解' });
    expect(noKind.statusCode).toBe(400);
    expect(noKind.json().message).toContain('协议形式');
    const oral = await stepOk(houchen, m, 'succeed', { date: '2025-10-12', agreementType: 'oral', content: '双方口头约定滴水沟改道' });
    expect(oral.case).toMatchObject({ outcome: 'success', status: 'closed', agreementInstrumentId: null });
    expect(deadline(oral, 'mediationTerm')).toMatchObject({ status: 'met' });
    const fu = await stepOk(houchen, oral, 'followUp', { date: '2025-10-28', performance: 'fulfilled', note: '已履行' });
    expect(fu.workflow!.state).toBe('archived');
  });

  it('调解不成功须告知救济途径 (人民调解法 第二十六条)', async () => {
    const d = await registerVia(houchen, { registeredDate: '2025-10-10' });
    let x = await stepOk(houchen, d, 'accept', { date: '2025-10-10' });
    x = await stepOk(houchen, x, 'dispatch', { date: '2025-10-10', mediatorId: mediators.chen });
    expect((await step(houchen, x, 'fail', { date: '2025-10-20' })).statusCode).toBe(400);
    x = await stepOk(houchen, x, 'fail', { date: '2025-10-20', reason: '已告知可向人民法院起诉' });
    expect(x.case.outcome).toBe('failure');
  });

  it('分级递进：村 → 乡镇 → 县，提级后调解期限重新起算，原村调委会不再可见，县级不能再提级', async () => {
    const d = await registerVia(houchen, { registeredDate: '2025-11-03' });
    let x = await stepOk(houchen, d, 'accept', { date: '2025-11-03' });
    x = await stepOk(houchen, x, 'dispatch', { date: '2025-11-03', mediatorId: mediators.chen });
    const moved = await stepOk(houchen, x, 'escalate', { date: '2025-11-10', reason: '涉及多户，村调委会难以化解' });
    expect(moved).toMatchObject({ moved: true });
    x = (await wangzhai.get(`/api/mediation/cases/${d.case.id}`)).json() as Detail;
    expect(x.case).toMatchObject({ orgId: cm.wangzhai.orgId, level: 'township', escalations: 1, mediatorId: null });
    expect(x.workflow!.state).toBe('accepted');
    expect(deadline(x, 'mediationTerm')).toMatchObject({ startDate: '2025-11-10', dueDate: '2025-12-10' });
    expect((await houchen.get(`/api/mediation/cases/${d.case.id}`)).statusCode).toBe(404);
    expect(await stepOk(wangzhai, x, 'escalate', { date: '2025-11-20', reason: '重大疑难' })).toMatchObject({ moved: true });
    const y = (await tiaojie.get(`/api/mediation/cases/${d.case.id}`)).json() as Detail;
    expect(y.case).toMatchObject({ orgId: cm.county.orgId, level: 'county', escalations: 2 });
    const z = await step(tiaojie, y, 'escalate', { date: '2025-11-21', reason: '再提级' });
    expect(z.statusCode).toBe(400);
    expect(z.json().code).toBe('MEDIATION_TOP_LEVEL');
  });
});

describe('分派建议', () => {
  it('按纠纷类型、地域和在办案件数排序：医疗纠纷首选医调委，同专长调解员中在办少者优先', async () => {
    const med = await registerVia(wangzhai, { committeeOrgId: cm.wangzhai.orgId, disputeType: 'medical', townshipCode: WANGZHAI });
    const s = (await wangzhai.get(`/api/mediation/cases/${med.case.id}/dispatch-suggestions`)).json() as { committeeOrgId: string; mediatorId: string; score: number; reasons: string[] }[];
    expect(s[0]).toMatchObject({ committeeOrgId: cm.medical.orgId, mediatorId: mediators.he });
    expect(s[0].reasons.join()).toContain('行业性专业性');
    // Give 李春燕 (邻里) two open cases: for a 邻里 dispute 陈国良-level scoring aside, 李春燕 drops below an idle peer.
    const nb = await registerVia(wangzhai, { committeeOrgId: cm.wangzhai.orgId, disputeType: 'neighbor', townshipCode: WANGZHAI });
    const before = (await wangzhai.get(`/api/mediation/cases/${nb.case.id}/dispatch-suggestions`)).json() as { mediatorId: string; score: number; openCases: number }[];
    const li = before.find((x) => x.mediatorId === mediators.li)!;
    for (let i = 0; i < 2; i++) {
      const c = await registerVia(wangzhai, { committeeOrgId: cm.wangzhai.orgId });
      const a = await stepOk(wangzhai, c, 'accept', {});
      await stepOk(wangzhai, a, 'dispatch', { mediatorId: mediators.li });
    }
    const after = (await wangzhai.get(`/api/mediation/cases/${nb.case.id}/dispatch-suggestions`)).json() as { mediatorId: string; score: number; openCases: number }[];
    const li2 = after.find((x) => x.mediatorId === mediators.li)!;
    expect(li2.openCases).toBe(li.openCases + 2);
    expect(li2.score).toBe(li.score - 6);
  });
});

describe('法院委派诉前调解', () => {
  let ref: { id: string };
  it('法院委派 → 调委会调解成功 → 法院看到结果和调解协议书；诉前调解期限 30 日 (特邀调解规定)', async () => {
    const r = await fayuan.post('/api/mediation/court/referrals', { courtCaseNumber: '（2025）浙0723民诉前调1号', referralDate: '2025-09-01', disputeType: 'contract', summary: '装修款结算争议', applicantName: '朱建国', respondentName: '武义宏达装饰有限公司', committeeOrgId: cm.wangzhai.orgId });
    expect(r.statusCode, r.body).toBe(200);
    ref = r.json();
    expect(r.json().deadlines[0]).toMatchObject({ startDate: '2025-09-01', dueDate: '2025-10-09' });
    // The court sees its referrals only, not the committee's other cases.
    expect((await fayuan.get('/api/mediation/cases')).statusCode).toBe(403);
    expect((await fayuan.get('/api/mediation/court/referrals')).json().items.map((i: { id: string }) => i.id)).toEqual([ref.id]);
    expect((await houchen.get('/api/mediation/court/referrals')).statusCode).toBe(403);

    let d = (await wangzhai.get(`/api/mediation/cases/${ref.id}`)).json() as Detail;
    d = await stepOk(wangzhai, d, 'accept', { date: '2025-09-02' });
    d = await stepOk(wangzhai, d, 'dispatch', { date: '2025-09-02', mediatorId: mediators.wang });
    const s = await wangzhai.post(`/api/mediation/cases/${ref.id}/sessions`, { sessionDate: '2025-09-05', mediatorNames: '王立新', content: '双方陈述，核对结算清单' });
    expect(s.statusCode, s.body).toBe(200);
    // 延长 needs the parties' consent, and only once.
    expect((await step(wangzhai, d, 'extendCourtWindow', { date: '2025-09-25' })).statusCode).toBe(400);
    d = await stepOk(wangzhai, d, 'extendCourtWindow', { date: '2025-09-25', partiesConsent: true });
    expect(deadline(d, 'courtWindow')).toMatchObject({ dueDate: '2025-10-31', extendedDays: 30 });
    const again = await step(wangzhai, d, 'extendCourtWindow', { date: '2025-09-26', partiesConsent: true });
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toContain('已延长过一次');
    d = await stepOk(wangzhai, d, 'succeed', { date: '2025-10-15', agreementType: 'written', content: '被申请人于2025年10月31日前支付装修款3万元', wantsConfirmation: true });
    expect(d.issued![0].number).toBe('（2025）王宅镇调字第1号');
    expect(deadline(d, 'courtWindow')).toMatchObject({ status: 'met' });

    const back = (await fayuan.get(`/api/mediation/court/referrals/${ref.id}`)).json();
    expect(back).toMatchObject({ outcome: 'success', outcomeLabel: '调解成功', closedDate: '2025-10-15', sessions: 1, agreementContent: '被申请人于2025年10月31日前支付装修款3万元' });
    expect(back.deadlines[0]).toMatchObject({ status: 'met', extendedDays: 30 });
    const docx = await fayuan.get(back.agreement.docx);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
  });

  it('司法确认须自协议生效之日起 30 日内共同申请 (人民调解法 第三十三条)', async () => {
    let d = (await wangzhai.get(`/api/mediation/cases/${ref.id}`)).json() as Detail;
    expect(d.confirmation!.deadlines[0]).toMatchObject({ rule: 'apply', startDate: '2025-10-15', dueDate: '2025-11-14', cite: '人民调解法 第三十三条' });
    const late = await step(wangzhai, d, 'apply', { date: '2025-11-17', courtName: '武义县人民法院', jointly: true }, true);
    expect(late.statusCode).toBe(400);
    expect(late.json().message).toContain('第三十三条');
    expect((await step(wangzhai, d, 'apply', { date: '2025-11-10', courtName: '武义县人民法院' }, true)).statusCode).toBe(400);
    d = await stepOk(wangzhai, d, 'apply', { date: '2025-11-10', courtName: '武义县人民法院', jointly: true }, true);
    d = await stepOk(wangzhai, d, 'confirm', { date: '2025-11-14' }, true);
    expect(d.case.confirmationStatus).toBe('confirmed');
    expect((await fayuan.get(`/api/mediation/court/referrals/${ref.id}`)).json().confirmationStatus).toBe('confirmed');
  });

  it('诉前引调率 = 委派调解数 / 同期法院一审民商事收案（可超过100%）；司法确认数', async () => {
    expect((await fayuan.put('/api/mediation/court-stats', { month: '2025-09', civilFirstInstance: 4 })).statusCode).toBe(200);
    expect((await fayuan.put('/api/mediation/court-stats', { month: '2025-09', civilFirstInstance: 2 })).statusCode).toBe(200);
    expect((await houchen.put('/api/mediation/court-stats', { courtOrgId: (await orgByName(t, '武义县人民法院')).id, month: '2025-09', civilFirstInstance: 9 })).statusCode).toBe(403);
    for (let i = 0; i < 2; i++) {
      const r = await fayuan.post('/api/mediation/court/referrals', { courtCaseNumber: `（2025）浙0723民诉前调${10 + i}号`, referralDate: '2025-09-20', disputeType: 'traffic', summary: '交通事故赔偿', applicantName: '甲', respondentName: '乙' });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().committeeName).toBe('武义县人民调解委员会');
    }
    const f = await figures(director, 'org=330723&from=2025-09-01&to=2025-09-30');
    expect(f['mediation.courtReferralRate']).toMatchObject({ numerator: 3, denominator: 2, display: '150.0%' });
    const g = await figures(director, 'org=330723&from=2025-11-01&to=2025-11-30');
    expect(g['mediation.judicialConfirmations'].numerator).toBe(1);
  });
});

describe('指标、台账、排查、网上申请', () => {
  it('调解成功率 = 成功 / (成功 + 不成功)，终止不计入（DOMAIN.md §5）；台账导入全有或全无', async () => {
    const bad = await filledTemplate(tiaojie, 'mediation', [
      ['2024-03-01', '当事人申请', '邻里纠纷', '甲', '乙', '滴水', '壶山街道人民调解委员会', '', '', '', '2024-03-05', '调解成功', '口头协议', ''],
      ['2024-03-02', '当事人申请', '邻里纠纷', '丙', '丁', '通道', '不存在的调委会', '', '', '', '2024-03-06', '调解不成功', '', ''],
    ]);
    const failed = await importLedger(tiaojie, t.database.db, 'mediation', bad);
    expect(failed.status).toBe('failed');
    expect(JSON.stringify(failed.error)).toContain('不存在的调委会');
    const rows = [
      ['2024-03-01', '当事人申请', '邻里纠纷', '甲一', '乙', '滴水', '壶山街道人民调解委员会', '', '', '', '2024-03-05', '调解成功', '书面调解协议', ''],
      ['2024-03-01', '当事人申请', '邻里纠纷', '甲二', '乙', '滴水', '壶山街道人民调解委员会', '', '', '', '2024-03-05', '调解成功', '口头协议', ''],
      ['2024-03-01', '主动排查', '合同纠纷', '丙', '丁', '欠款', '壶山街道人民调解委员会', '', '', '', '2024-03-08', '调解不成功', '', ''],
      ['2024-03-01', '主动排查', '合同纠纷', '戊', '己', '欠款', '壶山街道人民调解委员会', '', '', '', '2024-03-08', '终止调解', '', ''],
    ];
    const file = await filledTemplate(tiaojie, 'mediation', rows);
    const job = await importLedger(tiaojie, t.database.db, 'mediation', file);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const f = await figures(director, 'org=330723&from=2024-01-01&to=2024-12-31');
    // 2/3 = 66.7% (half-up, DOMAIN.md §9); the terminated case is neither numerator nor denominator.
    expect(f['mediation.successRate']).toMatchObject({ numerator: 2, denominator: 3, display: '66.7%' });
    expect(f['mediation.caseCount'].numerator).toBe(4);
    expect(f['mediation.caseCount'].breakdown).toEqual(expect.arrayContaining([{ key: 'source:screening', label: '来源：主动排查', value: 2 }, { key: 'type:neighbor', label: '类型：邻里纠纷', value: 2 }]));
    const rec = await director.get('/api/indicators/mediation.successRate/records?org=330723&from=2024-01-01&to=2024-12-31&part=denominator');
    expect(rec.statusCode, rec.body).toBe(200);
  }, 180_000);

  it('排查：化解数不能多于发现数；按委员会汇总', async () => {
    const bad = await houchen.post('/api/mediation/screenings', { committeeOrgId: cm.houchen.orgId, periodStart: '2025-10-01', periodEnd: '2025-10-31', screeningCount: 4, disputesFound: 2, disputesResolved: 3 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('化解纠纷数不能多于发现纠纷数');
    expect((await houchen.post('/api/mediation/screenings', { committeeOrgId: cm.hushan.orgId, periodStart: '2025-10-01', periodEnd: '2025-10-31', screeningCount: 4, disputesFound: 2, disputesResolved: 1 })).statusCode).toBe(403);
    expect((await houchen.post('/api/mediation/screenings', { committeeOrgId: cm.houchen.orgId, periodStart: '2025-10-01', periodEnd: '2025-10-31', screeningCount: 4, disputesFound: 3, disputesResolved: 2 })).statusCode).toBe(200);
    const list = (await wangzhai.get('/api/mediation/screenings')).json();
    expect(list.sums).toEqual({ screeningCount: 4, disputesFound: 3, disputesResolved: 2 });
  });

  it('网上申请：不登录提交到所选乡镇调委会，凭查询码查询进度，不含个人信息', async () => {
    const res = await t.anonymous.post('/api/public/mediation/applications', { disputeType: 'neighbor', summary: '邻居堆放杂物堵塞通道', applicantName: '俞美玲', applicantPhone: '13700001234', respondentName: '邻居', townshipCode: WANGZHAI });
    expect(res.statusCode, res.body).toBe(201);
    const { trackingCode, committeeName } = res.json();
    expect(committeeName).toBe('王宅镇人民调解委员会');
    const track = await t.anonymous.get(`/api/public/mediation/track/${trackingCode}`);
    expect(track.json()).toMatchObject({ stateLabel: '已登记（待受理）', committeeName: '王宅镇人民调解委员会' });
    expect(track.body).not.toContain('俞美玲');
    expect(track.body).not.toContain('13700001234');
    const bad = await t.anonymous.post('/api/public/mediation/applications', { disputeType: 'neighbor', summary: 'x', applicantName: '甲', applicantPhone: '123', respondentName: '乙' });
    expect(bad.statusCode).toBe(400);
  });
});
