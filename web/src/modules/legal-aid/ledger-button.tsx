import { useQueryClient } from '@tanstack/react-query';
import { LedgerImport } from '../../platform/components/ledger-import';
import { KEY } from './api';

/** 台账导入 (template, upload, all-or-nothing with an error report); the line's lists reload when it succeeds. */
export function LedgerImportButton({ entity, label }: { entity: string; label: string }) {
  const qc = useQueryClient();
  return <LedgerImport entity={entity} label={label} onDone={() => qc.invalidateQueries({ queryKey: [KEY] })} />;
}
