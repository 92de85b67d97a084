import { z } from 'zod';
import { idParam, idSchema, isoDate, orgUnitCodeSchema } from './fields';
import { pageQuery, pageResponse } from './paging';
import { patchBody } from './patch';
import { addDays } from './thai/calendar';

export const CERT_STATUSES = ['valid', 'expiring', 'expired'] as const;
export type CertStatus = (typeof CERT_STATUSES)[number];
/** A certificate expiring within this many days is "expiring soon". */
export const EXPIRING_DAYS = 90;

/** The last day a certificate still counts as "expiring soon" rather than valid, seen from `today`. */
export function expiringUntil(today: string): string {
  return addDays(today, EXPIRING_DAYS);
}

/** Status on a given day (ISO dates compare as strings). */
export function certificationStatus(expiresOn: string | null, today: string): CertStatus {
  if (!expiresOn) return 'valid';
  if (expiresOn < today) return 'expired';
  return expiresOn <= expiringUntil(today) ? 'expiring' : 'valid';
}

const certFields = {
  productId: idSchema.optional(),
  producerId: idSchema.optional(),
  standardCode: z.string().trim().min(1).max(50),
  certificateNo: z.string().trim().min(1).max(100),
  issuer: z.string().trim().min(1).max(300),
  issuedOn: isoDate,
  expiresOn: isoDate.optional(),
};
export const createCertificationBody = z.strictObject({ ...certFields });
/** A certificate's fields as a whole, with the version read: what a change must leave valid (and what imports send). */
export const certificationChange = z.strictObject({ version: z.number().int().min(1), ...certFields });
export const updateCertificationBody = patchBody(certFields);

export const certificationSchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  productId: z.number().nullable(),
  producerId: z.number().nullable(),
  subject: z.string(),
  standardCode: z.string(),
  certificateNo: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string().nullable(),
  status: z.enum(CERT_STATUSES),
  version: z.number().int(),
});
export type Certification = z.infer<typeof certificationSchema>;
export const certificationListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  status: z.enum(CERT_STATUSES).optional(),
  productId: idParam.optional().describe("Only this product's certificates"),
  producerId: idParam.optional().describe("Only this producer's certificates, its own and its products'"),
  ...pageQuery,
});
export const certificationListResponse = pageResponse(certificationSchema);
