/**
 * `npm run fazhi -- <command>`: administration from the shell, on the same database `npm start` uses
 * (DATA_DIR for PGlite, DATABASE_URL for PostgreSQL).
 */
import { Command } from 'commander';
import { eq, isNull } from 'drizzle-orm';
import { loadConfig } from './config';
import { openDatabase, type Database } from './platform/db/client';
import { loadKeys } from './platform/crypto/sm';
import { hasAnyOrg, registerModules, syncRolesAndPermissions } from './platform/bootstrap';
import { seedDemo } from './platform/seed/demo';
import { verifyAuditChain, systemActor } from './platform/audit/service';
import { createOrg, resolveOrg } from './platform/orgs/service';
import { createUser } from './platform/auth/users';
import { orgs } from './platform/orgs/schema';
import { modules } from './modules';

const config = loadConfig();

async function withDb<T>(fn: (d: Database) => Promise<T>): Promise<T> {
  loadKeys(config.keyFile);
  const d = await openDatabase(config);
  try {
    registerModules(modules);
    await syncRolesAndPermissions(d.db);
    return await fn(d);
  } finally {
    await d.close();
  }
}

function fail(msg: string): never {
  console.error(`错误：${msg}`);
  process.exit(1);
}

const program = new Command('fazhi').description('Fazhi 法治 管理命令').showHelpAfterError();

program
  .command('migrate')
  .description('执行数据库迁移（启动时也会自动执行）')
  .action(() => withDb(async (d) => console.log(`迁移完成（${d.kind}）`)));

program
  .command('seed-demo')
  .description('在空数据库中生成演示县数据')
  .action(() =>
    withDb(async (d) => {
      if (await hasAnyOrg(d.db)) fail('数据库不是空的，演示数据只能生成在空数据库中');
      await seedDemo(d, config, modules, (m) => console.log(m));
      console.log(`完成。演示账号密码：DEMO_PASSWORD（默认 Demo@12345）`);
    }),
  );

program
  .command('create-admin')
  .description('创建系统管理员（空数据库时同时创建根机构）')
  .requiredOption('--username <name>', '用户名')
  .option('--password <password>', '初始密码（也可用环境变量 FAZHI_ADMIN_PASSWORD）')
  .option('--display-name <name>', '姓名', '系统管理员')
  .option('--org <nameOrCode>', '所属机构（名称或行政区划代码）；空数据库时为新建根机构的名称', '')
  .option('--region-code <code>', '空数据库时根机构的行政区划代码（6位）')
  .option('--role <code>', '角色代码：sysadmin / secadmin / auditor', 'sysadmin')
  .action((opts) =>
    withDb(async (d) => {
      const password = opts.password ?? process.env.FAZHI_ADMIN_PASSWORD;
      if (!password) fail('请用 --password 或 FAZHI_ADMIN_PASSWORD 提供初始密码');
      // One transaction: a refused password leaves no root org behind (no partial writes).
      try {
        await d.db.transaction(async (tx) => {
          const db = tx as unknown as typeof d.db;
          let orgId: string;
          let created = '';
          if (!(await hasAnyOrg(db))) {
            if (!opts.org || !opts.regionCode) fail('空数据库：请用 --org "XX县人民政府" --region-code 6位代码 创建根机构');
            const root = await createOrg(db, systemActor, { name: opts.org, type: 'government', regionCode: opts.regionCode });
            orgId = root.id;
            created = `已创建根机构：${root.name}（${root.regionCode}）\n`;
          } else {
            const [root] = await db.select().from(orgs).where(isNull(orgs.parentId));
            const org = opts.org ? await resolveOrg(db, root.path, opts.org) : root;
            if (!org) fail(`找不到机构：${opts.org}`);
            orgId = org.id;
          }
          const user = await createUser(db, systemActor, { username: opts.username, displayName: opts.displayName, orgId, roleCodes: [opts.role], password });
          console.log(`${created}已创建用户 ${user.username}（角色 ${opts.role}），首次登录须修改密码`);
        });
      } catch (e) {
        fail((e as Error).message);
      }
    }),
  );

program
  .command('audit-verify')
  .description('校验审计日志哈希链（发现篡改时退出码为 1）')
  .action(() =>
    withDb(async (d) => {
      const r = await verifyAuditChain(d.db);
      if (r.ok) console.log(`审计日志校验通过：共 ${r.checked} 条，哈希链完整`);
      else fail(`审计日志校验失败：第 ${r.brokenAt} 条记录，${r.reason}（此前 ${r.checked} 条完整）`);
    }),
  );

program
  .command('calendar-import')
  .description('导入某年法定节假日和调休安排（JSON：{source, holidays:[{name,from,to}], workdays:[{name,date}]}）')
  .requiredOption('--file <path>', 'JSON 文件')
  .option('--year <year>', '年份（默认取文件中的日期所在年份）')
  .action((opts) =>
    withDb(async (d) => {
      const { importCalendarFile } = await import('./platform/calendar/cli');
      try {
        const r = await importCalendarFile(d.db, opts.file, opts.year ? Number(opts.year) : undefined);
        console.log(r);
      } catch (e) {
        fail((e as Error).message);
      }
    }),
  );

program
  .command('users')
  .description('列出用户（核对演示账号）')
  .action(() =>
    withDb(async (d) => {
      const { users } = await import('./platform/auth/schema');
      const rows = await d.db.select({ username: users.username, name: users.displayName, org: orgs.name }).from(users).innerJoin(orgs, eq(orgs.id, users.orgId)).where(isNull(users.voidedAt));
      console.table(rows);
    }),
  );

program
  .command('report')
  .description('生成法治政府建设年度报告（公文 .docx；--out 以 .pdf 结尾时生成 PDF）：已有报告按其正文和数据输出，否则按模板和报告素材起草')
  .option('--org <regionCode>', '报告主体（行政区划代码、机构名称或ID），默认本库的县级根机构')
  .requiredOption('--year <year>', '报告年度，如 2024')
  .option('--out <file>', '输出文件', 'report.docx')
  .option('--refresh', '已有报告时也按当前记录重新计算数据（不保存）')
  .action((opts) =>
    withDb(async (d) => {
      const { cliReport } = await import('./modules/annual-report/cli');
      try {
        const r = await cliReport(d.db, { org: opts.org, year: Number(opts.year), out: opts.out, refresh: !!opts.refresh });
        console.log(`已生成：${r.out}（${r.title}，${r.source}，${r.figures} 项数据，${r.ms} ms）`);
      } catch (e) {
        fail((e as Error).message);
      }
    }),
  );

await program.parseAsync(process.argv);
