import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '#shared/paging';
import {
  createProductBody,
  productDetailSchema,
  productListQuery,
  productListResponse,
  updateProductBody,
} from '#shared/products';
import { attachmentSchema } from '#shared/wisdom';
import { labelsOf } from '../../exports/columns';
import { exportRoutes } from '../../exports/route';
import { readUpload } from '../attachments/upload';
import { addProductAttachment, createProduct, getProduct, listProducts, updateProduct } from './products.service';

export const productRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['products'];
  app.get(
    '/api/products',
    {
      schema: {
        tags,
        summary: 'Products of your scope (Thai word search, Thai order)',
        querystring: productListQuery,
        response: { 200: productListResponse },
      },
    },
    (req) => listProducts(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/products',
    name: 'products',
    title: { th: 'ผลิตภัณฑ์', en: 'Products' },
    tags,
    query: productListQuery,
    read: (req, query) => listProducts(app.db, req.actor!, query),
    columns: [
      { key: 'name', th: 'ชื่อผลิตภัณฑ์', en: 'Product', kind: 'text' },
      { key: 'category', th: 'ประเภท', en: 'Category', kind: 'code', labels: labelsOf('categories') },
      { key: 'producerName', th: 'ผู้ผลิต', en: 'Producer', kind: 'text' },
      { key: 'priceSatang', th: 'ราคา (บาท)', en: 'Price (baht)', kind: 'money' },
      { key: 'unit', th: 'หน่วยนับ', en: 'Unit', kind: 'text' },
      { key: 'quadrant', th: 'กลุ่ม (A–D)', en: 'Quadrant (A–D)', kind: 'text' },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.get(
    '/api/products/:id',
    { schema: { tags, summary: 'One product', params: idParams, response: { 200: productDetailSchema } } },
    (req) => getProduct(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/products',
    {
      schema: {
        tags,
        summary: "Add a product to a producer's catalogue",
        body: createProductBody,
        response: { 201: productDetailSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createProduct(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/products/:id',
    {
      schema: {
        tags,
        summary: 'Change a product',
        params: idParams,
        body: updateProductBody,
        response: { 200: productDetailSchema },
      },
    },
    (req) => updateProduct(app.db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/products/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Upload a product photo, as multipart field "file"',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: attachmentSchema },
      },
    },
    async (req, reply) => {
      const upload = await readUpload(req);
      try {
        return reply.code(201).send(await addProductAttachment(app.db, req.actor!, req.params.id, upload));
      } finally {
        await upload.dispose();
      }
    },
  );
};
