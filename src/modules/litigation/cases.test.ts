import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/client';
import { createTestContext, type Client, type TestContext } from '../../platform/testing/harness';
import { caseBody, deadline, litigationUsers, orgByName, registerVia, stepOk, type CaseDetail } from './test-helpers';
import { litigationCases } from './schema';
import { orgs } from '../../platform/orgs/schema';

let t: TestContext;
let yingsu: Client;
let zrzy: Client;
let gongan: Client;
let hushan: Client;
let baiyang: Client;
let director: Client;

beforeAll(async () => {
  t = await createTestContext({ seedModules: false });
  ({ yingsu, zrzy, gongan } = await litigationUsers(t));
  hushan = await t.login('hushan');
  baiyang = await t.login('baiyang');
  director = await t.login('director');
  // Numbered 文书 of an agency need its 简称 (武自然资规函〔2025〕N号); the demo tree leaves it to the admin.
  await t.database.db.update(orgs).set({ shortName: '武自然资规' }).where(eq(orgs.name, '武义县自然资源和规划局'));
});
afterAll(() => t?.close());

async function xlsxCaseNumbers(c: Client, query = '') {
  const res = await c.get(`/api/litigation/cases?format=xlsx${query}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const headers = (ws.getRow(1).values as unknown[]).slice(1);
  const col = headers.indexOf('案号') + 1;
  const out: string[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) out.push(String(row.getCell(col).value));
  });
  return { numbers: out, headers };
}

const listNumbers = async (c: Client, query = '') => {
  const res = await c.get(`/api/litigation/cases?pageSize=200${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { caseNumber: string }[]).map((i) => i.caseNumber);
};

describe('登记应诉案件', () => {
  it('原告身份证号加密存储，列表和详情只显示掩码', async () => {
    const d = await registerVia(yingsu);
    expect(d.case.plaintiffIdMasked).toBe('3307**********1234');
    const [row] = await t.database.db.select().from(litigationCases).where(eq(litigationCases.id, d.case.id));
    expect(row.plaintiffIdEnc).toMatch(/^sm4ctr1:/);
    expect(row.plaintiffPhoneMasked).toBe('138****2345');
    const list = await yingsu.get('/api/litigation/cases?pageSize=200');
    expect(list.body).not.toContain('330723198503121234');
    expect((await yingsu.get(`/api/litigation/cases/${d.case.id}`)).body).not.toContain('330723198503121234');
  });

  it('被告、法院按名称关联组织机构；案件归被告机关所有', async () => {
    const d = await registerVia(yingsu);
    const zr = await orgByName(t, '武义县自然资源和规划局');
    const court = await orgByName(t, '武义县人民法院');
    expect(d.case).toMatchObject({ defendantOrgId: zr.id, courtOrgId: court.id, orgName: '武义县自然资源和规划局' });
  });

  it('案号格式错误、缺少必填项时列出字段，不写入', async () => {
    const before = rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from litigation_cases`))[0].n;
    const res = await yingsu.post('/api/litigation/cases', caseBody({ caseNumber: '2025-12', cause: '' }));
    expect(res.statusCode).toBe(400);
    const paths = res.json().details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['caseNumber', 'cause']));
    expect(res.json().message).toContain('案号格式应如（2025）浙0723行初12号');
    const after = rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from litigation_cases`))[0].n;
    expect(after).toBe(before);
  });

  it('同一案号不能重复登记', async () => {
    const body = caseBody();
    expect((await yingsu.post('/api/litigation/cases', body)).statusCode).toBe(200);
    const dup = await yingsu.post('/api/litigation/cases', body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('LITIGATION_DUPLICATE_NUMBER');
  });

  it('关联的行政复议案件须存在且可见', async () => {
    const res = await yingsu.post('/api/litigation/cases', caseBody({ reviewCaseId: crypto.randomUUID() }));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('行政复议案件');
  });
});

