import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { reviewTestContext, newCase, detail, actOk, application, type ReviewTestContext } from './test-helpers';
import { rowsOf } from '../../platform/db/client';
import { roles, rolePermissions } from '../../platform/auth/schema';
import { loadAuthContext } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import { adminReviewCases } from './schema';
import { findReviewCases } from './service';
import { portalLimits } from './routes';
import { decryptPii } from '../../platform/crypto/sm';

let t: ReviewTestContext;
let caseId: string;
beforeAll(async () => {
  t = await reviewTestContext();
  caseId = await newCase(t.fuyi, { receivedDate: '2025-08-04', applicantName: '周海燕' });
});
afterAll(() => t?.close());

describe('窗口登记', () => {
  it('登记后生成收件编号，身份证号与电话加密存储、列表只显示掩码', async () => {
    const d = await detail(t.fuyi, caseId);
    expect(d.caseNumber).toMatch(/^武司复收〔2025〕\d+号$/);
    expect(d).toMatchObject({ channel: 'counter', applicantIdMasked: '3307**********1234', applicantPhoneMasked: '138****5678', respondentName: '武义县市场监督管理局', orgName: '武义县司法局' });
    expect(d.respondentOrgId).toBeTruthy();
    const [row] = await t.database.db.select().from(adminReviewCases).where(eq(adminReviewCases.id, caseId));
    expect(row.applicantIdEnc).not.toContain('330723197805061234');
    expect(decryptPii(row.applicantIdEnc!)).toBe('330723197805061234');
    const list = (await t.fuyi.get('/api/admin-review/cases?q=周海燕')).json();
    expect(list.total).toBe(1);
    expect(JSON.stringify(list)).not.toContain('330723197805061234');
  });

  it('必填项缺失时列出每个字段，不写入', async () => {
    const before = (await t.fuyi.get('/api/admin-review/cases?pageSize=1')).json().total;
    const res = await t.fuyi.post('/api/admin-review/cases', { applicantType: 'person', actType: 'penalty' });
    expect(res.statusCode).toBe(400);
    const paths = res.json().details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['applicantName', 'request']));
    expect((await t.fuyi.get('/api/admin-review/cases?pageSize=1')).json().total).toBe(before);
  });

  it('材料以 SHA-256 存储，可下载，PDF 可在浏览器中预览', async () => {
    const res = await t.fuyi.post('/api/admin-review/cases', application({ receivedDate: '2025-08-05', attachments: [{ name: '行政处罚决定书.pdf', mime: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4 处罚决定').toString('base64') }] }));
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const d = await detail(t.fuyi, id);
    expect(d.materials).toHaveLength(1);
    expect(d.materials[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    const file = await t.fuyi.get(`/api/admin-review/cases/${id}/materials/${d.materials[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.toString()).toBe('%PDF-1.4 处罚决定');
    expect(file.headers['content-disposition']).toMatch(/^attachment/);
    expect(d.materials[0].mime).toBe('application/pdf');
    const preview = await t.fuyi.get(`/api/admin-review/cases/${id}/materials/${d.materials[0].id}?inline=1`);
    expect(preview.headers['content-disposition']).toMatch(/^inline/);
    expect(preview.headers['content-type']).toContain('application/pdf');
  });
});

describe('办理到决定并下载决定书', () => {
  it('受理 → 发送副本 → 决定撤销 → 下载 docx 决定书（县人民政府名义）', async () => {
    const id = await newCase(t.fuyi, { receivedDate: '2025-09-01' });
    await actOk(t.fuyi, id, 'accept', { date: '2025-09-03', procedure: 'ordinary' });
    await actOk(t.fuyi, id, 'sendCopy', { date: '2025-09-05' });
    const d = await actOk(t.fuyi, id, 'decide', { date: '2025-10-20', kind: 'revoke', findings: '抽样程序违法。', reasoning: '主要证据不足。' });
    const decision = d.instruments.find((i: { type: string }) => i.type === 'adminReview.decision');
    const res = await t.fuyi.get(`/api/instruments/${decision.id}/docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('officedocument.wordprocessingml');
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('行政复议决定书');
    expect(text).toContain(decision.number);
    expect(text).toContain('撤销被申请人作出的上述行政行为');
    expect(text).toContain('武义县人民政府');
  });
});

describe('数据范围', () => {
  it('壶山司法所用户看不到司法局的复议案件：列表、按编号、导出均不可', async () => {
    const hushan = await t.login('hushan');
    expect((await hushan.get('/api/admin-review/cases')).statusCode).toBe(403);
    expect((await hushan.get(`/api/admin-review/cases/${caseId}`)).statusCode).toBe(403);
    expect((await hushan.get('/api/admin-review/cases?format=xlsx')).statusCode).toBe(403);
    const wf = (await detail(t.fuyi, caseId)).workflow.id;
    expect((await hushan.get(`/api/workflow/instances/${wf}`)).statusCode).toBe(404);
  });

  it('授予司法所「查看行政复议案件」（本机构范围）后仍看不到司法局的案件', async () => {
    const [staff] = await t.database.db.select().from(roles).where(eq(roles.code, 'staff'));
    await t.database.db.insert(rolePermissions).values({ roleId: staff.id, permission: 'adminReview.read' });
    try {
      const hushan = await t.login('hushan');
      const list = await hushan.get('/api/admin-review/cases');
      expect(list.statusCode).toBe(200);
      expect(list.json().total).toBe(0);
      expect((await hushan.get(`/api/admin-review/cases/${caseId}`)).statusCode).toBe(404);
      const xlsx = await hushan.get('/api/admin-review/cases?format=xlsx');
      expect(xlsx.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets[0].rowCount).toBe(1);
      const [u] = await t.database.db.select().from(users).where(eq(users.username, 'hushan'));
      expect(await findReviewCases(t.database.db, (await loadAuthContext(t.database.db, u.id))!, { ids: [caseId] })).toEqual([]);
    } finally {
      await t.database.db.delete(rolePermissions).where(and(eq(rolePermissions.roleId, staff.id), eq(rolePermissions.permission, 'adminReview.read')));
    }
  });

  it('局长（全部范围）可以看到并导出；导出与列表同样的筛选', async () => {
    const director = await t.login('director');
    const list = (await director.get('/api/admin-review/cases?state=applied&receivedFrom=2025-08-04&receivedTo=2025-08-04')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([caseId]);
    const xlsx = await director.get('/api/admin-review/cases?format=xlsx&state=applied&receivedFrom=2025-08-04&receivedTo=2025-08-04');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(2);
    expect(String(ws.getRow(2).getCell(4).value)).toBe('周海燕');
    expect(String(ws.getRow(2).getCell(5).value)).toBe('3307**********1234');
  });

  it('应诉模块可按编号或关键字查找复议案件（本人范围内）', async () => {
    const [u] = await t.database.db.select().from(users).where(eq(users.username, 'fuyi'));
    const auth = (await loadAuthContext(t.database.db, u.id))!;
    const found = await findReviewCases(t.database.db, auth, { q: '周海燕' });
    expect(found).toEqual([expect.objectContaining({ id: caseId, applicantName: '周海燕', respondentName: '武义县市场监督管理局', actType: 'penalty', state: 'applied', stateLabel: '待受理审查' })]);
    expect((await findReviewCases(t.database.db, auth, { ids: [caseId] })).map((c) => c.id)).toEqual([caseId]);
  });

  it('逾期筛选只列出有红灯期限的案件', async () => {
    const id = await newCase(t.fuyi, { receivedDate: '2024-01-02', applicantName: '超期测试' });
    const res = (await t.fuyi.get('/api/admin-review/cases?overdue=true&q=超期测试')).json();
    expect(res.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(res.items[0].deadline).toMatchObject({ light: 'red', cite: '行政复议法 第三十条' });
  });
});

describe('网上申请与查询码', () => {
  it('公众无需登录提交申请（附件 base64），凭查询码查看进度，不含个人信息', async () => {
    const res = await t.anonymous.post('/api/public/admin-review/applications', {
      ...application({ applicantName: '网上申请人甲', receivedDate: undefined }),
      attachments: [{ name: '身份证明.jpg', mime: 'image/jpeg', contentBase64: Buffer.from('jpegdata').toString('base64') }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { trackingCode, caseNumber } = res.json();
    expect(trackingCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const track = await t.anonymous.get(`/api/public/admin-review/track/${trackingCode}`);
    expect(track.statusCode).toBe(200);
    expect(track.json()).toMatchObject({ caseNumber, state: 'applied', stateLabel: '待受理审查' });
    expect(track.body).not.toContain('网上申请人甲');
    expect(track.body).not.toContain('3307');
    expect(track.body).not.toContain('138');
    // The 复议科 sees it as a 网上申请 with its material, and accepting it shows on the tracking page.
    const list = (await t.fuyi.get('/api/admin-review/cases?channel=portal')).json();
    const item = list.items.find((i: { caseNumber: string }) => i.caseNumber === caseNumber);
    expect((await detail(t.fuyi, item.id)).materials).toHaveLength(1);
    await actOk(t.fuyi, item.id, 'accept', { procedure: 'ordinary' });
    const after = (await t.anonymous.get(`/api/public/admin-review/track/${trackingCode.toLowerCase()}`)).json();
    expect(after.steps.map((s: { label: string }) => s.label)).toEqual(['收到行政复议申请', '已受理（普通程序）']);
    expect((await t.anonymous.get('/api/public/admin-review/track/AAAA-BBBB-CCCC')).statusCode).toBe(404);
  });

  it('网上申请校验失败返回中文字段错误；超过频率限制返回 429', async () => {
    const bad = await t.anonymous.post('/api/public/admin-review/applications', { applicantType: 'person' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('申请内容有误');
    const codes: number[] = [];
    for (let i = 0; i < portalLimits.applications + 1; i++) codes.push((await t.anonymous.post('/api/public/admin-review/applications', { applicantType: 'person' })).statusCode);
    expect(codes.at(-1)).toBe(429);
    const [{ n }] = rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from admin_review_cases where channel = 'portal'`));
    expect(n).toBe(1);
  });
});

describe('作废（不物理删除）', () => {
  it('登记错误的案件作废后离开列表和待办，记录和原因保留，审计留痕', async () => {
    const id = await newCase(t.fuyi, { receivedDate: '2025-09-01', applicantName: '作废测试人' });
    const before = (await t.fuyi.get('/api/workbench/todos?pageSize=200&mode=watch')).json();
    expect(before.items.some((i: { entityId: string }) => i.entityId === id)).toBe(true);
    const noReason = await t.fuyi.post(`/api/admin-review/cases/${id}/void`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const res = await t.fuyi.post(`/api/admin-review/cases/${id}/void`, { reason: '重复登记' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await t.fuyi.get(`/api/admin-review/cases/${id}`)).statusCode).toBe(404);
    const list = (await t.fuyi.get('/api/admin-review/cases?q=作废测试人')).json();
    expect(list.total).toBe(0);
    const after = (await t.fuyi.get('/api/workbench/todos?pageSize=200&mode=watch')).json();
    expect(after.items.some((i: { entityId: string }) => i.entityId === id)).toBe(false);
    const [row] = await t.database.db.select().from(adminReviewCases).where(eq(adminReviewCases.id, id));
    expect(row).toMatchObject({ voidReason: '重复登记' });
    const [audit] = rowsOf<{ summary: string }>(await t.database.db.execute(sql`select summary from audit_log where action = 'adminReview.void' and entity_id = ${id}`));
    expect(audit.summary).toContain('重复登记');
  });
});
