import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legalityTestContext, ok, publishedDoc, type LegalityTestContext } from './test-helpers';

let t: LegalityTestContext;
const codes: Record<string, string> = {};

// Real-looking titles of a county register.
const titles: [string, string][] = [
  ['武义县市场监管领域行政处罚裁量基准', '为规范市场监管领域行政处罚自由裁量权，制定本基准。'],
  ['武义县综合行政执法领域轻微违法行为免罚清单', '对首次违法、危害后果轻微并及时改正的，可以不予行政处罚。'],
  ['武义县乡村振兴补助资金管理办法', '为加强乡村振兴补助资金管理，提高资金使用效益，制定本办法。'],
  ['武义县温泉旅游产业发展扶持政策', '支持温泉旅游度假区建设，对新引进的温泉酒店给予奖励。'],
  ['武义县国有建设用地使用权出让管理办法', '国有建设用地使用权出让应当遵循公开、公平、公正的原则。'],
  ['武义县农村宅基地管理实施细则', '农村村民一户只能拥有一处宅基地。'],
];

beforeAll(async () => {
  t = await legalityTestContext();
  for (const [i, [title, body]] of titles.entries()) {
    const d = await publishedDoc(t.director, { title, body, docNumber: `武政发〔2025〕${i + 1}号` });
    codes[title] = d.code;
  }
}, 300_000);
afterAll(() => t?.close());

const search = async (q: string) => (await ok(await t.anonymous.get(`/api/public/documents?q=${encodeURIComponent(q)}`))) as { total: number; items: { title: string; code: string; statusLabel: string }[] };

describe('公开查询（无需登录）', () => {
  it('检索“行政处罚”找到行政处罚裁量基准，标题命中排在正文命中之前', async () => {
    const r = await search('行政处罚');
    const found = r.items.map((i) => i.title);
    expect(found).toContain('武义县市场监管领域行政处罚裁量基准');
    expect(found).toContain('武义县综合行政执法领域轻微违法行为免罚清单'); // in its text
    expect(found[0]).toBe('武义县市场监管领域行政处罚裁量基准');
    expect(found).not.toContain('武义县农村宅基地管理实施细则');
  });

  it('中文分词检索：裁量基准、补助资金、宅基地、温泉 各自只命中相关文件', async () => {
    expect((await search('裁量基准')).items.map((i) => i.title)).toEqual(['武义县市场监管领域行政处罚裁量基准']);
    expect((await search('补助资金')).items.map((i) => i.title)).toEqual(['武义县乡村振兴补助资金管理办法']);
    expect((await search('宅基地')).items.map((i) => i.title)).toEqual(['武义县农村宅基地管理实施细则']);
    expect((await search('温泉')).items.map((i) => i.title)).toEqual(['武义县温泉旅游产业发展扶持政策']);
    expect((await search('管理办法')).total).toBe(2);
    expect((await search('不存在的词语组合量子')).total).toBe(0);
  });

  it('未公布的草稿不出现在公开登记簿', async () => {
    await ok(await t.director.post('/api/legality/documents', { title: '武义县行政处罚案件移送办法（草案）', issuerOrg: '武义县人民政府' }), 201);
    expect((await search('移送')).total).toBe(0);
  });

  it('按文件码查询：标题、发文机关、登记号、日期、状态、有效期、全文；查询次数计数', async () => {
    const code = codes['武义县乡村振兴补助资金管理办法'];
    const d = await ok(await t.anonymous.get(`/api/public/documents/${code.toLowerCase()}`));
    expect(d).toMatchObject({ code, title: '武义县乡村振兴补助资金管理办法', issuer: '武义县人民政府', docNumber: '武政发〔2025〕3号', publishedDate: '2025-03-03', status: 'effective', statusLabel: '现行有效', validUntil: '2030-03-02' });
    expect(d.registrationNumber).toBeTruthy();
    expect(d.body).toContain('乡村振兴补助资金');
    expect(d.lookups).toBe(1);
    const again = await ok(await t.anonymous.get(`/api/public/documents/${code}`));
    expect(again.lookups).toBe(2);
    const missing = await t.anonymous.get('/api/public/documents/WY-1999-9999');
    expect(missing.statusCode).toBe(404);
  });

  it('废止的文件查询显示“已废止”', async () => {
    const title = '武义县国有建设用地使用权出让管理办法';
    const list = await ok(await t.director.get(`/api/legality/documents?q=${encodeURIComponent('建设用地')}`));
    const doc = list.items.find((i: { title: string }) => i.title === title);
    await ok(await t.director.post(`/api/legality/documents/${doc.id}/cleanup`, { version: doc.version, date: '2025-06-30', outcome: 'repeal', reason: '上位法修改，本办法废止' }));
    const d = await ok(await t.anonymous.get(`/api/public/documents/${codes[title]}`));
    expect(d.status).toBe('repealed');
    expect(d.statusLabel).toBe('已废止');
    expect(d.history.at(-1)).toMatchObject({ label: '清理：废止', date: '2025-06-30' });
  });

  it('文件码二维码为 PNG 图片', async () => {
    const res = await t.anonymous.get(`/api/public/documents/${codes['武义县农村宅基地管理实施细则']}/qr.png`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.rawPayload.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  });

  it('查询次数计入指标 normativeDoc.publicLookups', async () => {
    const ind = await ok(await t.director.get(`/api/indicators?keys=normativeDoc.publicLookups&org=${encodeURIComponent('武义县人民政府')}&from=2000-01-01&to=2100-12-31`));
    // 2 look-ups of the 乡村振兴 document, 1 of the repealed one; the QR image is not a look-up.
    expect(ind.indicators).toHaveLength(1);
    expect(ind.indicators[0]).toMatchObject({ key: 'normativeDoc.publicLookups', value: 3 });
  });
});
