import { lineActionModal } from '../../platform/components/action-modal';

/** A step of a document's life or of a 合法性审查 flow (the platform dialog, reloading this line's data). */
export const ActionModal = lineActionModal('legality');
