import type { Wisdom } from '#shared/wisdom';
import { PIPELINE_VIEWS, wisdomKeys } from '../../hooks/keys';
import { recordHooks } from '../../hooks/records';

export type WisdomRow = Omit<Wisdom, 'holders' | 'attachments' | 'description'>;
const wisdom = recordHooks(wisdomKeys, '/api/wisdom', PIPELINE_VIEWS);

export { wisdomKeys };
export const useWisdomList = wisdom.useList;
export const useWisdom = wisdom.useOne;
export const useSaveWisdom = wisdom.useSave;
export const useWisdomOptions = wisdom.useOptions;
