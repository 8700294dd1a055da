import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/client';
import { filledTemplate, importLedger } from '../../platform/ledger/test-ledger';
import { computeAlarms } from './alarms';
import { assessmentDue } from './assessments';
import { loadAuthContext } from '../../platform/auth/context';
import { leaveApprover } from './terms';
import { reportDue } from './workflow';
import { correctionsTestContext, idNumber, ok, receive, supervised, type CorrectionsTestContext } from './test-helpers';

let t: CorrectionsTestContext;
beforeAll(async () => {
  t = await correctionsTestContext();
}, 300_000);
afterAll(() => t?.close());

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const photo = Buffer.concat([PNG, Buffer.alloc(200)]).toString('base64');

describe('期限', () => {
  it('报到期限为判决生效后10日，末日逢国庆顺延 (社区矫正法 第二十一条；民法典 第二百零三条)', async () => {
    // 2025-09-21 + 10 days = 10-01, inside the 国庆 holiday (10-01…10-08): the period ends on 10-09.
    expect(reportDue('probation', '2025-09-21').date).toBe('2025-10-09');
    expect(reportDue('probation', '2025-03-02').date).toBe('2025-03-12');
    const r = await receive(t.hushan, { judgmentEffectiveDate: '2025-09-21', termStart: '2025-09-21', termEnd: '2026-03-20', receivedDate: '2025-09-23' });
    expect(r.reportDueDate).toBe('2025-10-09');
    // Reporting on the last day is on time; a day later is kept but marked 逾期报到.
    const d = await ok(await t.hushan.get(`/api/corrections/subjects/${r.id}`));
    const onTime = await ok(await t.hushan.post(`/api/corrections/subjects/${r.id}/steps/report`, { version: d.version, data: { date: '2025-10-09' } }));
    expect(onTime.reportedLate).toBe(false);
    const late = await receive(t.hushan, { judgmentEffectiveDate: '2025-09-21', termStart: '2025-09-21', termEnd: '2026-03-20', receivedDate: '2025-09-23' });
    const l = await ok(await t.hushan.get(`/api/corrections/subjects/${late.id}`));
    expect((await ok(await t.hushan.post(`/api/corrections/subjects/${late.id}/steps/report`, { version: l.version, data: { date: '2025-10-10' } }))).reportedLate).toBe(true);
  });

  it('暂予监外执行自决定之日起10日内移送 (社区矫正法 第二十一条第二款)', () => {
    expect(reportDue('medicalParole', '2025-06-03').date).toBe('2025-06-13');
  });

  it('调查评估10个工作日、速裁5个工作日 — 跨国庆调休 (实施办法 第十四条)', async () => {
    // 2025-09-26 (Fri): 09-28 (Sun) is a 调休 workday; 10-01…10-08 are holidays; 10-11 (Sat) works.
    expect(assessmentDue('2025-09-26', false).date).toBe('2025-10-16');
    expect(assessmentDue('2025-09-26', true).date).toBe('2025-10-10');
    const a = await ok(await t.hushan.post('/api/corrections/assessments', { personName: '李某', idNumber: idNumber(), requester: '武义县人民法院', proposedType: 'probation', receivedDate: '2025-09-26' }), 201);
    expect(a.dueDate).toBe('2025-10-16');
    // Only the county agency issues the 调查评估意见书.
    expect((await t.hushan.post(`/api/corrections/assessments/${a.id}/opinion`, { opinion: 'suitable', reasons: '居住地固定，家属愿意协助监管' })).statusCode).toBe(403);
    const done = await ok(await t.officer.post(`/api/corrections/assessments/${a.id}/opinion`, { opinion: 'suitable', reasons: '居住地固定，家属愿意协助监管', date: '2025-10-20' }));
    expect(done.late).toBe(true);
    expect(done.documentNumber).toBe('武矫矫评〔2025〕1号');
  });
});

