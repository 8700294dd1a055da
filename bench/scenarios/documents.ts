import { normativeDocuments } from '../../src/modules/legality-review/schema';
import { publicSearchQueries } from '../../src/modules/legality-review/documents';
import { searchVector } from '../../src/platform/search/service';
import { insertBatches } from '../lib/db';
import type { Scenario } from '../lib/scenario';

const Q = '行政处罚';
const TOPICS = ['行政处罚', '行政许可', '行政检查', '政府信息公开', '城市管理', '安全生产', '农村宅基地', '企业合规', '公共资源交易', '生态环境保护', '优化营商环境', '人民调解'];
const KINDS = ['实施办法', '裁量基准', '管理规定', '实施意见', '暂行办法', '工作规程', '若干措施'];

/** Public 规范性文件 search (issue 5: p95 < 100 ms over 100,000 documents), anonymous like the public. */
const scenario: Scenario = {
  name: 'documents',
  title: '规范性文件公开检索（jieba 分词 + GIN 索引，q=行政处罚）',
  user: 'director',
  endpoint: `/api/public/documents?q=${encodeURIComponent(Q)}&page=1&pageSize=20`,

  async load(ctx, scale) {
    const { db, faker } = ctx;
    const issuers = [...ctx.orgs.values()].filter((o) => o.type === 'agency' || o.type === 'government');
    const rows = Array.from({ length: scale }, (_, i) => {
      const org = faker.helpers.arrayElement(issuers);
      const title = `${org.name}关于${faker.helpers.arrayElement(TOPICS)}的${faker.helpers.arrayElement(KINDS)}`;
      const published = faker.date.between({ from: '2018-01-01', to: '2026-10-31' }).toISOString().slice(0, 10);
      const status = faker.helpers.weightedArrayElement([{ value: 'effective', weight: 8 }, { value: 'expired', weight: 1 }, { value: 'repealed', weight: 1 }]);
      const body = `第一条 为了规范${faker.helpers.arrayElement(TOPICS)}工作，根据有关法律法规，结合本县实际，制定本办法。第二条 ${faker.company.name()}等市场主体适用本办法。`;
      const code = `BN-${String(i + 1).padStart(6, '0')}`;
      return {
        orgId: org.id,
        regionCode: org.regionCode,
        title,
        issuer: org.name,
        docNumber: `武政发〔${published.slice(0, 4)}〕${(i % 300) + 1}号`,
        stage: 'published',
        status,
        body,
        registrationNumber: `BNDR-${String(i + 1).padStart(6, '0')}`,
        code,
        publishedDate: published,
        effectiveDate: published,
        tokens: searchVector({ title, text: body }),
      };
    });
    await insertBatches(rows, 400, (batch) => db.insert(normativeDocuments).values(batch));
    return rows.length;
  },

  // searchPublic (src/modules/legality-review/documents.ts) runs exactly this one statement for a keyword
  // (the total rides along as a window count).
  rawSql(ctx) {
    const { page } = publicSearchQueries(ctx.db, { q: Q, page: 1, pageSize: 20 });
    return [page];
  },
};

export default scenario;
