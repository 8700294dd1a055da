import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/client';
import { decryptPii } from '../../platform/crypto/sm';
import { correctionsTestContext, idNumber, ok, supervised, type CorrectionsTestContext } from './test-helpers';

let t: CorrectionsTestContext;
let subject: { id: string; name: string; documents: { id: string }[] };
const ID = idNumber(7, '19790304');
const PHONE = '13967891234';
const ADDRESS = '武义县壶山街道温泉路88号';

beforeAll(async () => {
  t = await correctionsTestContext();
  subject = await supervised(t.hushan, { name: '蒋矫正', idNumber: ID, phone: PHONE, address: ADDRESS });
}, 300_000);
afterAll(() => t?.close());

describe('数据范围（社区矫正专用角色）', () => {
  it('调解、复议、通用业务人员、局长和其他乡镇司法所：名册、按编号、搜索、导出、文书均不可见', async () => {
    const outsiders = { 调解专干: t.mediator, 复议工作人员: t.reviewer, 业务人员: t.staff, 局长: t.director, 白洋司法所: t.baiyang };
    for (const [who, c] of Object.entries(outsiders)) {
      const list = await c.get('/api/corrections/subjects');
      expect(list.statusCode === 403 || (list.statusCode === 200 && list.json().total === 0), `${who} list ${list.body}`).toBe(true);
      expect([403, 404], `${who} by id`).toContain((await c.get(`/api/corrections/subjects/${subject.id}`)).statusCode);
      expect([403, 404], `${who} reveal`).toContain((await c.post(`/api/corrections/subjects/${subject.id}/reveal`, { reason: '核查身份信息' })).statusCode);
      expect([403, 404], `${who} export`).toContain((await c.get('/api/corrections/subjects?format=xlsx&reason=工作需要导出')).statusCode);
      expect([403, 404], `${who} 文书`).toContain((await c.get(`/api/corrections/documents/${subject.documents[0].id}/docx`)).statusCode);
      const search = await c.get(`/api/search?q=${encodeURIComponent('蒋矫正')}`);
      expect(search.statusCode === 403 || search.json().total === 0, `${who} search ${search.body}`).toBe(true);
      expect([403, 404], `${who} instruments`).toContain((await c.get(`/api/instruments/${subject.documents[0].id}`)).statusCode);
    }
    // The 壶山 corrections staff and the county officer do find the subject, by name and by exact 身份证号.
    expect((await ok(await t.hushan.get(`/api/search?q=${encodeURIComponent('蒋矫正')}`))).total).toBe(1);
    expect((await ok(await t.officer.get(`/api/corrections/subjects?q=${ID}`))).items.map((x: { id: string }) => x.id)).toEqual([subject.id]);
  });

  it('列表与档案只显示脱敏信息；查看完整信息须填写事由并审计', async () => {
    const list = await ok(await t.hushan.get('/api/corrections/subjects'));
    const row = list.items.find((x: { id: string }) => x.id === subject.id);
    expect(row.idNumberMasked).toBe(ID.slice(0, 4) + '**********' + ID.slice(-4));
    expect(row.phoneMasked).toBe('139****1234');
    expect(JSON.stringify(list)).not.toContain(ID);
    const detail = await ok(await t.hushan.get(`/api/corrections/subjects/${subject.id}`));
    expect(JSON.stringify(detail)).not.toContain(ID);
    expect(JSON.stringify(detail)).not.toMatch(/sm4ctr1:/);
    expect((await t.hushan.post(`/api/corrections/subjects/${subject.id}/reveal`, { reason: '' })).statusCode).toBe(400);
    expect(await ok(await t.hushan.post(`/api/corrections/subjects/${subject.id}/reveal`, { reason: '办理居住证明核对身份' }))).toEqual({ idNumber: ID, phone: PHONE, address: ADDRESS });
  });

  it('数据库中只存密文：原始行不含明文身份证号、电话、住址（SM4 + HMAC-SM3）', async () => {
    const [raw] = rowsOf<Record<string, unknown>>(await t.database.db.execute(sql`select * from correction_subjects where id = ${subject.id}`));
    const text = JSON.stringify(raw);
    for (const plain of [ID, PHONE, ADDRESS, ID.slice(6, 14)]) expect(text).not.toContain(plain);
    expect(String(raw.id_number_enc)).toMatch(/^sm4ctr1:/);
    expect(decryptPii(String(raw.id_number_enc))).toBe(ID);
    const audit = JSON.stringify(rowsOf(await t.database.db.execute(sql`select before, after, diff, summary from audit_log where entity_id = ${subject.id}`)));
    expect(audit).not.toContain(ID);
    expect(audit).not.toContain(PHONE);
  });

  it('每次查阅档案都记录审计；导出须填写事由并记录', async () => {
    const count = async (action: string) => rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from audit_log where action = ${action}`))[0].n;
    const reads = await count('corrections.subject.read');
    await ok(await t.officer.get(`/api/corrections/subjects/${subject.id}`));
    await ok(await t.hushan.get(`/api/corrections/subjects/${subject.id}`));
    expect(await count('corrections.subject.read')).toBe(reads + 2);
    const [last] = rowsOf<{ actor_name: string; summary: string }>(await t.database.db.execute(sql`select actor_name, summary from audit_log where action = 'corrections.subject.read' order by seq desc limit 1`));
    expect(last).toEqual({ actor_name: 't_hushan', summary: '查阅社区矫正对象档案：蒋矫正' });
    const noReason = await t.officer.get('/api/corrections/subjects?format=xlsx');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().code).toBe('CORRECTIONS_EXPORT_REASON');
    // 司法所 staff may read but not export.
    expect((await t.hushan.get('/api/corrections/subjects?format=xlsx&reason=年度核查导出')).statusCode).toBe(403);
    const xlsx = await t.officer.get(`/api/corrections/subjects?format=xlsx&reason=${encodeURIComponent('年度在册人员核查')}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.includes(Buffer.from(ID))).toBe(false);
    const [exp] = rowsOf<{ summary: string }>(await t.database.db.execute(sql`select summary from audit_log where action = 'corrections.export' order by seq desc limit 1`));
    expect(exp.summary).toContain('事由：年度在册人员核查');
  });

  it('局长只看汇总指标，下钻名单为脱敏姓名', async () => {
    const ind = await ok(await t.director.get('/api/indicators?org=武义县司法局&from=2026-01-01&to=2026-12-31&keys=corrections.onRegister'));
    expect(ind.indicators[0].value).toBeGreaterThanOrEqual(1);
    const recs = await ok(await t.director.get('/api/indicators/corrections.onRegister/records?org=武义县司法局&from=2026-01-01&to=2026-12-31&part=numerator'));
    expect(JSON.stringify(recs)).not.toContain('蒋矫正');
    expect(JSON.stringify(recs)).toContain('蒋*正');
  });
});