describe('数据范围', () => {
  let zrCase: CaseDetail;
  let gaCase: CaseDetail;
  let hsCase: CaseDetail;

  beforeAll(async () => {
    zrCase = await registerVia(yingsu, { defendantName: '武义县自然资源和规划局' });
    gaCase = await registerVia(yingsu, { defendantName: '武义县公安局', cause: '治安行政处罚' });
    hsCase = await registerVia(hushan, { defendantName: '壶山街道', cause: '强制拆除', actType: 'enforcement' });
  });

  it('行政机关法制员只看到本机关为被告的案件：列表、详情、导出', async () => {
    const mine = await listNumbers(zrzy);
    expect(mine).toContain(zrCase.case && (await t.database.db.select().from(litigationCases).where(eq(litigationCases.id, zrCase.case.id)))[0].caseNumber);
    const gaNumber = (await t.database.db.select().from(litigationCases).where(eq(litigationCases.id, gaCase.case.id)))[0].caseNumber;
    expect(mine).not.toContain(gaNumber);
    expect((await zrzy.get(`/api/litigation/cases/${gaCase.case.id}`)).statusCode).toBe(404);
    expect((await zrzy.get(`/api/litigation/cases/${zrCase.case.id}`)).statusCode).toBe(200);
    const { numbers } = await xlsxCaseNumbers(zrzy);
    expect(numbers).not.toContain(gaNumber);
    expect(numbers.length).toBe(mine.length);
    // …and the 公安局's 法制员 sees its suit but not the 自然资源局's.
    expect((await gongan.get(`/api/litigation/cases/${gaCase.case.id}`)).statusCode).toBe(200);
    expect((await gongan.get(`/api/litigation/cases/${zrCase.case.id}`)).statusCode).toBe(404);
  });

  it('行政机关法制员只能登记本机关为被告的案件；登记后应诉科可见', async () => {
    const other = await zrzy.post('/api/litigation/cases', caseBody({ defendantName: '武义县公安局' }));
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('LITIGATION_NOT_OWN_ORGAN');
    const own = await registerVia(zrzy);
    expect(own.case.orgName).toBe('武义县自然资源和规划局');
    expect((await yingsu.get(`/api/litigation/cases/${own.case.id}`)).statusCode).toBe(200);
    expect((await director.get(`/api/litigation/cases/${own.case.id}`)).statusCode).toBe(200);
  });

  it('司法所人员看不到司法局及行政机关的案件（列表、详情、导出），也看不到其他司法所的案件', async () => {
    expect(hsCase.case.orgName).toBe('壶山司法所');
    const hsNumbers = await listNumbers(hushan);
    const hsNumber = (await t.database.db.select().from(litigationCases).where(eq(litigationCases.id, hsCase.case.id)))[0].caseNumber;
    expect(hsNumbers).toEqual([hsNumber]);
    expect((await hushan.get(`/api/litigation/cases/${zrCase.case.id}`)).statusCode).toBe(404);
    expect((await xlsxCaseNumbers(hushan)).numbers).toEqual([hsNumber]);
    expect(await listNumbers(baiyang)).toEqual([]);
    expect((await baiyang.get(`/api/litigation/cases/${hsCase.case.id}`)).statusCode).toBe(404);
    expect((await baiyang.get(`/api/litigation/cases?format=xlsx`)).statusCode).toBe(200);
    expect((await xlsxCaseNumbers(baiyang)).numbers).toEqual([]);
  });

  it('局长只读：可查看全部案件，不能办理', async () => {
    expect((await director.get(`/api/litigation/cases/${hsCase.case.id}`)).statusCode).toBe(200);
    const res = await director.post(`/api/litigation/cases/${zrCase.case.id}/actions/submitDefence`, { version: zrCase.workflow!.version, data: { date: '2025-03-10', evidenceCount: 2 } });
    expect(res.statusCode).toBe(403);
  });

  it('导出表头与台账模板一致', async () => {
    const { headers } = await xlsxCaseNumbers(yingsu);
    expect(headers).toEqual(expect.arrayContaining(['收案日期', '案号', '法院', '原告', '被告', '案由', '审级', '开庭日期', '负责人是否出庭', '出庭负责人', '结案日期', '结果']));
  });
});

