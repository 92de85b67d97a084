/**
 * Every error the API can return, with its HTTP status and Thai and English text.
 * `{name}` placeholders are filled from the error's params.
 */
export const ERRORS = {
  'request.invalid': { status: 400, th: 'ข้อมูลที่ส่งมาไม่ถูกต้อง', en: 'The request is not valid' },
  'request.malformed_json': { status: 400, th: 'รูปแบบข้อมูล JSON ไม่ถูกต้อง', en: 'The request body is not valid JSON' },
  'request.too_large': { status: 413, th: 'ข้อมูลที่ส่งมามีขนาดใหญ่เกินกำหนด', en: 'The request body is too large' },
  'request.unsupported_media_type': { status: 415, th: 'ไม่รองรับประเภทข้อมูลนี้', en: 'This content type is not supported' },
  'request.not_found': { status: 404, th: 'ไม่พบหน้าที่ต้องการ', en: 'No such route' },
  'request.rate_limited': { status: 429, th: 'มีการร้องขอถี่เกินไป กรุณารอสักครู่', en: 'Too many requests; please wait a moment' },
  'auth.invalid_credentials': { status: 401, th: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง', en: 'Wrong username or password' },
  'auth.locked': {
    status: 423,
    th: 'บัญชีถูกระงับชั่วคราวเพราะใส่รหัสผ่านผิดหลายครั้ง กรุณาลองใหม่ใน {minutes} นาที',
    en: 'The account is locked after repeated wrong passwords; try again in {minutes} minutes',
  },
  'auth.required': { status: 401, th: 'กรุณาเข้าสู่ระบบ', en: 'Please sign in' },
  'auth.session_expired': {
    status: 401,
    th: 'หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบอีกครั้ง',
    en: 'Your session has expired; please sign in again',
  },
  'auth.wrong_current_password': { status: 400, th: 'รหัสผ่านปัจจุบันไม่ถูกต้อง', en: 'The current password is wrong' },
  'access.forbidden': { status: 403, th: 'คุณไม่มีสิทธิ์ทำรายการนี้', en: 'You are not allowed to do this' },
  'access.out_of_scope': { status: 403, th: 'หน่วยงานนี้อยู่นอกขอบเขตความรับผิดชอบของคุณ', en: 'This unit is outside your scope' },
  'org_unit.not_found': { status: 404, th: 'ไม่พบหน่วยงานรหัส {code}', en: 'No org unit with code {code}' },
  'user.not_found': { status: 404, th: 'ไม่พบผู้ใช้', en: 'No such user' },
  'user.username_taken': { status: 409, th: 'ชื่อผู้ใช้ {username} ถูกใช้แล้ว', en: 'The username {username} is already taken' },
  'user.role_unit_mismatch': {
    status: 422,
    th: 'บทบาท {role} ต้องผูกกับหน่วยงานระดับ{level}',
    en: 'The role {role} must be bound to a {levelEn} unit',
  },
  'user.unit_not_covered': { status: 422, th: 'หน่วยงานนี้ไม่มีศูนย์บริการฯ', en: 'This unit has no service center' },
  'user.cannot_change_self': {
    status: 422,
    th: 'ไม่สามารถเปลี่ยนบทบาท หน่วยงาน หรือสถานะของบัญชีตนเองได้',
    en: 'You cannot change your own role, unit or status',
  },
  'record.stale': {
    status: 409,
    th: 'ข้อมูลถูกแก้ไขโดยผู้อื่นแล้ว กรุณาโหลดใหม่แล้วแก้ไขอีกครั้ง',
    en: 'Someone else changed this record; reload it and try again',
  },
  'database.locked': {
    status: 500,
    th: 'โฟลเดอร์ข้อมูล {dataDir} ถูกใช้งานโดยโปรเซส {pid} อยู่ (ไฟล์ล็อก {lockPath})',
    en: 'The data folder {dataDir} is in use by process {pid} (lock file {lockPath})',
  },
  'server.internal': { status: 500, th: 'เกิดข้อผิดพลาดภายในระบบ', en: 'Internal server error' },
} as const satisfies Record<string, { status: number; th: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface FieldError {
  path: string;
  code: string;
  th: string;
  en: string;
}

/** RFC 9457 problem details, with our stable `code` and both languages. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  th: string;
  en: string;
  errors?: FieldError[];
}

export function fillTemplate(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key) => String(params[key] ?? `{${key}}`));
}
