/**
 * Section 1 (主要举措和成效) is assembled per business line from these templates, in the manner of the real
 * reports (shared/reference): every sentence is built around figures. A clause is kept only when every
 * indicator it names is registered when the draft is made, so the report fills in as lines land.
 */
export interface Clause {
  keys: string[];
  text: string;
}

export interface LineTemplate {
  /** Module key (so 主要举措 inputs of that line join its paragraph). */
  module: string;
  heading: string;
  /** Opening words of the paragraph (before the first clause). */
  lead: string;
  clauses: Clause[];
}

const c = (text: string): Clause => ({ text, keys: [...text.matchAll(/\{\{([A-Za-z][\w.]*)/g)].map((m) => m[1]) });

export const LINE_TEMPLATES: LineTemplate[] = [
  {
    module: 'admin-review',
    heading: '发挥行政复议化解行政争议主渠道作用',
    lead: '全年',
    clauses: [
      c('受理行政复议案件{{adminReview.accepted}}件，同比{{adminReview.accepted|change}}'),
      c('审结{{adminReview.concluded}}件'),
      c('纠错率{{adminReview.correctionRate}}，同比{{adminReview.correctionRate|change}}'),
      c('调撤率{{adminReview.mediatedWithdrawnRate}}'),
      c('维持率{{adminReview.upholdRate}}'),
      c('万人行政复议率{{adminReview.perTenThousand}}'),
      c('行政复议与行政诉讼案件比为{{adminReview.reviewToLitigationRatio}}'),
    ],
  },
  {
    module: 'litigation',
    heading: '规范行政应诉工作',
    lead: '全年',
    clauses: [
      c('新收一审行政诉讼案件{{litigation.firstInstanceFiled}}件，同比{{litigation.firstInstanceFiled|change}}'),
      c('审结{{litigation.concluded}}件'),
      c('行政诉讼败诉率{{litigation.lossRate}}，同比{{litigation.lossRate|change}}'),
      c('行政机关负责人出庭应诉率{{litigation.headAppearanceRate}}'),
    ],
  },
  {
    module: 'legality-review',
    heading: '强化合法性审查和规范性文件管理',
    lead: '全年',
    clauses: [
      c('开展合法性审查{{legality.reviewCount}}件，同比{{legality.reviewCount|change}}'),
      c('审查意见采纳率{{legality.adoptionRate}}'),
      c('报送规范性文件备案{{normativeDoc.filingCount}}件'),
      c('按期备案率{{normativeDoc.filingOnTimeRate}}'),
      c('清理规范性文件{{normativeDoc.cleanupCounts}}件'),
      c('文件码公开查询{{normativeDoc.publicLookups}}次'),
    ],
  },
  {
    module: 'enforcement',
    heading: '加强行政执法监督',
    lead: '全年',
    clauses: [
      c('行政执法人员持证率{{enforcement.certificateRate}}'),
      c('执法资格考试通过率{{enforcement.examPassRate}}'),
      c('评查行政执法案卷{{enforcement.caseFileReviewCount}}卷，合格率{{enforcement.caseFilePassRate}}'),
      c('行政执法信息公示率{{enforcement.publicationRate}}'),
      c('发现重复检查线索{{enforcement.repeatInspectionClues}}条、多头检查线索{{enforcement.multiAgencyInspectionClues}}条'),
      c('联合检查率{{enforcement.jointInspectionRate}}'),
      c('整改办结率{{enforcement.rectificationClosedRate}}'),
    ],
  },
  {
    module: 'mediation',
    heading: '深化矛盾纠纷多元化解',
    lead: '全年',
    clauses: [
      c('人民调解组织调解矛盾纠纷{{mediation.caseCount}}件，同比{{mediation.caseCount|change}}'),
      c('调解成功率{{mediation.successRate}}'),
      c('民商事案件诉前引调率{{mediation.courtReferralRate}}'),
      c('经司法确认{{mediation.judicialConfirmations}}件'),
    ],
  },
  {
    module: 'legal-aid',
    heading: '优化公共法律服务',
    lead: '全年',
    clauses: [
      c('办理法律援助案件{{legalAid.caseCount}}件，同比{{legalAid.caseCount|change}}'),
      c('办理公证{{notary.caseCount}}件'),
      c('解答法律咨询{{consultation.count}}人次'),
      c('每万人拥有律师{{legalService.lawyersPerTenThousand}}名'),
    ],
  },
  {
    module: 'corrections',
    heading: '严格规范社区矫正',
    lead: '全年',
    clauses: [
      c('新接收社区矫正对象{{corrections.received}}名，解除矫正{{corrections.released}}名，年末在册{{corrections.onRegister}}名'),
      c('实施训诫、警告等处罚{{corrections.sanctions}}人次'),
      c('开展视频点验{{corrections.videoRollCalls}}次'),
      c('社区矫正对象重新犯罪率{{corrections.recidivismRate}}'),
      c('刑满释放人员衔接率{{resettlement.handoverRate}}'),
    ],
  },
];

/** Every indicator key the templates may reference. */
export const templateKeys = () => [...new Set(LINE_TEMPLATES.flatMap((t) => t.clauses.flatMap((x) => x.keys)))];
