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
}

export interface IndicatorsResult {
  org: string;
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
  part: 'numerator' | 'denominator';
  records: IndicatorRecord[];
}

export interface IndicatorFilter {
  org?: string;
  from: string;
  to: string;
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