describe('入矫到解矫', () => {
  it('未报到不能宣告；过期版本号返回409', async () => {
    const r = await receive(t.hushan);
    const d = await ok(await t.hushan.get(`/api/corrections/subjects/${r.id}`));
    const res = await t.hushan.post(`/api/corrections/subjects/${r.id}/steps/announce`, { version: d.version, data: { level: 'normal', groupMembers: ['甲某'], plan: '每月报告一次' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('CORRECTIONS_ILLEGAL_STEP');
    expect((await t.hushan.post(`/api/corrections/subjects/${r.id}/steps/report`, { version: d.version + 5, data: { date: '2026-03-05' } })).statusCode).toBe(409);
  });

  it('入矫宣告出具宣告书；期满前不能解除，期满解除出具宣告书和证明书 (社区矫正法 第四十四条)', async () => {
    const d = await supervised(t.hushan);
    expect(d.state).toBe('supervising');
    expect(d.documents.map((x: { type: string }) => x.type)).toEqual(['corrections.intakeAnnouncement']);
    // The 司法所 cannot release; the county decides.
    expect((await t.hushan.post(`/api/corrections/subjects/${d.id}/steps/release`, { version: d.version, data: { date: '2026-09-02' } })).statusCode).toBe(403);
    const early = await t.officer.post(`/api/corrections/subjects/${d.id}/steps/release`, { version: d.version, data: { date: '2026-08-31' } });
    expect(early.statusCode).toBe(400);
    expect(early.json().code).toBe('CORRECTIONS_TERM_NOT_EXPIRED');
    const released = await ok(await t.officer.post(`/api/corrections/subjects/${d.id}/steps/release`, { version: d.version, data: { date: '2026-09-02' } }));
    expect(released.state).toBe('released');
    const types = released.documents.map((x: { type: string; number: string | null }) => [x.type, x.number]);
    expect(types).toContainEqual(['corrections.releaseAnnouncement', null]);
    expect(types.find((x: string[]) => x[0] === 'corrections.releaseCertificate')[1]).toMatch(/^武矫矫解〔2026〕\d+号$/);
    const cert = released.documents.find((x: { type: string }) => x.type === 'corrections.releaseCertificate');
    const docx = await t.hushan.get(`/api/corrections/documents/${cert.id}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('月度考核每月一次 (社区矫正法 第二十八条)', async () => {
    const d = await supervised(t.hushan);
    await ok(await t.hushan.post(`/api/corrections/subjects/${d.id}/records`, { kind: 'assessment', date: '2026-04-03', month: '2026-03', result: 'good' }), 201);
    const again = await t.hushan.post(`/api/corrections/subjects/${d.id}/records`, { kind: 'assessment', date: '2026-04-05', month: '2026-03', result: 'fair' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CORRECTIONS_ASSESSMENT_EXISTS');
    expect((await t.hushan.post(`/api/corrections/subjects/${d.id}/records`, { kind: 'assessment', date: '2026-04-05' })).statusCode).toBe(400);
  });
});

describe('奖惩与外出审批', () => {
  it('训诫、警告由县级社区矫正机构决定并出具决定书 (实施办法 第三十五条、第三十六条)', async () => {
    const d = await supervised(t.hushan);
    const m = await ok(await t.hushan.post(`/api/corrections/subjects/${d.id}/measures`, { measure: 'warning', facts: '未经批准离开所居住的县超过七日' }), 201);
    expect(m.state).toBe('proposed');
    expect((await t.hushan.post(`/api/corrections/measures/${m.id}/decide`, { approve: true })).statusCode).toBe(403);
    expect((await t.officer.post(`/api/corrections/measures/${m.id}/decide`, { approve: false })).statusCode).toBe(400);
    const decided = await ok(await t.officer.post(`/api/corrections/measures/${m.id}/decide`, { approve: true, date: '2026-04-10' }));
    expect(decided.state).toBe('approved');
    const detail = await ok(await t.hushan.get(`/api/corrections/subjects/${d.id}`));
    expect(detail.documents.find((x: { type: string }) => x.type === 'corrections.warning').number).toBe('武矫矫警〔2026〕1号');
    expect((await t.officer.post(`/api/corrections/measures/${m.id}/decide`, { approve: true })).statusCode).toBe(409);
  });

  it('撤销缓刑只适用于缓刑、假释，收监执行只适用于暂予监外执行 (社区矫正法 第四十六条、第四十九条)', async () => {
    const d = await supervised(t.hushan, { sentenceType: 'medicalParole' });
    expect((await t.hushan.post(`/api/corrections/subjects/${d.id}/measures`, { measure: 'revocation', facts: '违反监督管理规定情节严重' })).statusCode).toBe(400);
    const m = await ok(await t.hushan.post(`/api/corrections/subjects/${d.id}/measures`, { measure: 'committal', facts: '保外就医情形消失且刑期未满' }), 201);
    await ok(await t.officer.post(`/api/corrections/measures/${m.id}/decide`, { approve: true, date: '2026-04-12' }));
    const detail = await ok(await t.officer.get(`/api/corrections/subjects/${d.id}`));
    expect(detail.documents.some((x: { type: string }) => x.type === 'corrections.committalProposal')).toBe(true);
  });

  it('外出7日以内由司法所批准，8至30日由县级机构批准，超过30日报上一级 (社区矫正法 第二十七条)', async () => {
    expect([7, 8, 30, 31].map((n) => leaveApprover(n))).toEqual(['office', 'county', 'county', 'superior']);
    const d = await supervised(t.hushan);
    const short = await ok(await t.hushan.post(`/api/corrections/subjects/${d.id}/leaves`, { kind: 'leave', destination: '杭州市', reason: '探望生病亲属', startDate: '2026-05-01', endDate: '2026-05-07' }), 201);
    expect(short.approver).toBe('office');
    expect((await ok(await t.hushan.post(`/api/corrections/leaves/${short.id}/decide`, { approve: true }))).state).toBe('approved');
    const long = await ok(await t.hushan.post(`/api/corrections/subjects/${d.id}/leaves`, { kind: 'leave', destination: '上海市', reason: '务工', startDate: '2026-06-01', endDate: '2026-06-08' }), 201);
    expect(long.approver).toBe('county');
    const refused = await t.hushan.post(`/api/corrections/leaves/${long.id}/decide`, { approve: true });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('CORRECTIONS_APPROVAL_LEVEL');
    expect((await ok(await t.officer.post(`/api/corrections/leaves/${long.id}/decide`, { approve: true }))).state).toBe('approved');
    const trip = await ok(await t.hushan.post(`/api/corrections/subjects/${d.id}/leaves`, { kind: 'leave', destination: '广州市', reason: '就医', startDate: '2026-07-01', endDate: '2026-07-31' }), 201);
    expect(trip.approver).toBe('superior');
    expect((await ok(await t.officer.post(`/api/corrections/leaves/${trip.id}/decide`, { approve: true }))).state).toBe('escalated');
    const move = await ok(await t.hushan.post(`/api/corrections/subjects/${d.id}/leaves`, { kind: 'relocation', destination: '金华市婺城区', reason: '工作变动', startDate: '2026-08-01' }), 201);
    expect(move.approver).toBe('county');
  });
});

describe('预警', () => {
  it('逾期未报到为漏管，超过管理级别间隔未报告为脱管，上月未考核，外出逾期未销假 (社区矫正法 第二十一条、第二十四条、第二十七条)', async () => {
    const fresh = await receive(t.baiyang, { office: '白洋司法所', idNumber: idNumber(), judgmentEffectiveDate: '2026-10-01', termStart: '2026-10-01', termEnd: '2027-09-30', receivedDate: '2026-10-08' });
    const d = await supervised(t.baiyang, { office: '白洋司法所', idNumber: idNumber(), termEnd: '2027-03-01' });
    const leave = await ok(await t.baiyang.post(`/api/corrections/subjects/${d.id}/leaves`, { kind: 'leave', destination: '杭州市', reason: '探亲', startDate: '2026-10-01', endDate: '2026-10-05' }), 201);
    await ok(await t.baiyang.post(`/api/corrections/leaves/${leave.id}/decide`, { approve: true, date: '2026-09-28' }));
    const auth = (await loadAuthContext(t.database.db, (await rowsOf<{ id: string }>(await t.database.db.execute(sql`select id from users where username = 't_baiyang'`)))[0].id))!;
    const kinds = (today: string) => computeAlarms(t.database.db, auth, today).then((a) => a.filter((x) => x.subjectId === fresh.id || x.subjectId === d.id).map((x) => `${x.subjectId === fresh.id ? 'fresh' : 'sup'}:${x.kind}`).sort());
    // 报到: 10-01 + 10 days = 10-11, a Sunday, so the period ends on Monday 10-12 (民法典 第二百零三条); the alarm
    // starts on 10-13. The supervised subject's last contact (03-06) is far past 15 days (普通管理).
    expect(await kinds('2026-10-12')).toEqual(['sup:assessmentMissing', 'sup:leaveOverdue', 'sup:lostContact']);
    expect(await kinds('2026-10-13')).toEqual(['fresh:notReported', 'sup:assessmentMissing', 'sup:leaveOverdue', 'sup:lostContact']);
    await ok(await t.baiyang.post(`/api/corrections/subjects/${d.id}/records`, { kind: 'report', date: '2026-10-12', summary: '到所报告' }), 201);
    await ok(await t.baiyang.post(`/api/corrections/subjects/${d.id}/records`, { kind: 'assessment', date: '2026-10-12', month: '2026-09', result: 'good' }), 201);
    await t.baiyang.post(`/api/corrections/leaves/${leave.id}/return`, { date: '2026-10-12' });
    expect(await kinds('2026-10-13')).toEqual(['fresh:notReported']);
  });
});

describe('手机签到', () => {
  it('矫正对象只能签到本人（照片+位置+时间），工作人员查看照片记录审计；平台文件接口不提供照片', async () => {
    const d = await supervised(t.hushan, { idNumber: idNumber() });
    await ok(await t.hushan.post(`/api/corrections/subjects/${d.id}/account`, { username: 't_subject', password: 'Jz@2026abcd' }), 201);
    await t.database.db.execute(sql`update users set must_change_password = false where username = 't_subject'`);
    const me = await t.login('t_subject', 'Jz@2026abcd');
    expect((await ok(await me.get('/api/auth/me'))).permissions).toEqual(['corrections.checkin', 'workbench.view']);
    expect((await me.get('/api/corrections/subjects')).statusCode).toBe(403);
    expect((await me.get(`/api/corrections/subjects/${d.id}`)).statusCode).toBe(403);
    const c = await ok(await me.post('/api/corrections/checkin', { latitude: 28.8931, longitude: 119.8158, accuracy: 20, photoBase64: photo }), 201);
    expect(c.latitude).toBeCloseTo(28.8931);
    expect((await me.post('/api/corrections/checkin', { photoBase64: Buffer.alloc(300).toString('base64') })).statusCode).toBe(400);
    const detail = await ok(await t.hushan.get(`/api/corrections/subjects/${d.id}`));
    expect(detail.checkins).toHaveLength(1);
    expect(detail.lastContactDate).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()));
    const img = await t.hushan.get(`/api/corrections/checkins/${c.id}/photo`);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect((await t.baiyang.get(`/api/corrections/checkins/${c.id}/photo`)).statusCode).toBe(404);
    const [f] = rowsOf<{ file_id: string }>(await t.database.db.execute(sql`select file_id from correction_checkins where id = ${c.id}`));
    expect((await t.staff.get(`/api/files/${f.file_id}`)).statusCode).toBe(404);
    expect((await t.hushan.get(`/api/files/${f.file_id}`)).statusCode).toBe(404);
    const audited = rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from audit_log where action = 'corrections.checkin.photo' and entity_id = ${d.id}`));
    expect(audited[0].n).toBe(1);
  });
});

describe('安置帮教', () => {
  it('释放通知 → 衔接（帮教小组）→ 帮教记录；帮教期默认释放后5年，衔接率 (DOMAIN.md §7，地方规定)', async () => {
    const p = await ok(await t.hushan.post('/api/corrections/resettlement', { name: '孙某', gender: '男', idNumber: idNumber(), address: '武义县壶山街道东门街3号', prison: '浙江省第四监狱', releaseDate: '2026-02-10', noticeDate: '2026-01-20' }), 201);
    expect(p.followUntil).toBe('2031-02-10');
    expect(JSON.stringify(p)).not.toContain('东门街3号');
    expect((await t.hushan.post(`/api/corrections/resettlement/${p.id}/helps`, { date: '2026-02-20', kind: '走访', note: '了解就业情况' })).statusCode).toBe(400);
    expect((await t.hushan.post(`/api/corrections/resettlement/${p.id}/handover`, { date: '2026-01-10', helpGroup: ['司法所何某'] })).statusCode).toBe(400);
    await ok(await t.hushan.post(`/api/corrections/resettlement/${p.id}/handover`, { date: '2026-02-10', helpGroup: ['司法所何某', '社区干部'] }));
    await ok(await t.hushan.post(`/api/corrections/resettlement/${p.id}/helps`, { date: '2026-02-20', kind: '走访', note: '协助办理社保' }));
    await ok(await t.hushan.post('/api/corrections/resettlement', { name: '周某', idNumber: idNumber(), address: '武义县壶山街道东门街5号', prison: '武义县看守所', releaseDate: '2026-03-01', noticeDate: '2026-02-20' }), 201);
    expect((await ok(await t.baiyang.get('/api/corrections/resettlement'))).total).toBe(0);
    const ind = await ok(await t.officer.get('/api/indicators?org=壶山司法所&from=2026-01-01&to=2026-12-31&keys=resettlement.handoverRate'));
    expect(ind.indicators[0]).toMatchObject({ numerator: 1, denominator: 2, display: '50.0%' });
  });
});

describe('在册台账导入与统计', () => {
  const row = (name: string, id: string, announced: string | null) => [name, '男', id, '13900001111', '武义县白洋街道溪南村1号', '缓刑', '盗窃罪', '有期徒刑六个月，缓刑一年', '武义县人民法院', '（2025）浙0723刑初9号', '2025-05-06', '2025-05-06', '2026-05-05', '2025-05-08', '2025-05-09', announced, '普通', '白洋司法所'];

  it('有错误行时一行也不导入；导入后按状态在册，PII 加密', async () => {
    const count = async () => rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from correction_subjects where source = 'ledger'`))[0].n;
    const bad = await importLedger(t.officer, t.database.db, 'correction-subjects', await filledTemplate(t.officer, 'correction-subjects', [row('赵某', idNumber(), '2025-05-10'), row('钱某', '12345', null)]));
    expect(bad.status).toBe('failed');
    expect(await count()).toBe(0);
    const idA = idNumber();
    const good = await importLedger(t.officer, t.database.db, 'correction-subjects', await filledTemplate(t.officer, 'correction-subjects', [row('赵某', idA, '2025-05-10'), row('钱某', idNumber(), null)]));
    expect(good.status, JSON.stringify(good)).toBe('succeeded');
    expect(await count()).toBe(2);
    const found = await ok(await t.officer.get(`/api/corrections/subjects?q=${idA}`));
    expect(found.items.map((x: { name: string; state: string }) => [x.name, x.state])).toEqual([['赵某', 'supervising']]);
    // The 白洋 staff see their imported subjects; the 壶山 staff do not.
    expect((await ok(await t.baiyang.get('/api/corrections/subjects?q=赵某'))).total).toBe(1);
    expect((await ok(await t.hushan.get('/api/corrections/subjects?q=赵某'))).total).toBe(0);
  }, 240_000);

  it('在册/接收/解除按期间、类别、司法所统计，指标与之一致', async () => {
    const view = await ok(await t.officer.get('/api/corrections/register?from=2026-01-01&to=2026-12-31'));
    const [{ on, rec, rel }] = rowsOf<{ on: number; rec: number; rel: number }>(
      await t.database.db.execute(sql`select count(*) filter (where received_date <= '2026-12-31' and (ended_date is null or ended_date >= '2026-01-01'))::int as on, count(*) filter (where received_date between '2026-01-01' and '2026-12-31')::int as rec, count(*) filter (where ended_date between '2026-01-01' and '2026-12-31')::int as rel from correction_subjects`),
    );
    expect(view.totals).toMatchObject({ onRegister: on, received: rec, released: rel });
    expect(rel).toBeGreaterThan(0);
    const hushanView = await ok(await t.hushan.get('/api/corrections/register?from=2026-01-01&to=2026-12-31'));
    expect(hushanView.offices.map((o: { orgName: string }) => o.orgName)).toEqual(['壶山司法所']);
    const ind = await ok(await t.officer.get('/api/indicators?org=武义县司法局&from=2026-01-01&to=2026-12-31&keys=corrections.onRegister,corrections.received,corrections.released,corrections.sanctions'));
    const by = Object.fromEntries(ind.indicators.map((i: { key: string; value: number }) => [i.key, i.value]));
    expect(by).toMatchObject({ 'corrections.onRegister': on, 'corrections.received': rec, 'corrections.released': rel });
    expect(by['corrections.sanctions']).toBeGreaterThanOrEqual(1);
  });
});
