import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { legalityTestContext, ok, publishedDoc, type LegalityTestContext } from './test-helpers';
import { normativeDocuments } from './schema';
import { normativeDocumentSearch } from './schema-search';
import { rowsOf } from '../../platform/db/client';

let t: LegalityTestContext;
const ids: Record<string, { id: string; code: string; version: number }> = {};

beforeAll(async () => {
  t = await legalityTestContext();
  const docs: [string, string, string][] = [
    ['a', '武义县城市绿化管理办法', '2025-01-10'],
    ['b', '武义县城市道路挖掘管理办法', '2025-02-10'],
    ['c', '武义县农贸市场管理规定', '2025-03-10'], // 城市 only in its text
  ];
  for (const [k, title, publishedDate] of docs) {
    const d = await publishedDoc(t.director, { title, publishedDate, body: k === 'c' ? '本县城市建成区内的农贸市场适用本规定。' : '为加强管理，制定本办法。', docNumber: `武政办发〔2025〕${k === 'a' ? 1 : k === 'b' ? 2 : 3}号` });
    ids[k] = { id: d.id, code: d.code, version: d.version };
  }
});
afterAll(() => t?.close());

type Page = { total: number; page: number; items: { title: string; statusLabel: string }[] };
const search = async (q: string, page = 1, pageSize = 20) => (await ok(await t.anonymous.get(`/api/public/documents?q=${encodeURIComponent(q)}&page=${page}&pageSize=${pageSize}`))) as Page;
const searchRow = (id: string) => t.database.db.select().from(normativeDocumentSearch).where(eq(normativeDocumentSearch.documentId, id));

describe('公开检索：检索表随文件生命周期更新、分页与总数', () => {
  it('标题命中在前（按公布日期新者在前），正文命中在后；总数随结果一并返回', async () => {
    const r = await search('城市');
    expect(r.items.map((i) => i.title)).toEqual(['武义县城市道路挖掘管理办法', '武义县城市绿化管理办法', '武义县农贸市场管理规定']);
    expect(r.total).toBe(3);
  });

  it('分页：第 2 页 1 条、超出末页 0 条，总数都是 3', async () => {
    const p2 = await search('城市', 2, 2);
    expect(p2.items.map((i) => i.title)).toEqual(['武义县农贸市场管理规定']);
    expect(p2.total).toBe(3);
    const past = await search('城市', 5, 2);
    expect(past.items).toEqual([]);
    expect(past.total).toBe(3);
  });

  it('只有标点的检索词不返回任何文件（而不是列出全部）', async () => {
    const r = await search('，。！');
    expect(r).toMatchObject({ total: 0, items: [] });
  });

  it('修改全文后按新内容检索得到、按旧内容检索不到；废止后仍可检索并显示“已废止”', async () => {
    const a = ids.a;
    expect((await search('加强管理')).items.map((i) => i.title)).toContain('武义县城市绿化管理办法');
    const amended = await ok(await t.director.post(`/api/legality/documents/${a.id}/amend`, { version: a.version, date: '2025-06-01', docNumber: '武政办发〔2025〕9号', body: '古树名木保护适用本办法。' }));
    expect((await search('古树名木')).items.map((i) => i.title)).toEqual(['武义县城市绿化管理办法']);
    expect((await search('加强管理')).items.map((i) => i.title)).not.toContain('武义县城市绿化管理办法');
    await ok(await t.director.post(`/api/legality/documents/${a.id}/cleanup`, { version: amended.version, date: '2025-07-01', outcome: 'repeal', reason: '上位法已修改' }));
    const r = await search('古树名木');
    expect(r.items).toHaveLength(1);
    expect(r.items[0].statusLabel).toContain('废止');
  });

  it('作废（voided）的文件从检索表移除；草稿从不进入检索表', async () => {
    expect(await searchRow(ids.b.id)).toHaveLength(1);
    await t.database.db.update(normativeDocuments).set({ voidedAt: new Date(), voidReason: '误登记' }).where(eq(normativeDocuments.id, ids.b.id));
    expect(await searchRow(ids.b.id)).toHaveLength(0);
    expect((await search('道路挖掘')).total).toBe(0);
    const draft = await ok(await t.director.post('/api/legality/documents', { title: '武义县城市照明管理办法（草案）', issuerOrg: '武义县人民政府' }), 201);
    expect(await searchRow(draft.id)).toHaveLength(0);
    // Every row of the search table is a public document, title words taken from the document's vector.
    const [{ stray }] = rowsOf<{ stray: number }>(await t.database.db.execute(sql`select count(*)::int as stray from normative_document_search s join normative_documents d on d.id = s.document_id where d.stage <> 'published' or d.voided_at is not null`));
    expect(stray).toBe(0);
  });
});
