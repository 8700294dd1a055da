import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/platform/db/client';
import { publicDocumentByCode } from '../../src/modules/legality-review/documents';
import type { Scenario } from '../lib/scenario';
import documents from './documents';

/**
 * Public look-up by 文件码 (issue 5: < 20 ms). The endpoint also counts the look-up (an upsert) and reads the
 * version history; the raw SQL timed beside it is the document read by its unique code.
 */
const scenario: Scenario = {
  name: 'lookup',
  title: '文件码查询（唯一索引读取 + 查询计数）',
  user: 'director',
  endpoint: '/api/public/documents/BN-000123',
  // Reuses the documents scenario's rows when both run; alone, it loads them itself.
  async load(ctx, scale) {
    const [{ n }] = rowsOf<{ n: number }>(await ctx.db.execute(sql`select count(*)::int as n from normative_documents where code = 'BN-000123'`));
    return n ? 0 : documents.load(ctx, scale);
  },
  rawSql(ctx) {
    return [publicDocumentByCode(ctx.db, 'BN-000123')];
  },
};

export default scenario;