describe('开庭与负责人出庭应诉 (行政诉讼法 第三条第三款)', () => {
  it('负责人出庭须填写姓名职务；未出庭须委托工作人员出庭', async () => {
    const d = await registerVia(yingsu);
    const noName = await yingsu.post(`/api/litigation/cases/${d.case.id}/hearings`, { hearingDate: '2025-04-20', status: 'held', headAppeared: true });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().details.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['headName', 'headPost']));
    const lawyerOnly = await yingsu.post(`/api/litigation/cases/${d.case.id}/hearings`, { hearingDate: '2025-04-20', status: 'held', headAppeared: false, lawyerNames: '王律师' });
    expect(lawyerOnly.statusCode).toBe(400);
    expect(lawyerOnly.json().message).toContain('行政诉讼法第三条第三款');
    const ok = await yingsu.post(`/api/litigation/cases/${d.case.id}/hearings`, { hearingDate: '2025-04-20', status: 'held', headAppeared: true, headName: '汤志刚', headPost: '副局长', staffNames: '李明' });
    expect(ok.statusCode, ok.body).toBe(200);
    const detail = ok.json() as CaseDetail;
    expect(detail.hearings).toHaveLength(1);
    expect(detail.timeline.some((e) => e.kind === 'hearing' && e.date === '2025-04-20')).toBe(true);
    expect(await listNumbers(yingsu, '&headAppeared=yes')).toContain((await t.database.db.select().from(litigationCases).where(eq(litigationCases.id, d.case.id)))[0].caseNumber);
  });

  it('排期开庭时出具编号的负责人出庭应诉通知，可下载docx', async () => {
    const d = await registerVia(yingsu);
    const res = await yingsu.post(`/api/litigation/cases/${d.case.id}/hearings`, { hearingDate: '2099-01-10', status: 'scheduled', headName: '汤志刚', headPost: '副局长', issueNotice: true });
    expect(res.statusCode, res.body).toBe(200);
    const notice = (res.json() as CaseDetail).instruments.find((i) => i.type === 'litigation.appearanceNotice')!;
    expect(notice.number).toMatch(/〔\d{4}〕\d+号$/);
    const docx = await yingsu.get(`/api/instruments/${notice.id}/docx`);
    expect(docx.statusCode).toBe(200);
    // The agency sees the notice addressed to it.
    expect((await zrzy.get(`/api/instruments/${notice.id}`)).statusCode).toBe(200);
    const held = await yingsu.post(`/api/litigation/cases/${d.case.id}/hearings`, { hearingDate: '2099-01-10', status: 'held', headAppeared: true, headName: '汤志刚', headPost: '副局长' });
    expect(held.statusCode).toBe(400);
  });
});

