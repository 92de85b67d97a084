/**
 * The seed's delegation order (คำสั่งจังหวัดอุบลราชธานี ที่ ๗/๒๕๖๓, 2 January 2563): the governor gives the district
 * chiefs the approval of their districts' advances and payments. Tests record it, or a variant, as demo-province
 * through `POST /api/delegation-orders`, like a user would.
 */
export const seedOrder = (over: object = {}) => ({
  issuingUnitCode: '34',
  orderNo: '7/2563',
  orderDate: '2020-01-02',
  delegator: 'ผู้ว่าราชการจังหวัดอุบลราชธานี',
  delegateRole: 'district_chief',
  scopeUnitCode: '34',
  powers: ['advances', 'spending'],
  subject: 'มอบอำนาจให้นายอำเภออนุมัติการเบิกจ่ายเงินและการยืมเงินราชการของอำเภอ',
  ...over,
});
