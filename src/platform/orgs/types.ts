/** Org types (GLOSSARY: org). Modules may add their own with registerOrgTypes. */
const orgTypes = new Map<string, string>([
  ['government', '人民政府'],
  ['justiceBureau', '司法局'],
  ['justiceOffice', '司法所'],
  ['division', '内设科室'],
  ['agency', '行政机关'],
  ['village', '村（社区）'],
  ['mediationCommittee', '调解委员会'],
  ['court', '人民法院'],
  ['procuratorate', '人民检察院'],
  ['publicSecurity', '公安机关'],
  ['legalAidCenter', '法律援助中心'],
  ['notaryOffice', '公证处'],
  ['lawFirm', '律师事务所'],
  ['other', '其他'],
]);

export function registerOrgTypes(types: Record<string, string>) {
  for (const [k, v] of Object.entries(types)) orgTypes.set(k, v);
}

export const orgTypeLabel = (type: string) => orgTypes.get(type) ?? type;
export const orgTypeList = () => [...orgTypes.entries()].map(([value, label]) => ({ value, label }));
export const isOrgType = (type: string) => orgTypes.has(type);
