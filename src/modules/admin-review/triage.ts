import { z } from 'zod';
import type { Procedure } from './terms';

/**
 * 繁简分流 (行政复议法 第五十三条). The system proposes; the user confirms at 受理.
 *   第一款: 事实清楚、权利义务关系明确、争议不大 and one of — (一) 当场作出; (二) 警告或者通报批评;
 *           (三) 涉及款额三千元以下; (四) 政府信息公开案件 — may use 简易程序.
 *   第二款: otherwise, 简易程序 when 当事人各方同意.
 */
export const triageInput = z.object({
  actType: z.string().optional(),
  onTheSpot: z.boolean().optional().describe('被申请行政复议的行政行为是当场作出'),
  warningOrCriticism: z.boolean().optional().describe('行政行为是警告或者通报批评'),
  amount: z.number().nonnegative().nullable().optional().describe('案件涉及款额（元）'),
  factsClear: z.boolean().optional().describe('事实清楚、权利义务关系明确、争议不大'),
  partiesAgree: z.boolean().optional().describe('当事人各方同意适用简易程序'),
});
export type TriageInput = z.infer<typeof triageInput>;

export interface TriageProposal {
  procedure: Procedure;
  reasons: string[];
  cite: string;
}

/** 第五十三条第一款第三项: 涉及款额三千元以下. */
export const SUMMARY_AMOUNT_LIMIT = 3000;

export function proposeProcedure(t: TriageInput): TriageProposal {
  const grounds: string[] = [];
  if (t.onTheSpot) grounds.push('被申请行政复议的行政行为是当场作出的（第五十三条第一款第一项）');
  if (t.warningOrCriticism) grounds.push('被申请行政复议的行政行为是警告或者通报批评（第五十三条第一款第二项）');
  if (t.amount != null && t.amount <= SUMMARY_AMOUNT_LIMIT) grounds.push(`案件涉及款额${t.amount}元，在三千元以下（第五十三条第一款第三项）`);
  if (t.actType === 'infoDisclosure') grounds.push('属于政府信息公开案件（第五十三条第一款第四项）');
  if (grounds.length && t.factsClear) {
    return { procedure: 'summary', reasons: [...grounds, '事实清楚、权利义务关系明确、争议不大'], cite: '行政复议法 第五十三条第一款' };
  }
  if (t.partiesAgree) return { procedure: 'summary', reasons: ['当事人各方同意适用简易程序（第五十三条第二款）'], cite: '行政复议法 第五十三条第二款' };
  const reasons = grounds.length
    ? [...grounds, '但尚未确认事实清楚、权利义务关系明确、争议不大，适用普通程序']
    : ['不属于第五十三条第一款所列情形，且当事人各方未同意适用简易程序，适用普通程序'];
  return { procedure: 'ordinary', reasons, cite: '行政复议法 第五十三条' };
}