describe('司法建议、答辩状、行政争议调解', () => {
  it('司法建议回复期限默认60日，可在设置中修改；回复时出具回复函 (行政诉讼法 第六十六条)', async () => {
    const d = await registerVia(yingsu);
    let res = await yingsu.post(`/api/litigation/cases/${d.case.id}/suggestions`, { documentNumber: '（2025）浙0723司建3号', receivedDate: '2025-05-06', content: '建议规范执法程序。' });
    expect(res.statusCode, res.body).toBe(200);
    let s = (res.json() as CaseDetail).suggestions[0];
    // 2025-05-06 + 60 = 2025-07-05 (Saturday) → 2025-07-07.
    expect(s.workflow!.deadlines[0]).toMatchObject({ rule: 'reply', dueDate: '2025-07-07', days: 60 });

    expect((await hushan.put('/api/litigation/settings', { suggestionReplyDays: 30 })).statusCode).toBe(403);
    expect((await director.put('/api/litigation/settings', { suggestionReplyDays: 30 })).statusCode).toBe(200);
    res = await yingsu.post(`/api/litigation/cases/${d.case.id}/suggestions`, { receivedDate: '2025-05-06', content: '建议完善证据保存。' });
    const second = (res.json() as CaseDetail).suggestions[1];
    expect(second.workflow!.deadlines[0]).toMatchObject({ dueDate: '2025-06-05', days: 30 });
    await director.put('/api/litigation/settings', { suggestionReplyDays: 60 });

    res = await yingsu.post(`/api/litigation/suggestions/${s.id}/reply`, { version: s.workflow!.version, date: '2025-06-20', content: '已组织整改。\n修订执法规程。' });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as CaseDetail;
    s = after.suggestions.find((x) => x.id === s.id)!;
    expect(s.status).toBe('replied');
    expect(s.workflow!.deadlines[0].status).toBe('met');
    const letter = after.instruments.find((i) => i.type === 'litigation.suggestionReply');
    expect(letter?.number).toMatch(/〔2025〕\d+号$/);
  });

  it('根据案件信息生成答辩状草稿（不编号）', async () => {
    const d = await registerVia(yingsu);
    const res = await yingsu.post(`/api/litigation/cases/${d.case.id}/defence-draft`, { legalRepresentative: '汤志刚', legalRepresentativePost: '局长' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ type: 'litigation.defence', number: null, title: '行政诉讼答辩状' });
    const docx = await yingsu.get(`/api/instruments/${res.json().id}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
  });

  it('诉中调解须关联案件；诉前调解可单独登记', async () => {
    const bad = await yingsu.post('/api/litigation/mediations', { stage: 'inLitigation', centerName: '武义县行政争议调解中心', startDate: '2025-05-01' });
    expect(bad.statusCode).toBe(400);
    const pre = await yingsu.post('/api/litigation/mediations', { stage: 'preLitigation', centerName: '武义县行政争议调解中心', partyName: '何美玲', defendantName: '武义县人力资源和社会保障局', subject: '工伤认定', startDate: '2025-05-01' });
    expect(pre.statusCode, pre.body).toBe(200);
    const upd = await yingsu.put(`/api/litigation/mediations/${pre.json().id}`, { version: 1, result: 'success', endDate: '2025-05-20' });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({ result: 'success', mediationId: null });
    const d = await registerVia(yingsu, { actType: 'compensation', cause: '行政赔偿' });
    const inLit = await yingsu.post('/api/litigation/mediations', { caseId: d.case.id, stage: 'inLitigation', centerName: '武义县行政争议调解中心', startDate: '2025-04-01', result: 'success' });
    expect(inLit.statusCode, inLit.body).toBe(200);
    expect(inLit.json()).toMatchObject({ partyName: '徐国平', defendantName: '武义县自然资源和规划局' });
    const list = (await yingsu.get('/api/litigation/mediations?pageSize=50')).json();
    expect(list.total).toBeGreaterThanOrEqual(2);
    expect((await hushan.get('/api/litigation/mediations')).json().total).toBe(0);
  });
});

describe('列表筛选与待办', () => {
  it('超期筛选：答辩期已过而未答辩的案件为红灯', async () => {
    const d = await registerVia(yingsu, { receivedDate: '2025-01-06' });
    expect(deadline(d, 'defence')?.light).toBe('red');
    const overdue = await listNumbers(yingsu, '&overdue=true');
    const number = (await t.database.db.select().from(litigationCases).where(eq(litigationCases.id, d.case.id)))[0].caseNumber;
    expect(overdue).toContain(number);
    // 工作台 (督办 view of the 局长): the case shows with its 红灯 and the article.
    const todos = (await director.get('/api/workbench/todos?pageSize=200&mode=watch')).json();
    const item = todos.items.find((i: { entityId: string }) => i.entityId === d.case.id);
    expect(item).toMatchObject({ link: `/litigation/cases/${d.case.id}`, deadline: { light: 'red', cite: '行政诉讼法 第六十七条' } });
  });

  it('按结果筛选败诉案件', async () => {
    let d = await registerVia(yingsu, { receivedDate: '2025-02-03' });
    d = await stepOk(yingsu, d, 'firstJudgment', { judgmentDate: '2025-05-05', servedDate: '2025-05-08', outcome: 'confirmIllegal' });
    d = await stepOk(yingsu, d, 'judgmentEffective', { date: '2025-05-25' });
    const number = (await t.database.db.select().from(litigationCases).where(eq(litigationCases.id, d.case.id)))[0].caseNumber;
    expect(await listNumbers(yingsu, '&outcome=loss')).toContain(number);
    expect(await listNumbers(yingsu, '&outcome=win')).not.toContain(number);
    expect(await listNumbers(yingsu, '&closedFrom=2025-05-01&closedTo=2025-05-31')).toContain(number);
  });
});
