/**
 * Historical records (台账 import and demo data): concluded 法律援助 cases and 公证 matters written in bulk, one
 * transaction, without workflow instances — they count in lists and indicators at once.
 */
import type { DbOrTx, Tx } from '../../platform/db/client';
import { recordAudit, type Actor } from '../../platform/audit/service';
import { protectPii } from '../../platform/crypto/sm';
import { issueNumber } from '../../platform/instruments/numbering';
import { gradeOf, type CaseType, type Channel, type MeansGround, type NotaryMatterType, type QualityGrade } from './terms';
import { legalAidCases, notaryMatters } from './schema';
import './cases';

export interface HistoricalCase {
  orgId: string;
  regionCode: string;
  caseNumber?: string | null;
  channel: Channel;
  caseType: CaseType;
  receivedDate: string;
  applicantName: string;
  applicantIdNumber?: string | null;
  applicantPhone?: string | null;
  matter: string;
  meansGround?: MeansGround | null;
  noticeOrgName?: string | null;
  decision: 'grant' | 'deny';
  decisionDate: string;
  decisionReason?: string | null;
  assignedDate?: string | null;
  assigneeKind?: string | null;
  assigneeName?: string | null;
  assigneeFirm?: string | null;
  lawyerId?: string | null;
  closedDate?: string | null;
  closingResult?: string | null;
  qualityScores?: Record<string, number> | null;
  qualityDate?: string | null;
  qualityAssessor?: string | null;
}

const chunk = <T,>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

export async function insertHistoricalCases(tx: Tx, actor: Actor, list: HistoricalCase[]): Promise<string[]> {
  const values = [];
  for (const h of list) {
    const caseNumber = h.caseNumber ?? (await issueNumber(tx, { orgId: h.orgId, type: 'legalAid.caseNo', year: Number(h.receivedDate.slice(0, 4)) })).number;
    const pid = protectPii(h.applicantIdNumber);
    const pph = protectPii(h.applicantPhone);
    const total = h.qualityScores ? Object.values(h.qualityScores).reduce((s, v) => s + v, 0) : null;
    const state = h.decision === 'deny' ? 'denied' : h.qualityDate ? 'evaluated' : h.closedDate ? 'closed' : h.assignedDate ? 'assigned' : 'granted';
    values.push({
      orgId: h.orgId, regionCode: h.regionCode, createdBy: actor.id, caseNumber, channel: h.channel, caseType: h.caseType, state, receivedDate: h.receivedDate,
      applicantName: h.applicantName, applicantIdEnc: pid.enc, applicantIdMasked: pid.masked, applicantIdIndex: pid.index, applicantPhoneEnc: pph.enc, applicantPhoneMasked: pph.masked,
      matter: h.matter, meansGround: h.meansGround ?? null, meansEligible: h.channel === 'notice' ? null : h.decision === 'grant', noticeOrgName: h.noticeOrgName ?? null,
      decision: h.channel === 'notice' ? null : h.decision, decisionDate: h.channel === 'notice' ? null : h.decisionDate, decisionReason: h.decisionReason ?? null,
      assignedDate: h.assignedDate ?? null, assigneeKind: h.assigneeKind ?? null, assigneeName: h.assigneeName ?? null, assigneeFirm: h.assigneeFirm ?? null, lawyerId: h.lawyerId ?? null,
      closedDate: h.closedDate ?? null, closingResult: h.closingResult ?? null, closingMaterials: h.closedDate ? ['结案报告', '判决书、裁定书、调解书或其他法律文书'] : null,
      qualityScores: h.qualityScores ?? null, qualityTotal: total, qualityGrade: total == null ? null : (gradeOf(total) as QualityGrade), qualityDate: h.qualityDate ?? null, qualityAssessor: h.qualityAssessor ?? null,
    });
  }
  const ids: string[] = [];
  for (const part of chunk(values, 200)) ids.push(...(await tx.insert(legalAidCases).values(part).returning({ id: legalAidCases.id })).map((r) => r.id));
  await recordAudit(tx, actor, { action: 'legalAid.importHistorical', entityType: 'legalAidCase', summary: `导入法律援助历史案件 ${ids.length} 件`, after: { count: ids.length } });
  return ids;
}

export interface HistoricalNotary {
  orgId: string;
  regionCode: string;
  caseNumber: string;
  matterType: NotaryMatterType;
  applicantName: string;
  applicantIdNumber?: string | null;
  foreign: boolean;
  useCountry?: string | null;
  oneVisit: boolean;
  fee: number;
  acceptedDate: string;
  certifiedDate?: string | null;
  state: 'accepted' | 'certified' | 'refused' | 'terminated';
  certificateNumber?: string | null;
  notaryName?: string | null;
}

export async function insertNotaryMatters(tx: DbOrTx, actor: Actor, list: HistoricalNotary[]): Promise<string[]> {
  const ids: string[] = [];
  for (const part of chunk(list, 300)) {
    const rows = await tx.insert(notaryMatters).values(part.map((n) => {
      const pid = protectPii(n.applicantIdNumber);
      return { ...n, applicantIdNumber: undefined, applicantIdEnc: pid.enc, applicantIdMasked: pid.masked, fee: String(n.fee), createdBy: actor.id, useCountry: n.useCountry ?? null, certifiedDate: n.certifiedDate ?? null, certificateNumber: n.certificateNumber ?? null, notaryName: n.notaryName ?? null };
    })).returning({ id: notaryMatters.id });
    ids.push(...rows.map((r) => r.id));
  }
  await recordAudit(tx, actor, { action: 'notary.importHistorical', entityType: 'notaryMatter', summary: `导入公证事项 ${ids.length} 件`, after: { count: ids.length } });
  return ids;
}
