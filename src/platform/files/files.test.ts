import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../testing/harness';
import { auditLog } from '../audit/schema';
import { uploadTo } from './test-upload';
import { contentDisposition } from './service';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seedModules: false });
});
afterAll(() => t?.close());

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('文件上传、下载与预览', () => {
  it('上传后返回编号和 SHA-256，原样下载，文件名按 RFC 5987 编码，并记入审计日志', async () => {
    const baiyang = await t.login('baiyang');
    const content = Buffer.from('白洋司法所调解协议书（样本）\n');
    const up = await uploadTo(baiyang, '/api/files', '调解协议书.txt', content, 'text/plain');
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ name: '调解协议书.txt', size: content.length, sha256: sha256(content), mime: 'text/plain' });
    const id = up.json().id;

    const down = await baiyang.get(`/api/files/${id}`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(content)).toBe(true);
    expect(down.headers['content-disposition']).toBe(`attachment; filename="_____.txt"; filename*=UTF-8''${encodeURIComponent('调解协议书.txt')}`);

    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(['file.upload']);
  });

  it('数据范围：壶山司法所不能下载白洋司法所上传的文件，局长（全部）可以', async () => {
    const baiyang = await t.login('baiyang');
    const up = await uploadTo(baiyang, '/api/files', '白洋卷宗.pdf', Buffer.from('%PDF-1.4 fake'), 'application/pdf');
    const id = up.json().id;
    const hushan = await t.login('hushan');
    const denied = await hushan.get(`/api/files/${id}`);
    expect(denied.statusCode).toBe(404);
    expect(denied.json()).toMatchObject({ code: 'NOT_FOUND', message: '文件不存在或无权查看' });
    expect((await hushan.get(`/api/files/${id}/preview`)).statusCode).toBe(404);
    const director = await t.login('director');
    expect((await director.get(`/api/files/${id}`)).statusCode).toBe(200);
  });

  it('PDF、图片、文本可在线预览（inline），其他类型返回 415', async () => {
    const c = await t.login('hushan');
    const pdf = (await uploadTo(c, '/api/files', '决定书.pdf', Buffer.from('%PDF-1.4 fake'), 'application/pdf')).json();
    const preview = await c.get(`/api/files/${pdf.id}/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toBe('application/pdf');
    expect(String(preview.headers['content-disposition'])).toMatch(/^inline; /);
    expect(preview.headers['x-content-type-options']).toBe('nosniff');

    const docx = (await uploadTo(c, '/api/files', '通知书.docx', Buffer.from('PK fake'))).json();
    expect(docx.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const refused = await c.get(`/api/files/${docx.id}/preview`);
    expect(refused.statusCode).toBe(415);
    expect(refused.json().code).toBe('FILE_NO_PREVIEW');
  });

  it('超过 50 MB 的文件被拒绝（413），不是 multipart 的请求返回中文提示', async () => {
    const c = await t.login('hushan');
    const big = await uploadTo(c, '/api/files', 'big.bin', Buffer.alloc(50 * 1024 * 1024 + 1));
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('FILE_TOO_LARGE');
    const notMultipart = await c.post('/api/files', { hello: 'world' });
    expect(notMultipart.statusCode).toBe(400);
    expect(notMultipart.json().code).toBe('FILE_REQUIRED');
  });

  it('未登录不能下载', async () => {
    const res = await t.anonymous.get('/api/files/00000000-0000-0000-0000-000000000000');
    expect(res.statusCode).toBe(401);
  });

  it('Content-Disposition 的 ASCII 回退名去掉引号和非 ASCII 字符', () => {
    expect(contentDisposition('attachment', 'a"b (1).xlsx')).toBe(`attachment; filename="a_b (1).xlsx"; filename*=UTF-8''a%22b%20%281%29.xlsx`);
  });
});
