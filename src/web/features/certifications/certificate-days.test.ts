import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { th } from '../../i18n/th';

const i18n = i18next.createInstance();
await i18n.init({ resources: { th: { translation: th }, en: { translation: en } }, lng: 'th' });
const thai = i18n.getFixedT('th');
const english = i18n.getFixedT('en');

describe('the days a certificate has left', () => {
  it('counts them in Thai without a fixed "(90 วัน)"', () => {
    expect(thai('certStatuses.daysLeft', { count: 30 })).toBe('เหลือ 30 วัน');
    expect(thai('certStatuses.expiredDaysAgo', { count: 3 })).toBe('หมดอายุแล้ว 3 วัน');
    expect(thai('certStatuses.expiring')).toBe('ใกล้หมดอายุ');
  });

  it('uses the singular for one day in English', () => {
    expect(english('certStatuses.daysLeft', { count: 1 })).toBe('1 day left');
    expect(english('certStatuses.daysLeft', { count: 30 })).toBe('30 days left');
    expect(english('certStatuses.expiredDaysAgo', { count: 1 })).toBe('Expired 1 day ago');
    expect(english('certStatuses.expiredDaysAgo', { count: 3 })).toBe('Expired 3 days ago');
  });
});
