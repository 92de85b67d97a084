import { PIPELINE_VIEWS, producersKeys, productsKeys } from '../../hooks/keys';
import { recordHooks } from '../../hooks/records';

const producers = recordHooks(producersKeys, '/api/producers', [...PIPELINE_VIEWS, productsKeys.all]);

export { producersKeys };
export const useProducerList = producers.useList;
export const useProducer = producers.useOne;
export const useSaveProducer = producers.useSave;
export const useProducerOptions = producers.useOptions;
