/** Shapes of GET /api/indicators and GET /api/indicators/:key/records (src/platform/indicators/). */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export type IndicatorUnit = 'percent' | 'count' | 'ratio' | 'perTenThousand';

export interface Indicator {
  key: string;
  label: string;
  /** The business line that registered it (a web module's key, e.g. 'admin-review'). */
  module: string;
  /** The line's Chinese name. */
  moduleLabel?: string;
  /** The formula in words, e.g. '(撤销+…+责令履行) / 审结'. */
  definition: string;
  unit: IndicatorUnit;
  value: number | null;
  numerator: number;
  denominator: number | null;
  /** Rounded for people (DOMAIN.md §9): '58.3%', '2.57:1', '—' when the denominator is 0. */
  display: string;
  breakdown: { key: string; label: string; value: number }[] | null;
  unitLabel?: string | null;
  direction?: 'higherBetter' | 'lowerBetter';
  /** With `compare=1`: the same period last year, 同比 and the rank among sibling orgs. */
  lastYear?: { display: string; value: number | null; numerator: number; denominator: number | null; period: { label: string; from: string; to: string } };
  change?: { value: number | null; unit: 'pp' | 'percent' | 'abs'; display: string; text: string; trend: 'up' | 'down' | 'flat' | null };
  rank?: { position: number; of: number } | null;
}

export interface IndicatorsResult {
  org: string;
  orgName?: string;
  periodLabel?: string;
  from: string;
  to: string;
  indicators: Indicator[];
}

export interface IndicatorRecord {
  entityType: string;
  id: string;
  title: string;
  date: string | null;
  orgName: string;
  link: string | null;
  extra?: Record<string, unknown>;
}

export interface IndicatorRecords {
  key: string;
  label: string;
  /** The org or township the records are for. */
  unit?: string;
  part: 'numerator' | 'denominator';
  records: IndicatorRecord[];
}

/**
 * Which figures: an org (id, 行政区划代码 or name) or a township (`region`, 9 digits: its government and 司法所
 * together), and a period in the server's terms (see period.ts `periodParams`).
 */
export interface IndicatorFilter {
  org?: string;
  region?: string;
  period?: 'year' | 'quarter' | 'month' | 'ytd' | 'custom';
  year?: number;
  quarter?: number;
  month?: number;
  from?: string;
  to?: string;
  compare?: '1';
}

export interface IndicatorUnitRow extends Omit<Indicator, 'rank'> {
  id: string;
  name: string;
  regionCode: string;
  rank: number | null;
}

export interface IndicatorUnits {
  key: string;
  label: string;
  unit: IndicatorUnit;
  direction: 'higherBetter' | 'lowerBetter';
  definition: string;
  by: 'townships' | 'children';
  period: { label: string; from: string; to: string };
  units: IndicatorUnitRow[];
}

export interface CatalogueItem {
  key: string;
  label: string;
  module: string;
  definition: string;
  unit: IndicatorUnit;
  unitLabel: string | null;
  direction: 'higherBetter' | 'lowerBetter';
}

export function useCatalogue() {
  return useQuery({ queryKey: ['indicators', 'catalogue'], queryFn: () => api.get<{ items: CatalogueItem[] }>('/api/indicators/catalogue'), staleTime: 60_000 });
}

export function useIndicators(f: IndicatorFilter) {
  return useQuery({ queryKey: ['indicators', f], queryFn: () => api.get<IndicatorsResult>('/api/indicators', { ...f }) });
}

export function useIndicatorRecords(key: string | null, part: 'numerator' | 'denominator', f: IndicatorFilter) {
  return useQuery({
    queryKey: ['indicators', key, part, f],
    queryFn: () => api.get<IndicatorRecords>(`/api/indicators/${encodeURIComponent(key!)}/records`, { ...f, part }),
    enabled: !!key,
  });
}
