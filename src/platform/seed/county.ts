/**
 * The demo county: 武义县 (浙江省金华市, 行政区划代码 330723), whose 2023 法治政府建设年度报告 is in
 * shared/reference. 3 街道, 8 镇, 7 乡; township codes follow the GB/T 2260 extension (街道 0xx, 镇 1xx, 乡 2xx).
 */
export const demoCounty = {
  name: '武义县人民政府',
  shortName: '武政',
  regionCode: '330723',
  population: 462_000, // 常住人口 (approx., 第七次人口普查 45.9 万)
  bureau: { name: '武义县司法局', shortName: '武司' },
  divisions: [
    '办公室',
    '行政复议与应诉科',
    '法治督察与执法监督科',
    '合法性审查中心',
    '人民参与和促进法治科',
    '公共法律服务管理科',
    '社区矫正管理局',
    '普法与依法治理科',
  ],
  townships: [
    { name: '白洋街道', code: '330723001', population: 61_000, shortName: '白街' },
    { name: '熟溪街道', code: '330723002', population: 58_000, shortName: '熟街' },
    { name: '壶山街道', code: '330723003', population: 64_000, shortName: '壶街' },
    { name: '履坦镇', code: '330723101', population: 24_000 },
    { name: '桐琴镇', code: '330723102', population: 33_000 },
    { name: '泉溪镇', code: '330723103', population: 36_000 },
    { name: '王宅镇', code: '330723104', population: 30_000, shortName: '王政' },
    { name: '桃溪镇', code: '330723105', population: 21_000 },
    { name: '茭道镇', code: '330723106', population: 19_000 },
    { name: '柳城畲族镇', code: '330723107', population: 20_000 },
    { name: '新宅镇', code: '330723108', population: 12_000 },
    { name: '大田乡', code: '330723201', population: 9_000 },
    { name: '白姆乡', code: '330723202', population: 10_000 },
    { name: '俞源乡', code: '330723203', population: 11_000 },
    { name: '坦洪乡', code: '330723204', population: 10_000 },
    { name: '西联乡', code: '330723205', population: 14_000 },
    { name: '三港乡', code: '330723206', population: 8_000 },
    { name: '大溪口乡', code: '330723207', population: 12_000 },
  ],
  /** A few villages per township for the grass-roots lines (mediation committees, 法律明白人). */
  villages: {
    王宅镇: ['后陈村', '王宅村'],
    壶山街道: ['上街社区', '下王宅村'],
    白洋街道: ['白洋社区', '溪南村'],
    桐琴镇: ['桐琴村', '蜀墅村'],
    履坦镇: ['履坦村', '坛头村'],
  } as Record<string, string[]>,
  /** 行政机关 with the 简称 their numbered 文书 carry (武公〔2025〕3号). */
  agencies: [
    { name: '武义县公安局', shortName: '武公' },
    { name: '武义县市场监督管理局', shortName: '武市监' },
    { name: '武义县自然资源和规划局', shortName: '武自然资规' },
    { name: '武义县综合行政执法局', shortName: '武综执' },
    { name: '武义县人力资源和社会保障局', shortName: '武人社' },
    { name: '金华市生态环境局武义分局', shortName: '金环武' },
    { name: '武义县交通运输局', shortName: '武交' },
    { name: '武义县住房和城乡建设局', shortName: '武建' },
    { name: '武义县农业农村局', shortName: '武农' },
    { name: '武义县卫生健康局', shortName: '武卫健' },
    { name: '武义县应急管理局', shortName: '武应急' },
    { name: '武义县教育局', shortName: '武教' },
  ],
  others: [
    { name: '武义县人民法院', type: 'court', shortName: '武法' },
    { name: '武义县人民检察院', type: 'procuratorate', shortName: '武检' },
    { name: '武义县法律援助中心', type: 'legalAidCenter', shortName: '武援', underBureau: true },
    { name: '浙江省武义县公证处', type: 'notaryOffice', shortName: '武证' },
  ],
};

/** 司法所 name for a township: 王宅镇 → 王宅司法所, 柳城畲族镇 → 柳城司法所. */
export function justiceOfficeName(township: string) {
  return township.replace(/畲族镇$/, '').replace(/(街道|镇|乡)$/, '') + '司法所';
}

/** The demo accounts listed in the README; all use DEMO_PASSWORD. */
export const demoUsers = [
  { username: 'admin', displayName: '系统管理员', org: '办公室', roles: ['sysadmin'], title: '系统管理员' },
  { username: 'secadmin', displayName: '安全管理员', org: '办公室', roles: ['secadmin'], title: '安全管理员' },
  { username: 'auditor', displayName: '审计管理员', org: '办公室', roles: ['auditor'], title: '审计管理员' },
  { username: 'director', displayName: '朱建华', org: '武义县司法局', roles: ['director'], title: '局长' },
  { username: 'hushan', displayName: '陈丽娟', org: '壶山司法所', roles: ['staff'], title: '司法所所长' },
  { username: 'baiyang', displayName: '徐志强', org: '白洋司法所', roles: ['staff'], title: '司法所工作人员' },
];
