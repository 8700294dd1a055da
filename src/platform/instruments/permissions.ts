import { registerPermissions } from '../auth/permissions';

/**
 * Generic access to 文书. A business line's own read permission (e.g. the 复议 case reader's) also reaches the
 * instruments of its records once it calls registerInstrumentEntity (service.ts).
 */
export const INSTRUMENT_READ = 'instrument.read';
export const INSTRUMENT_VOID = 'instrument.void';
export const INSTRUMENT_MANAGE_FORMATS = 'instrument.manageFormats';

registerPermissions([
  { code: INSTRUMENT_READ, label: '查看文书', group: '文书', kind: 'business', grantTo: ['@business'] },
  { code: INSTRUMENT_VOID, label: '作废文书', group: '文书', kind: 'business', grantTo: ['director', 'staff'] },
  { code: INSTRUMENT_MANAGE_FORMATS, label: '设置文书编号格式', group: '文书', kind: 'business', grantTo: ['director'] },
]);
