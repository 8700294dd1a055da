import { lineActionModal } from '../../platform/components/action-modal';
import { KEY } from './api';

/** A step of a 公共法律服务 case or register (the platform dialog, reloading this line's data). */
export const ActionModal = lineActionModal(KEY);
