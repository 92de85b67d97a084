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
    async (req, reply) =>
      reply.code(201).send(await addProductAttachment(app.db, req.actor!, req.params.id, await readUpload(req))),
  );
};
