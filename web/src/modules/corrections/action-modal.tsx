import { lineActionModal } from '../../platform/components/action-modal';

/** A 社区矫正 step or record (the platform dialog, reloading this line's data). */
export const ActionModal = lineActionModal('corrections');
