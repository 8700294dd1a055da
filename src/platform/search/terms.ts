/**
 * Domain words jieba's general dictionary does not know as single words (it splits 裁量基准 into 裁量 / 基准,
 * 合法性审查 into 合法性 / 审查). Loaded into the shared tokenizer so that a search for the term matches the
 * term, and — because indexing emits sub-words too — a search for a part still matches the whole.
 *
 * One list for the whole product: a business line adds its vocabulary here (or, for words only it uses,
 * through `registerSearchTerms` in service.ts). Adding a word never hides documents indexed before it:
 * a query term also matches its parts (see `toTsQuery`).
 */
export const searchTerms: readonly string[] = [
  // 组织与人员
  '司法局',
  '司法所',
  '司法行政',
  '法制审查员',
  '法律明白人',
  '人民调解员',
  // 行政复议与应诉（行政复议法、行政诉讼法）
  '行政复议',
  '行政复议机关',
  '行政复议机构',
  '行政复议委员会',
  '复议前置',
  '行政应诉',
  '行政诉讼',
  '行政赔偿',
  '行政争议',
  '不予受理',
  '补正通知',
  '简易程序',
  '普通程序',
  '负责人出庭应诉',
  // 合法性审查与规范性文件
  '合法性审查',
  '合法性审核',
  '规范性文件',
  '行政规范性文件',
  '备案审查',
  '公平竞争审查',
  '涉企政策',
  '重大行政决策',
  '文件码',
  // 行政执法与监督
  '行政执法',
  '行政执法监督',
  '执法监督',
  '行政处罚',
  '行政许可',
  '行政强制',
  '行政检查',
  '行政征收',
  '行政裁决',
  '裁量基准',
  '案卷评查',
  '执法证',
  '趋利性执法',
  // 基层法律服务
  '人民调解',
  '调解委员会',
  '诉前调解',
  '司法确认',
  '法律援助',
  '公共法律服务',
  '社区矫正',
  '矫正对象',
  '安置帮教',
  '撤销缓刑',
  '收监执行',
  // 法治建设
  '法治政府',
  '依法行政',
  '法治督察',
  '普法',
];
