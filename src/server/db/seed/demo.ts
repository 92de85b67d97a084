import type { Role } from '#shared/access';
import { hashPassword } from '../../auth/passwords';
import type { Db } from '../client';
import { users } from '../schema';

export const DEMO_PASSWORD = 'thanrak-demo';

/** Demo accounts (demo data only, never in production). All share DEMO_PASSWORD. */
export const DEMO_USERS: { username: string; displayName: string; role: Role; orgUnitCode: string }[] = [
  { username: 'demo-admin', displayName: 'ผู้ดูแลระบบส่วนกลาง (สาธิต)', role: 'national_admin', orgUnitCode: 'TH' },
  {
    username: 'demo-province',
    displayName: 'นางสาวสุดารัตน์ ศรีอุบล (พัฒนาการจังหวัด สาธิต)',
    role: 'province_officer',
    orgUnitCode: '34',
  },
  { username: 'demo-district', displayName: 'นายสมชาย ใจดี (พัฒนาการอำเภอ สาธิต)', role: 'district_officer', orgUnitCode: '3401' },
  { username: 'demo-committee', displayName: 'นางบุญมี ทองคำ (กรรมการศูนย์ สาธิต)', role: 'committee_member', orgUnitCode: '3401' },
  {
    username: 'demo-district-2',
    displayName: 'นายวิชัย มั่นคง (พัฒนาการอำเภอวารินชำราบ สาธิต)',
    role: 'district_officer',
    orgUnitCode: '3415',
  },
];

export async function seedDemoData(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db
    .insert(users)
    .values(DEMO_USERS.map((u) => ({ ...u, passwordHash })))
    .onConflictDoNothing();
}
