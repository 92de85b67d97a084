import type { z } from 'zod';
import { FIELD_MESSAGES_TH, type FieldError } from '#shared/errors';

/** Thai and English text for each kind of field problem zod reports. */
export function describeIssue(keyword: string, params: Record<string, any>, message: string): Pick<FieldError, 'th' | 'en'> {
  switch (keyword) {
    case 'invalid_type':
      return params.input === undefined
        ? { th: 'จำเป็นต้องกรอก', en: 'Required' }
        : { th: `ชนิดข้อมูลไม่ถูกต้อง (ต้องเป็น ${params.expected})`, en: `Expected ${params.expected}` };
    case 'too_small':
      if (params.origin === 'string' && params.minimum === 1) return { th: 'จำเป็นต้องกรอก', en: 'Required' };
      return params.origin === 'string'
        ? { th: `ต้องยาวอย่างน้อย ${params.minimum} ตัวอักษร`, en: `Must be at least ${params.minimum} characters` }
        : { th: `ต้องมีค่าอย่างน้อย ${params.minimum}`, en: `Must be at least ${params.minimum}` };
    case 'too_big':
      return params.origin === 'string'
        ? { th: `ต้องยาวไม่เกิน ${params.maximum} ตัวอักษร`, en: `Must be at most ${params.maximum} characters` }
        : { th: `ต้องมีค่าไม่เกิน ${params.maximum}`, en: `Must be at most ${params.maximum}` };
    case 'unrecognized_keys':
      return { th: `มีช่องข้อมูลที่ไม่รู้จัก: ${params.keys?.join(', ')}`, en: `Unknown field(s): ${params.keys?.join(', ')}` };
    case 'invalid_value':
      return { th: `ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: ${params.values?.join(', ')}`, en: `Must be one of: ${params.values?.join(', ')}` };
    case 'invalid_format':
      return { th: FIELD_MESSAGES_TH[message] ?? `รูปแบบไม่ถูกต้อง (${message})`, en: `Invalid format (${message})` };
    default:
      return { th: FIELD_MESSAGES_TH[message] ?? `ข้อมูลไม่ถูกต้อง (${message})`, en: message };
  }
}

/** A zod error as field errors (`lines/0/item`), for rules a service checks on data it already holds. */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('/'),
    code: issue.code,
    ...describeIssue(issue.code, issue as unknown as Record<string, any>, issue.message),
  }));
}
