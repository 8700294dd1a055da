import ExcelJS from 'exceljs';
import { orgSubtree } from '../orgs/service';
import { orgInScope } from '../auth/scope';
import { CODES_SHEET, GUIDE_SHEET, MAX_IMPORT_ROWS, exampleOf } from './reader';
import { describeColumn, templateHeader, type LedgerColumn, type LedgerContext } from './spec';

/** Last row the template's dropdowns and formats cover (the import cap plus the header). */
const LAST_ROW = MAX_IMPORT_ROWS + 1;
// Excel rejects an inline list formula longer than 255 characters: longer lists go to the hidden 代码表 sheet.
const INLINE_LIST_MAX = 250;

function colLetter(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Dropdown entries of a column: code labels, 是/否, orgs in the caller's scope, or a custom lookup's options. */
async function optionsOf(c: LedgerColumn, ctx: LedgerContext): Promise<string[] | undefined> {
  if (c.codes) return Object.keys(c.codes);
  if (c.type === 'boolean') return ['是', '否'];
  if (c.lookup?.kind === 'org') {
    const key = 'template:orgs';
    if (!ctx.cache.has(key)) {
      const tree = await orgSubtree(ctx.db, ctx.auth.rootPath);
      ctx.cache.set(key, tree.filter((o) => orgInScope(ctx.auth, ctx.spec.permission, o)).map((o) => o.name));
    }
    return ctx.cache.get(key) as string[];
  }
  if (c.lookup?.kind === 'custom' && c.lookup.options) return c.lookup.options(ctx);
  return undefined;
}

/**
 * The import template of a ledger: the data sheet (headers with `*` on required columns, a note on each header
 * describing format and allowed values, one example row, dropdowns for code columns), the 填写说明 sheet, and a
 * hidden 代码表 sheet for dropdown lists too long to inline.
 */
export async function buildTemplate(ctx: LedgerContext): Promise<Buffer> {
  const { spec } = ctx;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fazhi 法治';
  wb.created = new Date();
  const ws = wb.addWorksheet(spec.label.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  const guide = wb.addWorksheet(GUIDE_SHEET);
  let codes: ExcelJS.Worksheet | undefined;
  let codesCol = 0;

  const options = await Promise.all(spec.columns.map((c) => optionsOf(c, ctx)));
  ws.columns = spec.columns.map((c) => ({
    header: templateHeader(c),
    key: c.key,
    width: c.width ?? Math.max(12, c.header.length * 2 + 4),
    // Text columns stay text: phone and ID numbers must not turn into 1.38E+10.
    style: c.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : !c.type || c.type === 'text' ? { numFmt: '@' } : {},
  }));
  const head = ws.getRow(1);
  head.height = 22;
  spec.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.note = `${c.header}：${describeColumn(c, c.codes ? undefined : options[i])}`;
  });

  const example = ws.addRow(
    spec.columns.map((c) => {
      const v = exampleOf(c, ctx);
      if (c.type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00Z`);
      if (typeof v === 'boolean') return v ? '是' : '否';
      return v ?? null;
    }),
  );
  example.font = { italic: true, color: { argb: 'FF808080' } };

  spec.columns.forEach((c, i) => {
    const list = options[i];
    // Multi-value cells cannot use a single-choice dropdown.
    if (!list?.length || c.list) return;
    let formula = `"${list.join(',')}"`;
    if (formula.length > INLINE_LIST_MAX || list.some((x) => x.includes(','))) {
      codes ??= wb.addWorksheet(CODES_SHEET, { state: 'hidden' });
      codesCol++;
      codes.getCell(1, codesCol).value = c.header;
      list.forEach((x, r) => (codes!.getCell(r + 2, codesCol).value = x));
      const L = colLetter(codesCol);
      formula = `'${CODES_SHEET}'!$${L}$2:$${L}$${list.length + 1}`;
    }
    const L = colLetter(i + 1);
    // Lookups also accept codes and short names, so only code tables refuse other input.
    const strict = !!c.codes || c.type === 'boolean';
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${L}2:${L}${LAST_ROW}`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [formula],
      showErrorMessage: strict,
      errorStyle: 'stop',
      errorTitle: '输入值无效',
      error: `请从下拉列表中选择${c.header}`,
    });
  });

  guide.columns = [
    { header: '列名', key: 'header', width: 16 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写要求', key: 'rule', width: 60 },
    { header: '示例', key: 'example', width: 20 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const [i, c] of spec.columns.entries()) {
    const ex = exampleOf(c, ctx);
    guide.addRow({
      header: c.header,
      required: c.required ? '是' : '否',
      rule: describeColumn(c, c.codes ? undefined : options[i]),
      example: ex instanceof Date ? ex.toISOString().slice(0, 10) : typeof ex === 'boolean' ? (ex ? '是' : '否') : (ex ?? ''),
    });
  }
  guide.addRow([]);
  const notes = [
    `填写说明（${spec.label}）`,
    '1. 请在第一个工作表中填写，不要修改、删除或调整第一行表头；标“*”的列为必填。',
    '2. 第2行是示例，导入时自动忽略，可以删除或覆盖。',
    '3. 日期可填 2024-03-05、2024/3/5 或 2024年3月5日，也可使用 Excel 日期格式；“是/否”列填“是”或“否”。',
    '4. 有下拉列表的列请从列表中选择；机构可填全称、简称或行政区划代码。',
    '5. 导入前会校验全部数据：只要有一处错误就不会导入任何数据，并生成错误报告（行号、列、值、原因），改正后重新上传即可。',
    `6. 单次最多导入 ${MAX_IMPORT_ROWS} 行；只支持 .xlsx 格式。`,
  ];
  for (const line of notes) guide.addRow([line]);
  guide.getRow(spec.columns.length + 3).font = { bold: true };

  return Buffer.from(await wb.xlsx.writeBuffer());
}
