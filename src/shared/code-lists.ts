import { z } from 'zod';

export const codeListItem = z.object({ code: z.string(), nameTh: z.string(), nameEn: z.string(), deprecated: z.boolean() });
export type CodeListItem = z.infer<typeof codeListItem>;
export const codeListName = z.enum(['wisdom_branch', 'standard', 'service_type']);
