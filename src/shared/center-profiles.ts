import { z } from 'zod';
import { text } from './fields';

/** A coordinate in decimal degrees as text ("15.2287"), inside the given range. */
const coordinate = (limit: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d{1,3}(\.\d{1,7})?$/, 'decimal degrees')
    .refine((v) => Math.abs(Number(v)) <= limit, `between -${limit} and ${limit}`);

/** Where the center is and how to reach it (DOMAIN.md §5); `version` 0 creates it, the version read changes it. */
export const saveCenterProfileBody = z
  .strictObject({
    version: z.number().int().min(0).describe('0 for a new profile, else the version read'),
    officeAddress: text().trim().min(1).max(500),
    serviceArea: text().trim().max(500).default(''),
    openingHours: text().trim().max(200).default(''),
    phone: text().trim().max(50).default(''),
    email: z.union([z.literal(''), z.email().max(200)]).default(''),
    staffOnDuty: text().trim().max(1000).default(''),
    learningMedia: text().trim().max(2000).default(''),
    latitude: coordinate(90).optional(),
    longitude: coordinate(180).optional(),
  })
  .superRefine((b, ctx) => {
    if (!!b.latitude !== !!b.longitude)
      ctx.addIssue({
        code: 'custom',
        path: [b.latitude ? 'longitude' : 'latitude'],
        input: undefined,
        message: 'Both latitude and longitude',
      });
  });

export const centerProfileSchema = z.object({
  orgUnitCode: z.string(),
  officeAddress: z.string(),
  serviceArea: z.string(),
  openingHours: z.string(),
  phone: z.string(),
  email: z.string(),
  staffOnDuty: z.string(),
  learningMedia: z.string(),
  latitude: z.string().nullable(),
  longitude: z.string().nullable(),
  version: z.number().int(),
});
export type CenterProfile = z.infer<typeof centerProfileSchema>;
