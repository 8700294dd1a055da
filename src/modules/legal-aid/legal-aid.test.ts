import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/client';
import { aidTestContext, act, actOk, application, deadline, ok, registerLawyer, type AidTestContext } from './test-helpers';

let t: AidTestContext;
let lawyerId: string;
beforeAll(async () => {
  t = await aidTestContext();
  lawyerId = (await registerLawyer(t)).lawyer.id;
});
afterAll(() => t?.close());

const apply = async (over = {}) => ok(await t.staff.post('/api/legal-aid/cases', application(over)), 201);

describe('法律援助 审查与指派期限', () => {
  it('审查决定 7 日内，按日计算、始日不计 (法律援助法 第四十三条)', async () => {
    const c = await apply();
    expect(c.caseNumber).toMatch(/^武援〔2025〕\d+号$/);
    expect(deadline(c, 'review')).toMatchObject({ dueDate: '2025-03-10', status: 'open', cite: '法律援助法 第四十三条' });
    // Received Saturday 2025-03-08: day 7 is Saturday 03-15, the period runs to Monday 03-17 (民法典 第二百零三条).
    const sat = await apply({ receivedDate: '2025-03-08', applicantName: '周末申请人' });
    expect(deadline(sat, 'review').dueDate).toBe('2025-03-17');
  });

  it('法律援助 审查决定 7 日内 — 跨国庆，期满日为法定休假日的顺延至节后第一个工作日 (法律援助法 第四十三条)', async () => {
    // 2025-09-28 + 7 = 10-05, inside the 国庆/中秋 holiday (10-01 … 10-08): due 2025-10-09.
    const c = await apply({ receivedDate: '2025-09-28', applicantName: '国庆申请人' });
    expect(deadline(c, 'review').dueDate).toBe('2025-10-09');
  });

  it('决定给予后 3 日内指派，指派时出具指派函；给予时出具决定书 (法律援助法 第四十三条)', async () => {
    const c = await apply({ applicantName: '王美华' });
    const g = await actOk(t.staff, c.id, 'grant', { date: '2025-03-05' });
    expect(g.state).toBe('granted');
    expect(g.issued.map((i: { type: string }) => i.type)).toEqual(['legalAid.grantDecision']);
    expect(g.issued[0].number).toMatch(/^武援援决〔2025〕\d+号$/);
    expect(deadline(g, 'review')).toMatchObject({ status: 'met' });
    // 2025-03-05 + 3 = Saturday 03-08 → Monday 03-10.
    expect(deadline(g, 'assign')).toMatchObject({ dueDate: '2025-03-10', status: 'open', cite: '法律援助法 第四十三条' });
    // The centre assigns from the county's pool of practising lawyers, whoever registered them.
    const pool = await ok(await t.staff.get('/api/legal-aid/assignable-lawyers'));
    expect(pool.items.map((l: { id: string }) => l.id)).toContain(lawyerId);
    const a = await actOk(t.staff, c.id, 'assign', { date: '2025-03-07', lawyerId, assigneeKind: 'lawyer' });
    expect(a).toMatchObject({ state: 'assigned', assigneeName: '李明', assigneeFirm: '浙江武阳律师事务所', assignedDate: '2025-03-07' });
    expect(a.issued[0].type).toBe('legalAid.assignLetter');
    expect(deadline(a, 'assign').status).toBe('met');
    const docx = await t.staff.get(`/api/instruments/${a.issued[0].id}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('officedocument');
  });

  it('公检法通知辩护：收到通知后 3 日内指派，无需审查经济困难 (法律援助法 第三十六条)', async () => {
    const n = await ok(await t.staff.post('/api/legal-aid/notices', { applicantName: '赵小军', matter: '涉嫌盗窃罪', noticeOrgName: '武义县公安局', noticeNumber: '武公援通〔2025〕3号', receivedDate: '2025-04-29' }), 201);
    expect(n.channel).toBe('notice');
    expect(n.workflow.deadlines.map((d: { rule: string }) => d.rule)).toEqual(['noticeAssign']);
    // 2025-04-29 + 3 = 05-02, in the 劳动节 holiday (05-01 … 05-05): due 05-06.
    expect(deadline(n, 'noticeAssign')).toMatchObject({ dueDate: '2025-05-06', cite: '法律援助法 第三十六条' });
    const grant = await act(t.staff, n.id, 'grant', { date: '2025-04-30' });
    expect(grant.json().code).toBe('LEGAL_AID_NOTICE_NO_REVIEW');
    const a = await actOk(t.staff, n.id, 'assign', { date: '2025-04-30', lawyerId, assigneeKind: 'lawyer' });
    expect(a.state).toBe('assigned');
    expect(deadline(a, 'noticeAssign').status).toBe('met');
  });

  it('申请材料不齐全的一次性告知补充，补充期间不计入审查期限；未补充的视为撤回 (法律援助法 第四十三条第二款)', async () => {
    const c = await apply({ applicantName: '补材料人' });
    // 2 of 7 days used (03-04, 03-05), 5 remain.
    const s = await actOk(t.staff, c.id, 'requestSupplement', { date: '2025-03-05', items: '请补充家庭经济状况说明' });
    expect(deadline(s, 'review').status).toBe('paused');
    const back = await actOk(t.staff, c.id, 'supplied', { date: '2025-03-12' });
    expect(deadline(back, 'review')).toMatchObject({ status: 'open', dueDate: '2025-03-17' });
    const other = await apply({ applicantName: '未补充人' });
    await actOk(t.staff, other.id, 'requestSupplement', { date: '2025-03-04', items: '请补充劳动合同' });
    const w = await actOk(t.staff, other.id, 'deemWithdrawn', { date: '2025-03-20' });
    expect(w.state).toBe('withdrawn');
    expect(w.workflow.isFinal).toBe(true);
  });

  it('不予援助的申请人可提出异议，司法行政部门 5 日内审查，责令改正后重新指派 (法律援助法 第四十九条)', async () => {
    const c = await apply({ applicantName: '异议人', monthlyIncome: 30000 });
    const d = await actOk(t.staff, c.id, 'deny', { date: '2025-03-05', reason: '家庭人均月收入高于经济困难标准' });
    expect(d.issued[0].type).toBe('legalAid.denyDecision');
    const o = await ok(await t.staff.post(`/api/legal-aid/cases/${c.id}/objections`, { receivedDate: '2025-03-06', reason: '本人已失业，收入大幅减少' }), 201);
    const list = await ok(await t.admin.get('/api/legal-aid/objections'));
    const mine = list.items.find((x: { id: string }) => x.id === o.id);
    // 2025-03-06 + 5 = 03-11.
    expect(mine.workflow.deadlines[0]).toMatchObject({ rule: 'decide', dueDate: '2025-03-11', cite: '法律援助法 第四十九条' });
    // The 法律援助中心 itself cannot decide an objection against its own decision.
    expect((await t.staff.post(`/api/legal-aid/objections/${o.id}/decide`, { version: mine.workflow.version, decision: 'correct', reason: '失业后收入符合标准' })).statusCode).toBe(403);
    const r = await ok(await t.admin.post(`/api/legal-aid/objections/${o.id}/decide`, { version: mine.workflow.version, decision: 'correct', reason: '申请人失业后收入符合标准', date: '2025-03-10' }));
    expect(r).toMatchObject({ state: 'corrected', decision: 'correct', decisionDate: '2025-03-10' });
    const g = await actOk(t.staff, c.id, 'correct', { date: '2025-03-11' });
    expect(g.state).toBe('granted');
    expect(deadline(g, 'assignCorrected').dueDate).toBe('2025-03-14');
  });
});

describe('经济困难审查', () => {
  it('家庭人均月收入不低于标准的，不能决定给予；农民工追索劳动报酬免予核查 (法律援助法 第三十四条、第四十二条)', async () => {
    const rich = await apply({ applicantName: '高收入人', householdSize: 2, monthlyIncome: 4680 });
    expect(rich.means).toMatchObject({ eligible: false, perCapita: 2340 });
    const res = await act(t.staff, rich.id, 'grant', { date: '2025-03-05' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('LEGAL_AID_NOT_ELIGIBLE');
    const worker = await apply({ applicantName: '务工人员', meansGround: 'migrantWorker', householdSize: undefined, monthlyIncome: undefined });
    expect(worker.means.eligible).toBe(true);
    await actOk(t.staff, worker.id, 'grant', { date: '2025-03-05' });
    const missing = await t.staff.post('/api/legal-aid/cases', application({ householdSize: undefined, monthlyIncome: undefined }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('第四十一条');
  });
});

describe('办理、结案与质量评估', () => {
  it('承办律师记录进展、提交结案材料；中心结案后按评分评定等级 (法律援助法 第五十条、第五十九条)', async () => {
    const c = await apply({ applicantName: '受援人甲' });
    await actOk(t.staff, c.id, 'grant', { date: '2025-03-04' });
    await actOk(t.staff, c.id, 'assign', { date: '2025-03-05', lawyerId, assigneeKind: 'lawyer' });
    // The lawyer sees only the cases assigned to them.
    const mine = await ok(await t.lawyer.get('/api/legal-aid/cases?pageSize=200'));
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(c.id);
    expect(mine.items.every((i: { assigneeName: string }) => i.assigneeName === '李明')).toBe(true);
    // 结案 needs the lawyer's materials first.
    expect((await act(t.staff, c.id, 'close', { date: '2025-05-01', result: '胜诉' })).json().code).toBe('LEGAL_AID_NO_CLOSING_MATERIALS');
    await ok(await t.lawyer.post(`/api/legal-aid/cases/${c.id}/progress`, { date: '2025-03-10', text: '会见受援人，收集证据' }));
    const closing = await ok(await t.lawyer.post(`/api/legal-aid/cases/${c.id}/closing`, { date: '2025-04-28', materials: ['report', 'judgment'], report: '仲裁调解结案，受援人获付工资3万元' }));
    expect(closing.closingMaterials).toEqual(['结案报告', '判决书、裁定书、调解书或其他法律文书']);
    expect((await act(t.lawyer, c.id, 'close', { date: '2025-05-01', result: '胜诉' })).statusCode).toBe(403);
    await actOk(t.staff, c.id, 'close', { date: '2025-05-01', result: '仲裁调解结案' });
    const over = await act(t.staff, c.id, 'evaluate', { date: '2025-05-06', assessor: '质量评估小组', scores: { timeliness: 25, communication: 15, legalWork: 35, outcome: 20, file: 10 } });
    expect(over.json().code).toBe('LEGAL_AID_QUALITY_SCORES');
    const e = await actOk(t.staff, c.id, 'evaluate', { date: '2025-05-06', assessor: '质量评估小组', scores: { timeliness: 18, communication: 13, legalWork: 30, outcome: 18, file: 10 } });
    expect(e).toMatchObject({ state: 'evaluated', qualityTotal: 89, qualityGrade: 'good', qualityGradeLabel: '良好', qualityDate: '2025-05-06' });
  });

  it('质量等级按总分：优秀≥90、良好≥80、合格≥60、不合格<60（法律援助法 第五十九条；省评估办法）', async () => {
    const grade = async (scores: Record<string, number>, name: string) => {
      const c = await apply({ applicantName: name });
      await actOk(t.staff, c.id, 'grant', { date: '2025-03-04' });
      await actOk(t.staff, c.id, 'assign', { date: '2025-03-05', lawyerId, assigneeKind: 'lawyer' });
      await ok(await t.lawyer.post(`/api/legal-aid/cases/${c.id}/closing`, { date: '2025-04-01', materials: ['report'], report: '办理完毕' }));
      await actOk(t.staff, c.id, 'close', { date: '2025-04-02', result: '结案' });
      return (await actOk(t.staff, c.id, 'evaluate', { date: '2025-04-03', assessor: '评估组', scores })).qualityGradeLabel;
    };
    expect(await grade({ timeliness: 18, communication: 14, legalWork: 32, outcome: 16, file: 10 }, '评甲')).toBe('优秀'); // 90
    expect(await grade({ timeliness: 12, communication: 10, legalWork: 20, outcome: 12, file: 6 }, '评乙')).toBe('合格'); // 60
    expect(await grade({ timeliness: 12, communication: 10, legalWork: 20, outcome: 11, file: 6 }, '评丙')).toBe('不合格'); // 59
  });
});

describe('网上申请与查询码', () => {
  it('公众网上申请 → 中心审查给予 → 指派，申请人凭查询码看到进度和承办律师，不含他人信息', async () => {
    const res = await t.anonymous.post('/api/public/legal-aid/applications', application({ receivedDate: undefined, applicantName: '网上申请人' }));
    const r = await ok(res, 201);
    expect(r.trackingCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const track0 = await ok(await t.anonymous.get(`/api/public/legal-aid/track/${r.trackingCode}`));
    expect(track0).toMatchObject({ caseNumber: r.caseNumber, state: 'received', stateLabel: '待审查', assignee: null });
    const list = await ok(await t.staff.get(`/api/legal-aid/cases?channel=portal&q=${encodeURIComponent('网上申请人')}`));
    const id = list.items[0].id;
    expect(list.items[0]).toMatchObject({ applicantIdMasked: '3307**********1234', applicantPhoneMasked: '138****5678' });
    expect(list.items[0].applicantIdEnc).toBeUndefined();
    await actOk(t.staff, id, 'grant');
    await actOk(t.staff, id, 'assign', { lawyerId, assigneeKind: 'lawyer' });
    const track = await ok(await t.anonymous.get(`/api/public/legal-aid/track/${r.trackingCode.toLowerCase()}`));
    expect(track).toMatchObject({ state: 'assigned', assignee: { name: '李明', firm: '浙江武阳律师事务所' } });
    expect(track.steps.map((s: { label: string }) => s.label)).toEqual(['收到法律援助申请', '决定给予法律援助', '已指派法律援助人员']);
    expect(JSON.stringify(track)).not.toContain('330723');
    expect((await t.anonymous.get('/api/public/legal-aid/track/ABCD-EFGH-JKLM')).statusCode).toBe(404);
  });

  it('身份证号等个人信息以 SM4 密文保存，查看全文记入审计', async () => {
    const c = await apply({ applicantName: '加密人', applicantIdNumber: '33072319800101002X' });
    const [row] = rowsOf<{ applicant_id_enc: string; applicant_phone_enc: string }>(await t.database.db.execute(sql`select applicant_id_enc, applicant_phone_enc from legal_aid_cases where id = ${c.id}`));
    expect(row.applicant_id_enc).toMatch(/^sm4ctr1:/);
    expect(row.applicant_id_enc).not.toContain('33072319800101002X');
    const full = await ok(await t.staff.get(`/api/legal-aid/cases/${c.id}?reveal=1`));
    expect(full.revealed.applicantIdNumber).toBe('33072319800101002X');
    const [audit] = rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from audit_log where action = 'legalAid.revealPii' and entity_id = ${c.id}`));
    expect(Number(audit.n)).toBe(1);
  });

  it('申请内容有误时返回中文提示和错误码，不写入任何数据', async () => {
    const before = await ok(await t.director.get('/api/legal-aid/cases?pageSize=1'));
    const res = await t.anonymous.post('/api/public/legal-aid/applications', { ...application(), applicantIdNumber: '12345', matter: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().message).toContain('身份证号应为18位');
    expect((await ok(await t.director.get('/api/legal-aid/cases?pageSize=1'))).total).toBe(before.total);
  });
});

describe('数据范围', () => {
  it('律师只看到指派给本人的案件；司法所看不到法律援助案件；局长看全县', async () => {
    const c = await apply({ applicantName: '未指派人' });
    expect((await t.lawyer.get(`/api/legal-aid/cases/${c.id}`)).statusCode).toBe(404);
    expect((await t.lawyer.post(`/api/legal-aid/cases/${c.id}/progress`, { text: '越权记录' })).statusCode).toBe(404);
    expect((await t.hushan.get('/api/legal-aid/cases')).statusCode).toBe(403);
    const all = await ok(await t.director.get('/api/legal-aid/cases?pageSize=1'));
    const center = await ok(await t.staff.get('/api/legal-aid/cases?pageSize=1'));
    expect(all.total).toBe(center.total);
    expect(all.total).toBeGreaterThan((await ok(await t.lawyer.get('/api/legal-aid/cases?pageSize=1'))).total);
    // Exports are the list query: the lawyer's export holds only their cases.
    const x = await t.lawyer.get('/api/legal-aid/cases?format=xlsx');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
  });
});
