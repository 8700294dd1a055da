import type { Db } from '../db/client';
import type { AuthContext } from '../auth/context';
import { AppError, pgErrorCode } from '../errors';
import { recordAudit } from '../audit/service';
import { saveFile, sha256Hex } from '../files/service';
import { JobFailure, type JobOutcome, type JobProgress } from '../jobs/service';
import { readLedger, type ReadResult } from './reader';
import { xlsxBuffer, XLSX_MIME } from './export';
import type { LedgerContext, LedgerSpec, RowError } from './spec';

/** How many row errors the job's error details carry; the report file has all of them. */
export const ERROR_DETAILS_MAX = 200;
/** The synchronous validate endpoint reads at most this many rows; bigger files go through an import job. */
export const VALIDATE_MAX_ROWS = 20_000;

const noProgress: JobProgress = async () => {};

export function ledgerContext(db: Db, auth: AuthContext, spec: LedgerSpec, progress: JobProgress = noProgress): LedgerContext {
  return { db, auth, spec, cache: new Map(), progress };
}

/** '第3行“手机号”手机号应为11位数字等2处错误，未导入任何数据' */
export function invalidRowsMessage(errors: RowError[]): string {
  const e = errors[0];
  const where = `第${e.row}行${e.column ? `“${e.column}”` : ''}`;
  return `${where}${e.reason}${errors.length > 1 ? `等${errors.length}处错误` : ''}，未导入任何数据`;
}

/** The error report: one line per problem (行号, 列, 值, 原因). */
export function errorReport(errors: RowError[]): Promise<Buffer> {
  return xlsxBuffer({
    sheet: '错误报告',
    columns: [
      { header: '行号', key: 'row', width: 8 },
      { header: '列', key: 'column', width: 16 },
      { header: '值', key: 'value', width: 28, format: '@' },
      { header: '原因', key: 'reason', width: 60 },
    ],
    rows: errors as unknown as Record<string, unknown>[],
  });
}

/** Same checks as an import, nothing written (POST /api/ledger/validate/:entity). */
export async function validateLedgerFile(ctx: LedgerContext, content: Buffer): Promise<ReadResult> {
  return readLedger(content, ctx, {
    maxRows: VALIDATE_MAX_ROWS,
    tooMany: (max) => new AppError('LEDGER_TOO_LARGE_TO_VALIDATE', `文件超过${max}行，无法即时校验；请直接导入（导入前同样会校验全部数据）`, 400, { max }),
  });
}

export interface ImportUpload {
  name: string;
  content: Buffer;
}

/**
 * The body of an import job: stream and check every row; if anything is wrong, save the error report,
 * audit the refusal and fail with LEDGER_INVALID_ROWS — nothing imported. Otherwise the spec's importRows
 * writes every row in ONE transaction together with one audit entry (count, file name and SHA-256).
 */
export async function runLedgerImport(ctx: LedgerContext, upload: ImportUpload, jobId: string): Promise<JobOutcome> {
  const { db, auth, spec } = ctx;
  const sha256 = sha256Hex(upload.content);
  const entityType = spec.entityType ?? spec.entity;
  await ctx.progress(0, undefined, '正在读取并校验数据');
  const read = await readLedger(upload.content, ctx, { onRow: (n) => ctx.progress(n, undefined, `正在校验第${n}行`) });
  const total = read.dataRows;

  if (read.errors.length) {
    const report = await errorReport(read.errors);
    const file = await db.transaction(async (tx) => {
      const f = await saveFile(tx, {
        name: `${spec.label}导入错误报告.xlsx`,
        mime: XLSX_MIME,
        content: report,
        orgId: auth.user.orgId,
        entityType: 'job',
        entityId: jobId,
        createdBy: auth.user.id,
      });
      await recordAudit(tx, auth.actor, {
        action: 'ledger.importRejected',
        entityType,
        summary: `${spec.label}导入未通过校验：${read.errors.length}处错误，未导入任何数据（${upload.name}）`,
        after: { entity: spec.entity, fileName: upload.name, sha256, rows: total, errors: read.errors.length, reportFileId: f.id },
      });
      return f;
    });
    await ctx.progress(total, total, '校验未通过，未导入任何数据');
    throw new JobFailure(
      'LEDGER_INVALID_ROWS',
      invalidRowsMessage(read.errors),
      { errors: read.errors.slice(0, ERROR_DETAILS_MAX), errorCount: read.errors.length, rows: total },
      file.id,
    );
  }

  await ctx.progress(0, total, '校验通过，正在准备导入');
  if (spec.prepareRows) await spec.prepareRows(read.rows, ctx);
  await ctx.progress(0, total, '正在写入数据');
  let ids: string[] = [];
  try {
    await db.transaction(async (tx) => {
      ids = (await spec.importRows(tx, read.rows, ctx)) ?? [];
      await recordAudit(tx, auth.actor, {
        action: 'ledger.import',
        entityType,
        summary: `导入${spec.label} ${read.rows.length} 条（${upload.name}）`,
        after: { entity: spec.entity, count: read.rows.length, fileName: upload.name, sha256, ids },
      });
    });
  } catch (err) {
    // Another user created the same record between validation and import: nothing was written.
    if (pgErrorCode(err) === '23505') throw new AppError('LEDGER_DUPLICATE', '导入失败：部分数据与已有记录重复（可能刚被他人录入），未导入任何数据，请重新校验后再导入', 409);
    throw err;
  }
  await ctx.progress(total, total, `已导入${read.rows.length}条`);
  return { result: { imported: read.rows.length, sheet: read.sheet, ignoredColumns: read.ignoredColumns } };
}
