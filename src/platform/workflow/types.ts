/**
 * Workflows are data. A business line declares its states, transitions and statutory deadlines here,
 * each deadline citing its article; the engine (engine.ts) counts days, stops clocks, raises 黄灯/红灯.
 *
 *   // 行政复议法 第四十八条: 被申请人 answers within 10 working days of receiving the copy.
 *   { key: 'answer', label: '被申请人答复', after: 'copyServed', days: 10, unit: 'workingDay',
 *     until: ['answerReceived'], cite: '行政复议法 第四十八条' }
 */
import type { z } from 'zod';

/**
 * Periods in months follow 民法典 第二百零二条 (e.g. 行政诉讼法 第八十一条's six-month 审限). 'date': not a period
 * but a calendar date the statute names (年度报告 报送 by 3月1日), given by `dueOn`; not moved by the holiday rule,
 * not paused or extended, not recomputed when the calendar changes.
 */
export type DayUnit = 'workingDay' | 'calendarDay' | 'month' | 'date';

export interface StateDef {
  label: string;
  /** A final state closes every open deadline and the instance leaves the 待办 list. */
  final?: boolean;
}

export interface TransitionDef {
  key: string;
  label: string;
  from: string[];
  to: string;
  /** Permission code the actor needs (checked with the data scope of the instance's org). */
  permission: string;
  /** zod schema of the data this transition records (required fields, in Chinese messages). */
  data?: z.ZodType<Record<string, unknown>>;
  /**
   * Which field of the data is the legal date of the event (e.g. 'receivedDate'); defaults to today.
   * Deadlines that start `after` this transition count from that date.
   */
  dateField?: string;
  /** 文书 to issue, numbered in the same transaction. */
  instruments?: { type: string; when?: (data: Record<string, unknown>) => boolean }[];
  /** Suspend (中止: every open deadline pauses) or resume (恢复: they restart with the days remaining). */
  clock?: 'suspend' | 'resume';
  /** Extend an open deadline (延期) by `days` of its unit; the transition's permission is the approval. */
  extend?: { deadline: string; days: number; cite: string };
  /** Extra guard; return a Chinese reason to refuse. */
  guard?: (ctx: { data: Record<string, unknown>; instance: WorkflowInstanceView }) => string | null | undefined;
}

export interface DeadlineDef {
  key: string;
  label: string;
  /** Transition key whose event starts the clock (the start day itself is not counted: 民法典 第二百零一条). */
  after: string;
  days: number;
  unit: DayUnit;
  /** Transition keys that meet (close) this deadline. Entering a final state also closes it. */
  until: string[];
  cite: string;
  /** Optional: only when the starting event's data matches (e.g. procedure === 'summary'). */
  when?: (data: Record<string, unknown>) => boolean;
  /** unit 'date': the due date, 'YYYY-MM-DD', from the starting event's data and date (`days` is then ignored). */
  dueOn?: (data: Record<string, unknown>, startDate: string) => string;
}

export interface WorkflowDef {
  key: string;
  label: string;
  /** Entity type the instances belong to (e.g. 'adminReviewCase'); also the audit entity type. */
  entityType: string;
  initial: string;
  states: Record<string, StateDef>;
  transitions: TransitionDef[];
  deadlines: DeadlineDef[];
  /** Route of the record's detail page in the SPA, for links from the 工作台: '/admin-review/cases/:entityId'. */
  link?: string;
  /** Permission needed to see instances in the 待办 (with its data scope). */
  readPermission: string;
  /**
   * May transitions be fired through the generic POST /api/workflow/instances/:id/transitions/:key?
   * Lines that keep case columns in step with the workflow (outcome, dates) leave this off and expose
   * their own action endpoints, so the generic route cannot bypass them.
   */
  genericTransitions?: boolean;
}

export interface DeadlineView {
  id: string;
  rule: string;
  label: string;
  cite: string;
  unit: DayUnit;
  days: number;
  startDate: string;
  dueDate: string | null;
  status: 'open' | 'paused' | 'met' | 'cancelled';
  provisional: boolean;
  metAt: string | null;
  extendedDays: number;
  /** green | yellow (≤ N working days left, configurable, default 3) | red (overdue); null when closed. */
  light: 'green' | 'yellow' | 'red' | null;
}

export interface WorkflowInstanceView {
  id: string;
  workflow: string;
  entityType: string;
  entityId: string;
  title: string;
  orgId: string;
  state: string;
  stateLabel: string;
  isFinal: boolean;
  suspended: boolean;
  version: number;
  deadlines: DeadlineView[];
  /** Transitions the current caller may fire now. */
  available: { key: string; label: string }[];
}
