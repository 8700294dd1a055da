import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { legalityTestContext, publishedDoc, type LegalityTestContext } from './test-helpers';
import { normativeDocuments } from './schema';
import { buildApp } from '../../app';

let t: LegalityTestContext;
beforeAll(async () => {
  t = await legalityTestContext();
}, 300_000);
afterAll(() => t?.close());

describe('定时任务', () => {
  it('服务启动后自动把有效期已届满的规范性文件改为失效 (DOMAIN.md §3)', async () => {
    const d = await publishedDoc(t.director, { title: '武义县已到期的暂行办法', publishedDate: '2022-01-04', validUntil: '2024-01-03' });
    const before = await t.database.db.select().from(normativeDocuments).where(eq(normativeDocuments.id, d.id));
    expect(before[0].status).toBe('effective');
    // A second server process on the same database with the scheduler on (the test harness's has it off).
    const app = await buildApp({ database: t.database, config: { ...t.config, scheduler: true } });
    try {
      let status = before[0].status;
      for (let i = 0; i < 50 && status === 'effective'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        status = (await t.database.db.select().from(normativeDocuments).where(eq(normativeDocuments.id, d.id)))[0].status;
      }
      expect(status).toBe('expired');
    } finally {
      await app.close();
    }
  });
});
