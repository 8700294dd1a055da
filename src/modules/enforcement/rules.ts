/**
 * The flag rules of reported enforcement cases (declared in terms.ts `caseRules`, each with its article).
 * Periods count from the day after the start day and a last day on a rest day moves to the next working day
 * (民法典 第二百零一条、第二百零三条) — the platform calendar does both.
 */
import { addDays } from '../../platform/calendar/service';
import { caseRules, defaultRules, type CaseRule, type EnforcementRules } from './terms';

export interface CaseFacts {
  kind: string;
  procedure: string;
  filedDate: string;
  decisionDate: string | null;
  extensionDays: number;
  major: boolean;
  legalReviewDate: string | null;
  mustPublish: boolean;
  publicationDate: string | null;
  changedDate: string | null;
  withdrawnDate: string | null;
}

/** 行政处罚法 第六十条: 立案 + 90 days (+ approved extension) for 一般程序 行政处罚. */
export function decisionDue(c: Pick<CaseFacts, 'kind' | 'procedure' | 'filedDate' | 'extensionDays'>): string | null {
  if (c.kind !== 'penalty' || c.procedure !== 'ordinary') return null;
  return addDays(c.filedDate, caseRules.decisionOverdue.days + (c.extensionDays ?? 0), 'calendarDay').date;
}

/** 行政处罚法 第四十八条 with 国办发〔2018〕118号: 公示 within N working days of the decision (local). */
export function publicationDue(c: Pick<CaseFacts, 'decisionDate' | 'mustPublish'>, rules: EnforcementRules = defaultRules): string | null {
  if (!c.decisionDate || !c.mustPublish) return null;
  return addDays(c.decisionDate, rules.publicationDays, 'workingDay').date;
}

/** 行政处罚法 第四十八条第二款、第八十五条: withdraw within 3 working days of the change. */
export function withdrawalDue(c: Pick<CaseFacts, 'changedDate' | 'publicationDate'>): string | null {
  if (!c.changedDate || !c.publicationDate) return null;
  return addDays(c.changedDate, caseRules.withdrawalLate.days, 'workingDay').date;
}

/** The rules a case breaks as of `today` (open cases past a due date count as broken). */
export function caseFlags(c: CaseFacts, today: string, rules: EnforcementRules = defaultRules): CaseRule[] {
  const flags: CaseRule[] = [];
  const dd = decisionDue(c);
  if (dd && (c.decisionDate ? c.decisionDate > dd : today > dd)) flags.push('decisionOverdue');
  // 第五十八条: 法制审核 before the decision — none, or one dated after the decision, breaks it.
  if (c.major && c.decisionDate && (!c.legalReviewDate || c.legalReviewDate > c.decisionDate)) flags.push('majorWithoutReview');
  const pd = publicationDue(c, rules);
  if (pd) {
    if (!c.publicationDate && today > pd) flags.push('publicationMissing');
    if (c.publicationDate && c.publicationDate > pd) flags.push('publicationLate');
  }
  const wd = withdrawalDue(c);
  if (wd && (c.withdrawnDate ? c.withdrawnDate > wd : today > wd)) flags.push('withdrawalLate');
  return flags;
}
