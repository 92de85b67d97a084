import { certificationsKeys, PIPELINE_VIEWS, productsKeys } from '../../hooks/keys';
import { recordHooks } from '../../hooks/records';

const products = recordHooks(productsKeys, '/api/products', [...PIPELINE_VIEWS, certificationsKeys.all]);

export { productsKeys };
export const useProductList = products.useList;
export const useProduct = products.useOne;
export const useSaveProduct = products.useSave;
export const useProductOptions = products.useOptions;
