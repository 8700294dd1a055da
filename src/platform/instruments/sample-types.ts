/**
 * 文书 types used only by the platform's tests (not registered by the app): shaped like the 复议 文书 the
 * business lines will declare, so numbering, issuer, storage and the 公文 renderer run on realistic documents.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { orgs } from '../orgs/schema';
import { registerInstrumentType } from './registry';

/** A 受理通知书 numbered with its own format, without the org's short name: 示受〔2024〕N号. */
export const sampleAcceptNotice = registerInstrumentType({
  type: 'sampleAcceptNotice',
  label: '示例受理通知书',
  typeShort: '示受',
  numbered: true,
  format: '{typeShort}〔{year}〕{n}号',
  cite: '行政复议法 第三十条',
  title: () => '受理通知书',
  body: (f) => [
    { kind: 'recipient', text: String(f.applicant ?? '申请人') },
    { kind: 'paragraph', text: `你（单位）提出的「${String(f.title ?? '行政复议申请')}」，经审查，符合法定受理条件，本机关决定予以受理。` },
    { kind: 'signature' },
  ],
});

const decisionFields = z.object({
  applicant: z.string().min(1, '请填写申请人'),
  respondent: z.string().min(1, '请填写被申请人'),
  facts: z.string().min(1, '请填写查明的事实'),
  decision: z.string().min(1, '请填写决定内容'),
});

/** A decision numbered by its own org: 武司复〔2024〕N号. */
export const sampleDecision = registerInstrumentType({
  type: 'sampleDecision',
  label: '示例决定书',
  typeShort: '复',
  numbered: true,
  cite: '行政复议法 第六十八条',
  fields: decisionFields,
  title: () => '示例决定书',
  body: (f) => [
    { kind: 'paragraph', text: `申请人：${f.applicant}`, indent: false },
    { kind: 'paragraph', text: `被申请人：${f.respondent}`, indent: false },
    { kind: 'heading', level: 1, text: '查明的事实' },
    { kind: 'paragraph', text: f.facts },
    { kind: 'heading', level: 2, text: '证据' },
    { kind: 'table', columns: ['序号', '证据名称', '证明事项'], rows: [['1', '行政处罚决定书', '处罚事实']], widths: [1, 3, 4] },
    { kind: 'heading', level: 3, text: '证据的认定' },
    { kind: 'heading', level: 1, text: '决定' },
    { kind: 'paragraph', text: f.decision },
    { kind: 'paragraph', text: '申请人如不服本决定，可以自收到本决定书之日起十五日内，依法向人民法院提起行政诉讼。' },
    { kind: 'attachments', items: ['证据清单'] },
    { kind: 'signature' },
    { kind: 'colophon', copyTo: ['武义县人民政府办公室'], printedBy: '武义县司法局办公室', printedOn: '2024-10-11' },
  ],
});

/**
 * A decision prepared by the 司法局 but made and numbered in the county government's name (行政复议法 第六十一条):
 * 武政复〔2024〕N号. The issuer is the nearest 人民政府 above the owning org.
 */
export const sampleGovDecision = registerInstrumentType({
  type: 'sampleGovDecision',
  label: '示例复议决定书',
  typeShort: '复',
  numbered: true,
  cite: '行政复议法 第六十一条',
  issuer: async ({ tx, org }) => {
    const ancestors = org.path.split('/').filter(Boolean);
    const govs = await tx
      .select({ id: orgs.id, path: orgs.path })
      .from(orgs)
      .where(and(inArray(orgs.id, ancestors), eq(orgs.type, 'government')));
    return govs.sort((a, b) => b.path.length - a.path.length)[0]?.id;
  },
  title: (f) => `${String(f.organ ?? '武义县人民政府')}\n行政复议决定书`,
  body: (f) => [{ kind: 'paragraph', text: String(f.decision ?? '维持被申请人作出的行政行为。') }, { kind: 'signature' }],
});

/** An unnumbered record (笔录-like) that a business read permission also reaches, for data-scope tests. */
export const sampleRecord = registerInstrumentType({
  type: 'sampleRecord',
  label: '示例笔录',
  typeShort: '录',
  numbered: false,
  readPermission: 'sample.recordRead',
  title: () => '调查笔录',
  body: (f) => [{ kind: 'paragraph', text: String(f.text ?? '') }],
});
