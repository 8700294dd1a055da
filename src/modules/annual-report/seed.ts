/**
 * Demo data for 武义县: the accounts of the approval route (科室 拟稿 baogao, 分管领导 fenguan; 主要负责人 is the
 * platform's director), a year of 报告素材 for last year, and last year's report drafted from them and from every
 * line's demo records (seeded before this module).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import type { SeedContext } from '../../platform/module';
import { systemActor } from '../../platform/audit/service';
import { createUser } from '../../platform/auth/users';
import { users } from '../../platform/auth/schema';
import { loadAuthContext } from '../../platform/auth/context';
import { orgs } from '../../platform/orgs/schema';
import { todayInChina } from '../../platform/calendar/service';
import { annualReportInputs } from './schema';
import { createReport } from './service';
import type { InputCategory } from './terms';

export const demoReportUsers = [
  { username: 'baogao', displayName: '周文静', org: '法治督察与执法监督科', title: '法治督察与执法监督科科长', roles: ['reportDrafter'] },
  { username: 'fenguan', displayName: '何立新', org: '武义县司法局', title: '副局长（分管法治政府建设）', roles: ['reportDeputy'] },
];

/** The report's demo accounts; returns their ids by username. */
export async function createReportUsers(db: Db, password: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const u of demoReportUsers) {
    const [org] = await db.select().from(orgs).where(and(eq(orgs.name, u.org), isNull(orgs.voidedAt)));
    if (!org) throw new Error(`demo county is missing ${u.org}`);
    const user = await createUser(db, systemActor, { username: u.username, displayName: u.displayName, orgId: org.id, title: u.title, roleCodes: u.roles, password });
    await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
    ids.set(u.username, user.id);
  }
  return ids;
}

/** Inputs in the manner of 武义's own 2023 report (shared/reference), dated within the year. */
const demoInputs: { category: InputCategory; module?: string; title: string; content: string; month: number; source: string }[] = [
  { category: 'measure', module: 'admin-review', title: '推进行政复议规范化建设', content: '深化行政复议体制改革，设立行政复议受理点18个，实现乡镇（街道）全覆盖；推行行政复议听证、调解“两个前置”，开展案件听证12场，以调解和解方式化解行政争议的比例持续提升。', month: 6, source: '行政复议与应诉科' },
  { category: 'measure', module: 'legality-review', title: '全市率先成立合法性审查中心', content: '统筹全县合法性审查力量，乡镇（街道）合法性审查实现全覆盖，重大行政决策、行政规范性文件和行政协议“应审尽审”。', month: 4, source: '合法性审查中心' },
  { category: 'measure', title: '压实法治建设工作责任', content: '召开县委全面依法治县委员会会议，制定法治武义建设考核细化指标及计分规则，组织责任分解；开展法治建设巡察单位11家，组织“一月一学法一考试”12场。', month: 3, source: '办公室' },
  { category: 'measure', title: '开展乡镇（街道）法治化综合改革', content: '18个乡镇（街道）均成立全面依法治乡镇（街道）委员会及其办公室，明确党（工）委书记为法治建设第一责任人。', month: 8, source: '法治督察与执法监督科' },
  { category: 'problem', title: '法治督察发现部分单位合法性审查不到位', content: '年度法治督察发现个别乡镇行政协议未经合法性审查即签订，部分部门规范性文件报备不及时，原因是基层法治工作力量不足、审查意识不强。', month: 9, source: '法治督察' },
  { category: 'problem', title: '行政执法规范化水平有待提升', content: '案卷评查发现部分执法案卷证据链不完整、文书制作不规范，执法人员培训的针对性有待加强。', month: 11, source: '案卷评查' },
  { category: 'duty', title: '主要负责人带头履行第一责任人职责', content: '县政府主要负责人主持召开常务会议专题研究法治政府建设4次，带头讲法治课，带头出庭应诉，对法治政府建设重要工作亲自部署、重大问题亲自过问。', month: 5, source: '办公室' },
  { category: 'duty', title: '落实领导干部述法制度', content: '将履行推进法治建设第一责任人职责情况纳入年终述职内容，组织18个乡镇（街道）、32个部门主要负责人开展年度述法。', month: 12, source: '办公室' },
  { category: 'plan', title: '持续深化行政复议体制改革', content: '进一步发挥行政复议化解行政争议主渠道作用，力争调撤率保持全市前列，行政诉讼败诉率控制在省定目标以内。', month: 12, source: '行政复议与应诉科' },
  { category: 'plan', title: '全面提升行政执法质效', content: '推进“大综合一体化”行政执法改革，开展行政执法案卷评查全覆盖，加强执法监督数字化应用。', month: 12, source: '法治督察与执法监督科' },
];

export async function seedAnnualReport(ctx: SeedContext) {
  const { db } = ctx;
  for (const [k, v] of await createReportUsers(db, ctx.config.demoPassword)) ctx.users.set(k, v);
  const bureau = ctx.orgs.get('武义县司法局');
  if (!bureau) throw new Error('demo county is missing 武义县司法局');
  const year = Number(todayInChina().slice(0, 4)) - 1;
  const drafter = ctx.users.get('baogao')!;
  await db.insert(annualReportInputs).values(
    demoInputs.map((i) => ({
      orgId: bureau.id, regionCode: bureau.regionCode, createdBy: drafter, year, category: i.category, module: i.module ?? null, title: i.title, content: i.content,
      occurredOn: `${year}-${String(i.month).padStart(2, '0')}-${String(5 + Math.floor(ctx.random() * 20)).padStart(2, '0')}`, source: i.source,
    })),
  );
  const auth = (await loadAuthContext(db, drafter))!;
  await createReport(db, auth, { year, org: bureau.id });
  ctx.log(`年度报告：${year}年度报告草稿、${demoInputs.length}条报告素材`);
}
