import { z } from 'zod';

export const codeListItem = z.object({ code: z.string(), nameTh: z.string(), nameEn: z.string(), deprecated: z.boolean() });
export type CodeListItem = z.infer<typeof codeListItem>;
export const CODE_LISTS = [
  'wisdom_branch',
  'standard',
  'service_type',
  'sales_channel',
  'funding_source',
  'committee_position',
] as const;
export const codeListName = z.enum(CODE_LISTS);
export type CodeListName = (typeof CODE_LISTS)[number];
