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
  'paging.bad_cursor': {
    status: 400,
    th: 'ตำแหน่งหน้ารายการไม่ถูกต้อง กรุณาเริ่มจากหน้าแรก',
    en: 'The page cursor is not valid; start again from the first page',
  },
  'request.rate_limited': { status: 429, th: 'มีการร้องขอถี่เกินไป กรุณารอสักครู่', en: 'Too many requests; please wait a moment' },
  'auth.invalid_credentials': { status: 401, th: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง', en: 'Wrong username or password' },
  'auth.throttled': {
    status: 429,
    th: 'ใส่รหัสผ่านผิดหลายครั้ง กรุณารอ {seconds} วินาทีแล้วลองใหม่',
    en: 'Too many wrong passwords; wait {seconds} seconds and try again',
  },
  'auth.password_change_required': {
    status: 403,
    th: 'รหัสผ่านนี้ผู้ดูแลระบบตั้งให้ กรุณาเปลี่ยนรหัสผ่านก่อนใช้งานต่อ',
    en: 'An administrator set this password; change it before going on',
  },
  'auth.required': { status: 401, th: 'กรุณาเข้าสู่ระบบ', en: 'Please sign in' },
  'auth.session_expired': {
    status: 401,
    th: 'หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบอีกครั้ง',
    en: 'Your session has expired; please sign in again',
  },
  'token.invalid': {
    status: 401,
    th: 'โทเคน API ไม่ถูกต้อง กรุณาตรวจสอบค่าที่ส่งในส่วนหัว Authorization',
    en: 'The API token is not valid; check what the Authorization header sends',
  },
  'token.expired': {
    status: 401,
    th: 'โทเคน API หมดอายุแล้ว กรุณาขอโทเคนใหม่จากผู้ดูแลระบบ',
    en: 'The API token has expired; ask an administrator for a new one',
  },
  'token.revoked': {
    status: 401,
    th: 'โทเคน API นี้ถูกยกเลิกแล้ว กรุณาขอโทเคนใหม่จากผู้ดูแลระบบ',
    en: 'The API token has been revoked; ask an administrator for a new one',
  },
  'token.read_only': {
    status: 403,
    th: 'โทเคน API นี้อ่านข้อมูลได้อย่างเดียว แก้ไขข้อมูลไม่ได้',
    en: 'This API token is read-only: it cannot change data',
  },
  'token.not_allowed': {
    status: 403,
    th: 'ใช้โทเคน API กับบัญชีผู้ใช้ รหัสผ่าน หรือการจัดการโทเคนไม่ได้ กรุณาเข้าสู่ระบบด้วยบัญชีของเจ้าหน้าที่',
    en: 'API tokens cannot be used for accounts, passwords or tokens; sign in as a person',
  },
  'token.not_found': { status: 404, th: 'ไม่พบโทเคน API', en: 'No such API token' },
  'token.already_revoked': { status: 409, th: 'โทเคน API นี้ถูกยกเลิกไปแล้ว', en: 'This API token is already revoked' },
  'token.national_read_only': {
    status: 422,
    th: 'โทเคนระดับส่วนกลางอ่านข้อมูลได้อย่างเดียว เลือกจังหวัดหรืออำเภอเพื่อให้บันทึกข้อมูลได้',
    en: 'A national token can only read; choose a province or a district for one that records data',
  },
  'token.beyond_own_permissions': {
    status: 403,
    th: 'สร้างโทเคนนี้ไม่ได้ เพราะโทเคนจะมีสิทธิ์ที่คุณไม่มี ({permissions})',
    en: 'You cannot make this token: it would hold permissions you do not have ({permissions})',
  },
  'token.expiry_out_of_range': {
    status: 422,
    th: 'วันสุดท้ายที่ใช้โทเคนได้ต้องไม่ก่อนวันนี้และไม่เกิน {days} วันนับจากวันนี้',
    en: 'The last day of the token must be between today and {days} days from today',
  },
  'auth.wrong_current_password': { status: 400, th: 'รหัสผ่านปัจจุบันไม่ถูกต้อง', en: 'The current password is wrong' },
  'password.common': {
    status: 400,
    th: 'รหัสผ่านนี้อยู่ในรายการรหัสผ่านที่ใช้กันบ่อย กรุณาตั้งรหัสผ่านอื่น',
    en: 'This password is on the list of common passwords; choose another',
  },
  'password.contains_username': {
    status: 400,
    th: 'รหัสผ่านต้องไม่ตรงกับหรือมีชื่อผู้ใช้อยู่ในนั้น',
    en: 'The password must not be or contain the username',
  },
  'password.repetitive': {
    status: 400,
    th: 'รหัสผ่านต้องไม่เป็นตัวอักษรซ้ำหรือลำดับง่าย ๆ เช่น aaaaaaaaaaaa หรือ 123456789012',
    en: 'The password must not be one repeated pattern or a simple sequence such as aaaaaaaaaaaa or 123456789012',
  },
  'password.unchanged': {
    status: 400,
    th: 'รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านปัจจุบัน',
    en: 'The new password must differ from the current one',
  },
  'password.weak': {
    status: 400,
    th: 'รหัสผ่านเดาได้ง่ายเกินไป ลองใช้วลีที่ยาวขึ้นซึ่งมีหลายคำ',
    en: 'The password is too easy to guess; try a longer phrase of several words',
  },
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
  'user.cannot_reset_own_password': {
    status: 422,
    th: 'ตั้งรหัสผ่านใหม่ให้บัญชีตนเองทางนี้ไม่ได้ กรุณาใช้เมนูเปลี่ยนรหัสผ่านซึ่งต้องใส่รหัสผ่านปัจจุบัน',
    en: 'You cannot reset your own password here; use change password, which asks for the current one',
  },
  'user.role_beyond_own_permissions': {
    status: 403,
    th: 'ให้บทบาท {role} ไม่ได้ เพราะบทบาทนี้มีสิทธิ์ที่คุณไม่มี ({permissions})',
    en: 'You cannot give the role {role}: it holds permissions you do not have ({permissions})',
  },
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
  'record.other_district': {
    status: 422,
    th: '{what}ที่เลือกอยู่ในอำเภออื่นหรือไม่มีอยู่แล้ว จึงเชื่อมโยงไม่ได้ กรุณาเลือกใหม่',
    en: 'The chosen {whatEn} belongs to another district or no longer exists; choose again',
  },
  'code.unknown': { status: 422, th: 'ไม่รู้จักรหัส {code} ในรายการ{listTh}', en: 'Unknown code {code} in the {list} list' },
  'person.not_found': { status: 404, th: 'ไม่พบข้อมูลบุคคล', en: 'No such person' },
  'person.duplicate_citizen_id': {
    status: 409,
    th: 'เลขประจำตัวประชาชนนี้มีในอำเภอแล้ว เป็นของ {name} กรุณาใช้ข้อมูลเดิมหรือรวมข้อมูล',
    en: 'This citizen ID is already recorded in the district, for {name}; use or merge that record',
  },
  'person.possible_duplicate': {
    status: 409,
    th: 'อาจซ้ำกับบุคคลที่มีชื่อเดียวกันในตำบลเดียวกัน ({names}) หากไม่ใช่คนเดียวกันให้ยืนยันการบันทึก',
    en: 'Possibly the same as a person of the same name in the same subdistrict ({names}); confirm to save anyway',
  },
  'person.already_erased': {
    status: 409,
    th: 'ข้อมูลส่วนบุคคลของบุคคลนี้ถูกลบไปแล้ว',
    en: "This person's personal data has already been erased",
  },
  'person.merge_self': { status: 422, th: 'ไม่สามารถรวมข้อมูลบุคคลกับตัวเองได้', en: 'Cannot merge a person into itself' },
  'wisdom.not_found': { status: 404, th: 'ไม่พบข้อมูลภูมิปัญญา', en: 'No such wisdom item' },
  'wisdom.public_needs_consent': {
    status: 422,
    th: 'การเผยแพร่สาธารณะต้องมีวันที่เจ้าของภูมิปัญญายินยอม',
    en: "Public access needs the date of the holder's consent",
  },
  'group.not_found': { status: 404, th: 'ไม่พบกลุ่มอาชีพ', en: 'No such occupational group' },
  'group.stage_needs_data': {
    status: 422,
    th: 'ยังเปลี่ยนเป็นขั้น {stageTh} ไม่ได้: {needTh}',
    en: 'Cannot move to {stage} yet: {needEn}',
  },
  'group.member_duplicate': { status: 422, th: 'มีสมาชิกคนเดียวกันซ้ำในรายชื่อ', en: 'The same person is listed twice as a member' },
  'producer.not_found': { status: 404, th: 'ไม่พบทะเบียนผู้ผลิต', en: 'No such OTOP registration' },
  'producer.owner_mismatch': {
    status: 422,
    th: 'ประเภทผู้ผลิตไม่ตรงกับผู้ลงทะเบียน: กลุ่มผู้ผลิตชุมชนต้องเป็นกลุ่ม ผู้ผลิตรายเดียวต้องเป็นบุคคล และต้องระบุอย่างใดอย่างหนึ่งเท่านั้น',
    en: 'Producer type and owner do not match: a community group registers a group, a sole proprietor a person, and exactly one is given',
  },
  'producer.not_eligible': {
    status: 422,
    th: 'ยังขึ้นทะเบียนไม่ได้ ต้องผ่านเกณฑ์ครบทุกข้อ (เชื่อมโยงชุมชน สถานที่ผลิตในอำเภอ สัญชาติไทย เอกสารครบ)',
    en: 'Not eligible yet: every criterion must be met (community link, site in this district, Thai nationality, documents received)',
  },
  'product.not_found': { status: 404, th: 'ไม่พบผลิตภัณฑ์', en: 'No such product' },
  'certification.not_found': { status: 404, th: 'ไม่พบใบรับรองมาตรฐาน', en: 'No such certificate' },
  'certification.subject_required': {
    status: 422,
    th: 'ใบรับรองต้องระบุผลิตภัณฑ์หรือผู้ผลิตอย่างใดอย่างหนึ่ง',
    en: 'A certificate belongs to exactly one product or producer',
  },
  'certification.expiry_before_issue': {
    status: 422,
    th: 'วันหมดอายุต้องไม่ก่อนวันที่ออกใบรับรอง',
    en: 'The expiry date cannot be before the issue date',
  },
  'partner.not_found': { status: 404, th: 'ไม่พบภาคีเครือข่าย', en: 'No such partner' },
  'service.not_found': { status: 404, th: 'ไม่พบรายการให้บริการ', en: 'No such service record' },
  'service.date_in_future': {
    status: 422,
    th: 'วันที่ให้บริการต้องไม่เป็นวันในอนาคต',
    en: 'The service date cannot be in the future',
  },
  'service.follow_up_before_service': {
    status: 422,
    th: 'วันติดตามผลต้องอยู่หลังวันที่ให้บริการ',
    en: 'The follow-up date must be after the service date',
  },
  'service.client_required': {
    status: 422,
    th: 'ต้องมีผู้รับบริการอย่างน้อยหนึ่งราย (บุคคลหรือกลุ่ม)',
    en: 'A service needs at least one client: a person or a group',
  },
  'service.staff_not_of_district': {
    status: 422,
    th: 'ผู้ให้บริการต้องเป็นเจ้าหน้าที่หรือกรรมการศูนย์ฯ ของอำเภอนี้ที่ยังใช้งานอยู่',
    en: 'Those who gave the service must be active staff or committee members of this district',
  },
  'service.committee_not_giver': {
    status: 403,
    th: 'กรรมการศูนย์ฯ บันทึกได้เฉพาะบริการที่ตนเองเป็นผู้ให้บริการ',
    en: 'A committee member may record only services they gave',
  },
  'service.not_own_record': {
    status: 403,
    th: 'กรรมการศูนย์ฯ แก้ไขหรือลบได้เฉพาะรายการที่ตนเองบันทึก',
    en: 'A committee member may change or delete only the records they made',
  },
  'service.trip_mismatch': {
    status: 422,
    th: 'รอบการออกหน่วยที่เลือกต้องเป็นของอำเภอเดียวกันและวันเดียวกับวันที่ให้บริการ',
    en: 'The outreach trip must be of the same district and on the same date as the service',
  },
  'outreach_trip.not_found': { status: 404, th: 'ไม่พบรอบการออกหน่วยเชิงรุก', en: 'No such outreach trip' },
  'outreach_trip.date_in_future': {
    status: 422,
    th: 'วันที่ออกหน่วยต้องไม่เป็นวันในอนาคต',
    en: 'The trip date cannot be in the future',
  },
  'outreach_trip.date_has_services': {
    status: 422,
    th: 'เปลี่ยนวันที่ออกหน่วยไม่ได้ เพราะมีบริการที่บันทึกไว้ในวันเดิม {count} รายการ',
    en: 'Cannot move the trip to another date: {count} services are recorded on its date',
  },
  'activity.not_found': { status: 404, th: 'ไม่พบกิจกรรม', en: 'No such activity' },
  'activity.date_in_future': {
    status: 422,
    th: 'วันเริ่มกิจกรรมต้องไม่เป็นวันในอนาคต (กิจกรรมที่ยังไม่จัดยังบันทึกไม่ได้)',
    en: 'The activity cannot start in the future (a planned activity is recorded once it takes place)',
  },
  'activity.ends_before_start': {
    status: 422,
    th: 'วันสิ้นสุดกิจกรรมต้องไม่ก่อนวันเริ่ม',
    en: 'The activity cannot end before it starts',
  },
  'activity.not_a_topic': {
    status: 422,
    th: 'หัวข้อการอบรม {code} ไม่ใช่หัวข้อองค์ความรู้',
    en: 'The training topic {code} is not a knowledge topic',
  },
  'activity.budget_not_reached': {
    status: 422,
    th: 'กิจกรรมงบประมาณที่เลือกไม่ได้จัดสรรมาถึงอำเภอนี้',
    en: 'The chosen budget activity was never allocated to this district',
  },
  'activity.budget_year_mismatch': {
    status: 422,
    th: 'กิจกรรมงบประมาณเป็นของปีงบประมาณ {itemYear} แต่กิจกรรมนี้จัดในปีงบประมาณ {year}',
    en: 'The budget activity is of fiscal year {itemYear}, but this activity took place in fiscal year {year}',
  },
  'activity.budget_over_allocation': {
    status: 422,
    th: 'งบประมาณที่ใช้เกินที่อำเภอได้รับจัดสรร (ได้รับ {received} บาท กิจกรรมอื่นใช้ไปแล้ว {used} บาท)',
    en: 'The budget used is more than the district received (received {received} baht, other activities used {used} baht)',
  },
  'activity.budget_link_forbidden': {
    status: 403,
    th: 'ผู้ที่ดูงบประมาณได้เท่านั้นจึงเชื่อมกิจกรรมกับกิจกรรมงบประมาณได้',
    en: 'Only those who may see the budget can link an activity to a budget activity',
  },
  'activity.not_market_event': {
    status: 422,
    th: 'บันทึกยอดขายได้เฉพาะกิจกรรมตลาดหรืองานแสดงสินค้า',
    en: 'Sales are recorded only for market events',
  },
  'activity.group_not_taking_part': {
    status: 422,
    th: 'กลุ่ม {group} ไม่ได้ร่วมกิจกรรมนี้ จึงบันทึกยอดขายไม่ได้',
    en: 'The group {group} does not take part in this event, so it has no sales here',
  },
  'activity.sale_day_outside': {
    status: 422,
    th: 'วันที่ขาย {day} ไม่อยู่ในช่วงวันจัดกิจกรรม',
    en: 'The sale day {day} is not within the dates of the event',
  },
  'activity.sale_in_future': {
    status: 422,
    th: 'วันที่ขาย {day} ต้องไม่เป็นวันในอนาคต',
    en: 'The sale day {day} cannot be in the future',
  },
  'activity.has_sales': {
    status: 422,
    th: 'กิจกรรมมียอดขายที่บันทึกไว้ซึ่งจะไม่ตรงกับการแก้ไขนี้ ({reason}) กรุณาแก้ไขยอดขายก่อน',
    en: 'The event has sales that this change would leave behind ({reasonEn}); change the sales first',
  },
  'needs.not_found': { status: 404, th: 'ไม่พบการวิเคราะห์ความต้องการ', en: 'No such needs analysis' },
  'needs.date_in_future': {
    status: 422,
    th: 'วันที่วิเคราะห์ต้องไม่เป็นวันในอนาคต',
    en: 'The analysis date cannot be in the future',
  },
  'needs.before_group': {
    status: 422,
    th: 'วันที่วิเคราะห์ต้องไม่ก่อนวันที่ก่อตั้งกลุ่ม ({foundedOn})',
    en: 'The analysis cannot be dated before the group was founded ({foundedOn})',
  },
  'plan.not_found': { status: 404, th: 'ไม่พบแผนพัฒนา', en: 'No such development plan' },
  'plan.lesson_not_earlier': {
    status: 422,
    th: 'แผนตอบได้เฉพาะบทเรียนของปีงบประมาณก่อนปีแรกของแผน',
    en: 'A plan can answer only lessons of fiscal years before its first year',
  },
  'plan.projects_outside': {
    status: 422,
    th: 'มีโครงการที่อยู่นอกช่วงปีงบประมาณใหม่ของแผน {count} โครงการ ให้แก้ไขโครงการก่อน',
    en: '{count} projects fall outside the new years of the plan; change them first',
  },
  'plan_project.not_found': { status: 404, th: 'ไม่พบโครงการ', en: 'No such project' },
  'plan_project.outside_plan': {
    status: 422,
    th: 'ระยะเวลาโครงการต้องอยู่ในปีงบประมาณของแผน ({from} ถึง {until})',
    en: "The project's timeline must lie within the plan's fiscal years ({from} to {until})",
  },
  'project_update.date_in_future': {
    status: 422,
    th: 'วันที่รายงานความก้าวหน้าต้องไม่เป็นวันในอนาคต',
    en: 'A progress update cannot be dated in the future',
  },
  'project_update.before_start': {
    status: 422,
    th: 'วันที่รายงานความก้าวหน้าต้องไม่ก่อนวันเริ่มโครงการ ({startsOn})',
    en: 'A progress update cannot be dated before the project starts ({startsOn})',
  },
  'lesson.not_found': { status: 404, th: 'ไม่พบบทเรียนที่ได้รับ', en: 'No such lesson' },
  'indicators.month_outside_year': {
    status: 400,
    th: 'เดือนที่เลือกไม่อยู่ในปีงบประมาณนี้',
    en: 'The month is not in this fiscal year',
  },
  'lesson.period_not_started': {
    status: 422,
    th: 'บันทึกบทเรียนได้เฉพาะปีงบประมาณหรือไตรมาสที่เริ่มแล้ว',
    en: 'Lessons can be recorded only for a fiscal year or quarter that has started',
  },
  'lesson.plan_other_year': {
    status: 422,
    th: 'แผนที่ทบทวนต้องครอบคลุมปีงบประมาณของบทเรียน',
    en: 'The plan looked back on must cover the fiscal year of the lessons',
  },
  'sale.not_found': { status: 404, th: 'ไม่พบรายการยอดขาย', en: 'No such sales record' },
  'sale.month_in_future': {
    status: 422,
    th: 'เดือนของยอดขายต้องไม่เป็นเดือนในอนาคต',
    en: 'The sales month cannot be in the future',
  },
  'sale.duplicate_month': {
    status: 409,
    th: 'มียอดขายของผู้ขายนี้ผ่านช่องทางนี้ในเดือนนี้แล้ว กรุณาแก้ไขรายการเดิมแทนการบันทึกซ้ำ',
    en: 'Sales of this seller through this channel are already recorded for this month; correct the existing record instead',
  },
  'funding.not_found': { status: 404, th: 'ไม่พบคำขอรับการสนับสนุนแหล่งทุน', en: 'No such funding application' },
  'funding.date_in_future': {
    status: 422,
    th: 'วันที่ยื่นคำขอ วันที่พิจารณา และวันที่ได้รับเงินต้องไม่เป็นวันในอนาคต',
    en: 'The application, decision and received dates cannot be in the future',
  },
  'funding.decided_before_applied': {
    status: 422,
    th: 'วันที่พิจารณาต้องไม่ก่อนวันที่ยื่นคำขอ',
    en: 'The decision date cannot be before the application date',
  },
  'funding.received_before_decided': {
    status: 422,
    th: 'วันที่ได้รับเงินต้องไม่ก่อนวันที่อนุมัติ',
    en: 'The received date cannot be before the approval',
  },
  'funding.approved_over_asked': {
    status: 422,
    th: 'วงเงินที่อนุมัติ ({approved} บาท) มากกว่าที่ขอ ({asked} บาท) ต้องระบุเหตุผล',
    en: 'The approved amount ({approved} baht) is more than asked ({asked} baht): give a reason',
  },
  'funding.referral_mismatch': {
    status: 422,
    th: 'การส่งต่อที่อ้างถึงต้องเป็นของอำเภอและกลุ่มเดียวกับคำขอ',
    en: 'The referral must be of the same district and group as the application',
  },
  'funding.has_outcome': {
    status: 409,
    th: 'คำขอนี้เป็นหลักฐานของผลลัพธ์ "ได้รับเงินทุน" อยู่ แก้ไขหรือลบผลลัพธ์นั้นก่อน',
    en: 'This application is the evidence of a "funding received" outcome; change or delete that outcome first',
  },
  'outcome.not_found': { status: 404, th: 'ไม่พบผลลัพธ์', en: 'No such outcome' },
  'outcome.date_in_future': {
    status: 422,
    th: 'วันที่เกิดผลลัพธ์และวันที่รายงานต้องไม่เป็นวันในอนาคต',
    en: 'The event and reporting dates cannot be in the future',
  },
  'outcome.reported_before_event': {
    status: 422,
    th: 'วันที่รายงานต้องไม่ก่อนวันที่เกิดผลลัพธ์',
    en: 'The reporting date cannot be before the event date',
  },
  'outcome.evidence_mismatch': {
    status: 422,
    th: '{what}ที่อ้างเป็นหลักฐานต้องเป็นของกลุ่มเดียวกันในอำเภอนี้',
    en: 'The {whatEn} given as evidence must belong to the same group in this district',
  },
  'outcome.funding_not_approved': {
    status: 422,
    th: 'ผลลัพธ์ "ได้รับเงินทุน" ต้องอ้างคำขอที่ได้รับอนุมัติแล้ว',
    en: 'A "funding received" outcome must point to an approved application',
  },
  'outcome.income_period_in_future': {
    status: 422,
    th: 'ช่วงเวลาที่ใช้เปรียบเทียบรายได้ต้องไม่เลยเดือนปัจจุบัน',
    en: 'The periods compared cannot go past the current month',
  },
  'outcome.income_not_increased': {
    status: 422,
    th: 'ยอดขายที่บันทึกไว้ไม่แสดงว่ารายได้เพิ่มขึ้น: ช่วงก่อน {before} บาท ช่วงหลัง {after} บาท',
    en: 'The sales records show no increase: {before} baht before, {after} baht after',
  },
  'outcome.verified_locked': {
    status: 409,
    th: 'ผลลัพธ์นี้ได้รับการรับรองแล้ว แก้ไข ลบ หรือแนบไฟล์ไม่ได้ ให้ยกเลิกการรับรองก่อน',
    en: 'This outcome is verified and cannot be changed, deleted or given files; withdraw the verification first',
  },
  'outcome.verifier_not_a_person': {
    status: 403,
    th: 'โทเคน API รับรองหรือยกเลิกการรับรองผลลัพธ์ไม่ได้ ต้องให้เจ้าหน้าที่อำเภอเข้าสู่ระบบแล้วรับรองเอง',
    en: 'An API token cannot verify an outcome or withdraw a verification; a district officer must sign in and do it',
  },
  'outcome.verifier_is_recorder': {
    status: 403,
    th: 'ผู้บันทึกผลลัพธ์รับรองผลลัพธ์ของตนเองไม่ได้ ต้องให้เจ้าหน้าที่อำเภอคนอื่นรับรอง',
    en: 'The officer who recorded an outcome cannot verify it; another district officer must',
  },
  'outcome.already_verified': { status: 409, th: 'ผลลัพธ์นี้ได้รับการรับรองแล้ว', en: 'This outcome is already verified' },
  'outcome.not_verified': { status: 409, th: 'ผลลัพธ์นี้ยังไม่ได้รับการรับรอง', en: 'This outcome is not verified' },
  'outcome.no_evidence': {
    status: 422,
    th: 'ผลลัพธ์นี้ยังไม่มีหลักฐาน กรุณาแนบไฟล์หลักฐานก่อนรับรอง',
    en: 'This outcome has no evidence yet; attach a file before verifying it',
  },
  'service_request.not_found': { status: 404, th: 'ไม่พบคำขอรับบริการ', en: 'No such service request' },
  'service_request.date_in_future': {
    status: 422,
    th: 'วันที่รับคำขอต้องไม่เป็นวันในอนาคต',
    en: 'The date the request was received cannot be in the future',
  },
  'service_request.client_required': {
    status: 422,
    th: 'คำขอต้องระบุผู้ขอ: บุคคล กลุ่ม หรือชื่อผู้ขอ',
    en: 'A request needs a client: a person, a group or a name',
  },
  'service_request.status_move': {
    status: 409,
    th: 'เปลี่ยนสถานะคำขอจาก "{fromTh}" เป็น "{toTh}" ไม่ได้',
    en: 'A request cannot move from "{from}" to "{to}"',
  },
  'service_request.decline_reason_required': {
    status: 422,
    th: 'การไม่รับคำขอต้องระบุเหตุผล',
    en: 'Declining a request needs a reason',
  },
  'service_request.service_needs_work': {
    status: 422,
    th: 'เชื่อมโยงการให้บริการได้เมื่อคำขออยู่ระหว่างดำเนินการหรือเสร็จสิ้นเท่านั้น',
    en: 'A service can be linked only when the request goes in progress or done',
  },
  'service_request.service_before_request': {
    status: 422,
    th: 'การให้บริการที่ตอบคำขอต้องไม่ก่อนวันที่รับคำขอ',
    en: 'The service that answers a request cannot be dated before the request was received',
  },
  'service_request.portal_channel': {
    status: 422,
    th: 'คำขอที่ยื่นผ่านระบบออนไลน์คงช่องทางเดิม และคำขอที่บันทึกโดยเจ้าหน้าที่เปลี่ยนเป็นช่องทางออนไลน์ไม่ได้',
    en: 'A request made on the public portal keeps its channel, and one recorded by staff cannot become a portal request',
  },
  'referral.not_found': { status: 404, th: 'ไม่พบการส่งต่อ', en: 'No such referral' },
  'referral.date_in_future': {
    status: 422,
    th: 'วันที่ส่งต่อต้องไม่เป็นวันในอนาคต',
    en: 'The referral date cannot be in the future',
  },
  'referral.before_source': {
    status: 422,
    th: 'วันที่ส่งต่อต้องไม่ก่อนวันที่รับคำขอหรือวันที่ให้บริการ',
    en: 'The referral date cannot be before the request was received or the service was given',
  },
  'referral.request_not_referable': {
    status: 409,
    th: 'ส่งต่อคำขอที่มีสถานะ "{statusTh}" ไม่ได้ (ต้องรับคำขอก่อน และยังไม่ปิดเรื่อง)',
    en: 'A request that is "{status}" cannot be referred (accept it first; closed requests stay closed)',
  },
  'referral.client_required': {
    status: 422,
    th: 'การส่งต่อต้องระบุบุคคลหรือกลุ่มในทะเบียน (ผู้ขอรายนี้ยังไม่อยู่ในทะเบียน กรุณาบันทึกข้อมูลก่อน)',
    en: 'A referral needs a registered person or group (this client is not registered yet; add them first)',
  },
  'referral.not_client': {
    status: 422,
    th: 'บุคคลหรือกลุ่มที่ส่งต่อต้องเป็นผู้รับบริการของคำขอหรือการให้บริการนั้น',
    en: 'The person or group referred must be a client of that request or service',
  },
  'referral.service_mismatch': {
    status: 422,
    th: 'การให้บริการที่ระบุไม่ใช่การให้บริการที่ตอบคำขอนี้',
    en: 'That service is not the one that answered this request',
  },
  'referral.status_move': {
    status: 409,
    th: 'เปลี่ยนสถานะการส่งต่อจาก "{fromTh}" เป็น "{toTh}" ไม่ได้',
    en: 'A referral cannot move from "{from}" to "{to}"',
  },
  'referral.result_date_required': {
    status: 422,
    th: 'ผลการส่งต่อต้องระบุวันที่ทราบผล',
    en: 'The result of a referral needs its date',
  },
  'referral.result_before_referral': {
    status: 422,
    th: 'วันที่ทราบผลต้องไม่ก่อนวันที่ส่งต่อ',
    en: 'The result date cannot be before the referral date',
  },
  'referral.result_in_future': {
    status: 422,
    th: 'วันที่ทราบผลต้องไม่เป็นวันในอนาคต',
    en: 'The result date cannot be in the future',
  },
  'attachment.not_found': { status: 404, th: 'ไม่พบไฟล์แนบ', en: 'No such attachment' },
  'attachment.not_image': {
    status: 422,
    th: 'ไฟล์ {filename} ไม่ใช่รูปภาพที่รองรับ (JPEG, PNG, WebP) หรือเอกสาร PDF',
    en: 'The file {filename} is not a supported image (JPEG, PNG, WebP) or PDF document',
  },
  'attachment.too_large': { status: 413, th: 'ไฟล์มีขนาดเกิน {mb} MB', en: 'The file is larger than {mb} MB' },
  'attachment.missing': { status: 400, th: 'ไม่พบไฟล์ที่ส่งมา', en: 'No file was sent' },
  'attachment.too_many_uploads': {
    status: 429,
    th: 'กำลังอัปโหลดไฟล์อยู่ {max} ไฟล์ กรุณารอให้เสร็จก่อน',
    en: 'You already have {max} uploads in progress; wait for them to finish',
  },
  'config.data_key_mismatch': {
    status: 500,
    th: 'กุญแจข้อมูล ({keySource}) ไม่ตรงกับกุญแจที่ใช้เข้ารหัสเลขประจำตัวประชาชนในฐานข้อมูลนี้ (ลายนิ้วมือในฐานข้อมูล {expected} แต่กุญแจนี้คือ {actual}) ระบบจึงหยุดทำงานเพื่อไม่ให้ข้อมูลเสียหาย กรุณาใช้กุญแจเดิม',
    en: "The data key ({keySource}) is not the key this database's citizen IDs are encrypted with (the database holds fingerprint {expected}, this key is {actual}); stopping here so no data is damaged. Use the original key",
  },
  'config.data_key_file_missing': {
    status: 500,
    th: 'ไม่พบไฟล์กุญแจข้อมูล {keyFile} แต่ฐานข้อมูลนี้มีข้อมูลที่เข้ารหัสด้วยกุญแจเดิมอยู่แล้ว ระบบจะไม่สร้างกุญแจใหม่ให้ กรุณานำไฟล์กุญแจเดิมมาวางไว้ที่ {keyFile} (หรือตั้งค่า THANRAK_DATA_KEY)',
    en: 'The data key file {keyFile} is missing but this database already holds data encrypted with a key; no new key is made for it. Put the original key file back at {keyFile} (or set THANRAK_DATA_KEY)',
  },
  'config.data_key_missing': {
    status: 500,
    th: 'ต้องตั้งค่า THANRAK_DATA_KEY (กุญแจ 32 ไบต์แบบ base64) เมื่อใช้ PostgreSQL',
    en: 'Set THANRAK_DATA_KEY (a base64 32-byte key, e.g. openssl rand -base64 32) when running on PostgreSQL',
  },
  'documents.no_prefix': {
    status: 422,
    th: 'ยังไม่ได้ตั้งเลขที่หนังสือ (รหัสส่วนราชการ เช่น อบ ๐๐๑๙.๑) ของ{unit} จึงยังออกหนังสือไม่ได้ เจ้าหน้าที่ของหน่วยงานตั้งได้ที่เมนู ระบบ › ตั้งค่าเอกสาร (/settings)',
    en: 'The letter-number prefix of {unit} (such as อบ ๐๐๑๙.๑) is not set, so no document can be issued yet; its officers set it under System › Document settings (/settings)',
  },
  'documents.emblem_invalid': {
    status: 422,
    th: 'ไฟล์ตราครุฑต้องเป็นรูปภาพ PNG หรือ JPEG',
    en: 'The emblem must be a PNG or JPEG image',
  },
  'documents.emblem_too_large': { status: 413, th: 'ไฟล์ตราครุฑมีขนาดเกิน {kb} KB', en: 'The emblem file is larger than {kb} KB' },
  'documents.emblem_missing': { status: 404, th: 'ยังไม่ได้อัปโหลดตราครุฑ', en: 'No emblem has been uploaded' },
  'budget.item_not_found': { status: 404, th: 'ไม่พบรายการงบประมาณ', en: 'No such budget item' },
  'budget.not_activity': { status: 422, th: 'จัดสรรงบประมาณได้เฉพาะระดับกิจกรรม', en: 'Only activities receive allocations' },
  'budget.parent_mismatch': {
    status: 422,
    th: 'รายการแม่ต้องอยู่ปีงบประมาณเดียวกันและอยู่ระดับที่สูงกว่า',
    en: 'The parent must be of the same fiscal year and a higher level',
  },
  'allocation.not_down_one_level': {
    status: 422,
    th: 'จัดสรรได้เฉพาะจากส่วนกลางให้จังหวัด หรือจากจังหวัดให้อำเภอในจังหวัดและส่วนของจังหวัดเอง',
    en: 'Allocations go from the nation to a province, or from a province to its districts and its own share',
  },
  'allocation.over_budget': {
    status: 422,
    th: 'จัดสรรเกินวงเงิน: คงเหลือให้จัดสรรได้ {remainder} บาท',
    en: 'Over the budget: only {remainder} baht remain to allocate',
  },
  'budget.activity_needs_budget': {
    status: 422,
    th: 'กิจกรรมต้องระบุงบประมาณ',
    en: 'An activity needs its budget',
  },
  'approval.own_request': {
    status: 403,
    th: 'อนุมัติรายการที่ตนเองขอหรือเป็นผู้รับเงินไม่ได้',
    en: 'You cannot approve what you asked for or are paid yourself',
  },
  'approval.no_authority': {
    status: 403,
    th: 'ไม่มีอำนาจอนุมัติ: ไม่พบคำสั่งมอบอำนาจที่ใช้บังคับในวันนั้นซึ่งมอบอำนาจนี้ให้ท่านสำหรับหน่วยงานนี้',
    en: 'No authority to approve: no delegation order in force that day gives you this power over this unit',
  },
  'delegation.not_found': { status: 404, th: 'ไม่พบคำสั่งมอบอำนาจ', en: 'No such delegation order' },
  'delegation.duplicate_number': {
    status: 409,
    th: 'สำนักงานนี้บันทึกคำสั่งที่ {orderNo} ไว้แล้ว',
    en: 'This office has already recorded order no. {orderNo}',
  },
  'delegation.scope_outside_issuer': {
    status: 422,
    th: 'คำสั่งมอบอำนาจใช้ได้เฉพาะกับหน่วยงานที่ออกคำสั่งหรือหน่วยงานในสังกัด',
    en: 'An order can only cover the issuing office or the units under it',
  },
  'delegation.effective_before_order': {
    status: 422,
    th: 'วันที่มีผลต้องไม่ก่อนวันที่ลงนามคำสั่ง และวันสิ้นสุดต้องไม่ก่อนวันที่มีผล',
    en: 'An order cannot take effect before it was signed, nor end before it takes effect',
  },
  'delegation.delegate_not_allowed': {
    status: 422,
    th: 'ผู้รับมอบอำนาจต้องเป็นข้าราชการหรือเจ้าหน้าที่ที่ยังปฏิบัติงานในหน่วยงานที่คำสั่งครอบคลุม',
    en: 'The delegate must be an active official of a unit the order covers',
  },
  'delegation.district_names_an_officer': {
    status: 422,
    th: 'คำสั่งของอำเภอต้องระบุชื่อเจ้าหน้าที่ผู้ปฏิบัติราชการแทนนายอำเภอ ไม่ใช่ตำแหน่ง',
    en: "A district's order names the officer who acts for the chief, not a position",
  },
  'delegation.role_outside_scope': {
    status: 422,
    th: 'ตำแหน่งนี้ไม่มีในหน่วยงานที่คำสั่งครอบคลุม',
    en: 'No unit the order covers has this position',
  },
  'delegation.already_revoked': { status: 409, th: 'คำสั่งนี้ถูกยกเลิกไปแล้ว', en: 'This order is already revoked' },
  'delegation.revoked_before_order': {
    status: 422,
    th: 'วันที่ยกเลิกต้องไม่ก่อนวันที่ลงนามคำสั่ง',
    en: 'An order cannot be revoked before the day it was signed',
  },
  'allocation.not_found': { status: 404, th: 'ไม่พบรายการจัดสรร', en: 'No such allocation' },
  'allocation.already_reversed': { status: 409, th: 'รายการนี้ถูกยกเลิกไปแล้ว', en: 'This allocation was already reversed' },
  'allocation.already_used': {
    status: 422,
    th: 'ยกเลิกไม่ได้: หน่วยที่ได้รับจัดสรรนำเงินไปจัดสรรต่อหรือเบิกจ่ายแล้ว คงเหลือที่ยกเลิกได้ {available} บาท',
    en: 'Cannot reverse: the receiving unit has already passed on or spent this money; {available} baht can be taken back',
  },
  'advance.not_found': { status: 404, th: 'ไม่พบสัญญาการยืมเงิน', en: 'No such cash advance' },
  'advance.outstanding': {
    status: 409,
    th: 'ผู้ยืมยังมีเงินยืมเดิมค้างอยู่ (สัญญาเลขที่ {id} คงเหลือ {balance} บาท) ห้ามยืมซ้ำซ้อนจนกว่าจะส่งใช้ครบ',
    en: 'The borrower still has an open advance (no. {id}, {balance} baht outstanding); no new advance until it is repaid',
  },
  'advance.borrower_not_official': {
    status: 422,
    th: 'ผู้ยืมต้องเป็นข้าราชการหรือเจ้าหน้าที่ของหน่วยงานนี้ที่ยังปฏิบัติงานอยู่ (กรรมการศูนย์และบุคคลภายนอกยืมเงินราชการไม่ได้)',
    en: 'The borrower must be an active official of this unit (committee members and outsiders cannot borrow)',
  },
  'advance.not_funded': {
    status: 422,
    th: 'เงินยืมต้องเบิกจากกิจกรรมที่หน่วยงานได้รับจัดสรรงบประมาณ',
    en: 'An advance is drawn on an activity the unit received money for',
  },
  'advance.over_allocation': {
    status: 422,
    th: 'ยืมเกินงบที่ได้รับจัดสรรคงเหลือของกิจกรรม: คงเหลือ {balance} บาท',
    en: "More than the activity's unspent allocation: {balance} baht remain",
  },
  'advance.already_decided': {
    status: 409,
    th: 'เงินยืมนี้ได้รับการพิจารณาแล้ว (อนุมัติหรือไม่อนุมัติได้เฉพาะรายการที่รอการอนุมัติ)',
    en: 'This advance has already been decided (only advances waiting for approval can be approved or rejected)',
  },
  'advance.approval_date': {
    status: 422,
    th: 'วันที่อนุมัติต้องไม่เป็นวันในอนาคตและไม่ก่อนวันที่ขอยืม',
    en: 'The approval date cannot be in the future or before the request',
  },
  'advance.not_approved': {
    status: 409,
    th: 'ส่งใช้ได้เฉพาะเงินยืมที่อนุมัติแล้ว',
    en: 'Only an approved advance can be repaid',
  },
  'advance.no_contract': {
    status: 409,
    th: 'ยังไม่มีสัญญาการยืมเงิน: เงินยืมนี้รอการอนุมัติหรือไม่ได้รับอนุมัติ',
    en: 'No contract: this advance is waiting for approval or was rejected',
  },
  'advance.rule_needs_return': {
    status: 422,
    th: 'เงินยืมเดินทางต้องระบุวันที่กลับจากการเดินทาง',
    en: 'A travel advance needs the date of return',
  },
  'advance.dates': {
    status: 422,
    th: 'วันที่ไม่ถูกต้อง: วันกลับต้องไม่ก่อนวันรับเงิน',
    en: 'Dates are wrong: the return cannot be before the receipt',
  },
  'advance.over_balance': {
    status: 422,
    th: 'ส่งใช้เกินยอดคงเหลือ: คงเหลือ {balance} บาท',
    en: 'More than the outstanding balance of {balance} baht',
  },
  'advance.already_repaid': { status: 409, th: 'เงินยืมนี้ส่งใช้ครบแล้ว', en: 'This advance is already repaid' },
  'expense.not_found': { status: 404, th: 'ไม่พบรายละเอียดค่าใช้จ่าย', en: 'No such expense plan' },
  'expense.locked': {
    status: 409,
    th: 'แก้ไขหรือส่งไม่ได้ในสถานะ "{status}" (แก้ได้เฉพาะฉบับร่างหรือที่ถูกส่งกลับ)',
    en: 'Cannot change or submit a plan that is {status} (only drafts and returned plans)',
  },
  'expense.incomplete': {
    status: 422,
    th: 'รายละเอียดค่าใช้จ่ายยังกรอกไม่ครบ กรุณาแก้ไขช่องที่แจ้งแล้วส่งอีกครั้ง (ฉบับร่างยังบันทึกไว้ตามเดิม)',
    en: 'The expense plan is not complete; fix the fields shown and submit again (the draft is kept as it is)',
  },
  'expense.not_submitted': { status: 409, th: 'พิจารณาได้เฉพาะรายการที่ส่งแล้ว', en: 'Only submitted plans can be reviewed' },
  'expense.over_allocation': {
    status: 422,
    th: 'ยอดรวม {total} บาท เกินงบที่ได้รับจัดสรร {allocated} บาท',
    en: 'The total of {total} baht is more than the {allocated} baht allocated',
  },
  'expense.month_outside_quarter': {
    status: 422,
    th: 'แผนปฏิบัติงานมีเดือนที่อยู่นอกไตรมาสที่ได้รับจัดสรร (ไตรมาส {quarters} ปีงบประมาณ {fiscalYear}) ต้องดำเนินการภายในไตรมาส หากจำเป็นต้องระบุเหตุผล (อย่างน้อย 10 ตัวอักษร)',
    en: 'The action plan has months outside the quarters allocated (quarter {quarters} of FY {fiscalYear}); act within the quarter, or give a reason (at least 10 characters)',
  },
  'spending.over_allocation': {
    status: 422,
    th: 'เบิกจ่ายเกินงบที่ได้รับจัดสรร: คงเหลือ {balance} บาท',
    en: 'More than the allocation allows: {balance} baht remain',
  },
  'spending.outside_quarter': {
    status: 422,
    th: 'วันที่อยู่นอกไตรมาสที่ได้รับจัดสรร (ไตรมาส {quarters} ปีงบประมาณ {fiscalYear}) ต้องเบิกจ่ายและจัดซื้อจัดจ้างภายในไตรมาส หากจำเป็นต้องระบุเหตุผล (อย่างน้อย 10 ตัวอักษร)',
    en: 'The date is outside the quarters allocated (quarter {quarters} of FY {fiscalYear}); disburse and procure within the quarter, or give a reason (at least 10 characters)',
  },
  'spending.vendor_required': {
    status: 422,
    th: 'ต้องระบุผู้ขายหรือผู้รับจ้าง (ยกเว้นรายจ่ายที่ไม่ต้องจัดซื้อจัดจ้าง)',
    en: 'Name the vendor or contractor (only a payment that is no purchase may leave it empty)',
  },
  'spending.not_found': { status: 404, th: 'ไม่พบรายการเบิกจ่าย', en: 'No such payment' },
  'spending.not_pending': {
    status: 409,
    th: 'รายการเบิกจ่ายนี้ได้รับการพิจารณาไปแล้ว',
    en: 'This payment has already been decided',
  },
  'spending.approval_in_future': {
    status: 422,
    th: 'วันที่อนุมัติต้องไม่เป็นวันในอนาคต',
    en: 'The day of approval cannot be in the future',
  },
  'server.internal': { status: 500, th: 'เกิดข้อผิดพลาดภายในระบบ', en: 'Internal server error' },
  'database.unavailable': {
    status: 503,
    th: 'ขณะนี้ติดต่อฐานข้อมูลไม่ได้ กรุณาลองใหม่อีกครั้งในอีกสักครู่ ข้อมูลที่ส่งมายังไม่ถูกบันทึก',
    en: 'The database cannot be reached right now; nothing was saved. Please try again in a moment',
  },
  'record.reference_missing': {
    status: 422,
    th: 'ข้อมูลที่อ้างถึงไม่มีอยู่ในระบบ (เช่น รหัสรายการหรือหน่วยงาน) จึงบันทึกไม่ได้',
    en: 'A record this refers to does not exist (an id or a unit code), so nothing was saved',
  },
  'record.conflict': {
    status: 409,
    th: 'ข้อมูลซ้ำกับที่มีอยู่แล้ว หรือมีการแก้ไขพร้อมกัน กรุณาโหลดใหม่แล้วลองอีกครั้ง',
    en: 'This duplicates an existing record or clashed with another change; reload and try again',
  },
  'record.rule_violated': {
    status: 422,
    th: 'ข้อมูลขัดกับกฎของระบบ จึงไม่ได้บันทึก',
    en: 'This breaks a rule of the records, so nothing was saved',
  },
  'report.not_found': { status: 404, th: 'ไม่พบรายงานรายไตรมาส', en: 'No such quarterly report' },
  'report.exists': {
    status: 409,
    th: 'อำเภอนี้มีรายงานไตรมาสที่ {quarter} ปีงบประมาณ {fiscalYear} อยู่แล้ว กรุณาแก้ไขรายงานเดิม',
    en: 'This district already has its report for quarter {quarter} of fiscal year {fiscalYear}; open that one instead',
  },
  'report.quarter_not_begun': {
    status: 422,
    th: 'ยังไม่ถึงไตรมาสนี้ รายงานได้เฉพาะไตรมาสที่เริ่มแล้ว',
    en: 'This quarter has not begun; a report is written only for a quarter that has started',
  },
  'report.not_editable': {
    status: 409,
    th: 'รายงานที่มีสถานะ "{statusTh}" แก้ไขหรือส่งไม่ได้ แก้ไขได้เฉพาะร่างหรือรายงานที่จังหวัดส่งกลับ',
    en: 'A report that is {status} cannot be changed or sent; only a draft or a returned report can',
  },
  'report.not_submitted': {
    status: 409,
    th: 'รายงานที่มีสถานะ "{statusTh}" ยังไม่อยู่ระหว่างรอจังหวัดพิจารณา',
    en: 'A report that is {status} is not waiting for the province',
  },
  'report.own_submission': {
    status: 403,
    th: 'ผู้ส่งรายงานจะพิจารณารายงานของตนเองไม่ได้',
    en: 'The person who submitted the report cannot review it',
  },
  'report.comment_required': {
    status: 400,
    th: 'การส่งกลับต้องระบุความเห็นว่าให้แก้ไขอะไร',
    en: 'Returning a report needs a comment saying what to change',
  },
  'quarter_lock.not_found': { status: 404, th: 'ไม่พบการล็อกไตรมาส', en: 'No such quarter lock' },
  'quarter_lock.report_not_approved': {
    status: 409,
    th: 'ล็อกไตรมาสได้เมื่อจังหวัดอนุมัติรายงานของไตรมาสนั้นแล้วเท่านั้น',
    en: 'A quarter can be locked only after its report is approved',
  },
  'quarter_lock.already_locked': { status: 409, th: 'ไตรมาสนี้ล็อกอยู่แล้ว', en: 'This quarter is already locked' },
  'quarter_lock.not_locked': { status: 409, th: 'ไตรมาสนี้ปลดล็อกแล้ว', en: 'This quarter is already unlocked' },
  'quarter.locked': {
    status: 409,
    th: 'ไตรมาสนี้จังหวัดอนุมัติรายงานและปิดงวดแล้ว แก้ไขข้อมูลที่ลงวันที่ในไตรมาสนี้ไม่ได้จนกว่าจังหวัดจะปลดล็อก',
    en: 'The province approved and locked this quarter: records dated in it cannot change until the province unlocks it',
  },
  // meetings and posts
  'meeting.not_found': { status: 404, th: 'ไม่พบการประชุม', en: 'No such meeting' },
  'meeting.no_committee': {
    status: 422,
    th: 'ไม่มีคณะกรรมการศูนย์ที่อยู่ในวาระในวันที่ {date} จึงจัดประชุมไม่ได้ กรุณาบันทึกคำสั่งแต่งตั้งคณะกรรมการก่อน',
    en: 'No committee term is in force on {dateEn}, so no meeting can be held; record the appointing order first',
  },
  'meeting.member_not_in_term': {
    status: 422,
    th: 'ผู้ที่เลือก (รหัส {id}) ไม่ใช่กรรมการในวาระของการประชุมนี้',
    en: 'The member chosen (id {id}) is not a member of this meeting’s committee term',
  },
  'meeting.not_planned': {
    status: 409,
    th: 'แก้ไข ยกเลิก หรือบันทึกผลได้เฉพาะการประชุมที่ยังอยู่ในแผน',
    en: 'Only a planned meeting can be changed, cancelled or recorded',
  },
  'meeting.held_in_future': {
    status: 422,
    th: 'การประชุมที่ลงวันที่ในอนาคตยังบันทึกว่าประชุมแล้วไม่ได้',
    en: 'A meeting dated in the future cannot be recorded as held',
  },
  'meeting.no_attendees': {
    status: 422,
    th: 'การประชุมต้องมีกรรมการมาประชุมอย่างน้อย 1 คน',
    en: 'A meeting needs at least one member present',
  },
  'meeting.resolution_due_before': {
    status: 422,
    th: 'วันที่กำหนดแล้วเสร็จของมติต้องไม่ก่อนวันประชุม',
    en: 'A resolution cannot be due before the meeting date',
  },
  'meeting.resolution_agenda': {
    status: 422,
    th: 'มติอ้างระเบียบวาระที่ {seq} ซึ่งไม่มีในการประชุมนี้',
    en: 'A resolution names agenda item {seq}, which this meeting does not have',
  },
  'meeting.no_quorum_resolutions': {
    status: 422,
    th: 'ไม่ครบองค์ประชุม (มาประชุม {attended} จาก {members} คน) จึงลงมติไม่ได้ บันทึกการประชุมได้โดยไม่มีมติ',
    en: 'No quorum ({attended} of {members} members present), so no resolution can be passed; record the meeting without resolutions',
  },
  'meeting.not_held': {
    status: 409,
    th: 'รายงานการประชุมออกได้เมื่อบันทึกผลการประชุมแล้ว',
    en: 'The minutes can be printed once the meeting is recorded',
  },
  'resolution.not_found': { status: 404, th: 'ไม่พบมติที่ประชุม', en: 'No such resolution' },
  'resolution.done_on_required': {
    status: 422,
    th: 'มติที่ดำเนินการเสร็จแล้วต้องระบุวันที่แล้วเสร็จ',
    en: 'A resolution marked done needs the day it was done',
  },
  'resolution.done_on_invalid': {
    status: 422,
    th: 'วันที่แล้วเสร็จต้องไม่ก่อนวันประชุมและไม่เป็นวันในอนาคต',
    en: 'The day done cannot be before the meeting or in the future',
  },
  'post.not_found': { status: 404, th: 'ไม่พบข่าวประชาสัมพันธ์', en: 'No such post' },
  'post.published_in_future': {
    status: 422,
    th: 'วันที่เผยแพร่ต้องไม่เป็นวันในอนาคต',
    en: 'The publishing date cannot be in the future',
  },
  'post.channels_required': {
    status: 422,
    th: 'ข่าวที่เผยแพร่แล้วต้องระบุช่องทางอย่างน้อย 1 ช่องทาง',
    en: 'A published post needs at least one channel',
  },
  'post.public_needs_published': {
    status: 422,
    th: 'แสดงต่อสาธารณะได้เฉพาะข่าวที่เผยแพร่แล้ว',
    en: 'Only a published post can be shown to the public',
  },
  'request.nul_character': {
    status: 400,
    th: 'ข้อมูลมีอักขระควบคุมที่ไม่อนุญาต (NUL)',
    en: 'The request contains a NUL character, which is not allowed',
  },
  'request.cross_origin': {
    status: 403,
    th: 'ปฏิเสธคำขอที่มาจากเว็บไซต์อื่น',
    en: 'Requests that change data must come from this site',
  },
  'committee.not_found': { status: 404, th: 'ไม่พบคณะกรรมการศูนย์ชุดนี้', en: 'No such committee term' },
  'committee.order_date_in_future': {
    status: 422,
    th: 'วันที่ลงนามคำสั่งต้องไม่เป็นวันในอนาคต',
    en: 'The order date must not be in the future',
  },
  'committee.term_overlap': {
    status: 409,
    th: 'วาระนี้ซ้อนกับคณะกรรมการตามคำสั่งที่ {orderNumber} ({termStart} – {termEnd}) ของอำเภอเดียวกัน',
    en: 'This term overlaps the committee of order {orderNumber} ({termStart} – {termEnd}) of the same district',
  },
  'committee.duplicate_person': {
    status: 422,
    th: '{name} อยู่ในคณะกรรมการชุดนี้แล้ว ใส่ซ้ำไม่ได้',
    en: '{name} is already on this committee; a person cannot be listed twice',
  },
  'committee.member_not_found': {
    status: 422,
    th: 'ไม่พบกรรมการรหัส {id} ในคณะกรรมการชุดนี้',
    en: 'Member {id} is not on this committee',
  },
  'committee.member_in_use': {
    status: 409,
    th: 'นำ {name} ออกจากคณะกรรมการไม่ได้ เพราะมีบันทึกการเข้าประชุมหรือมติที่ประชุมอ้างถึง',
    en: '{name} cannot be removed: meeting attendance or a resolution refers to this member',
  },
  'committee.has_meetings': {
    status: 409,
    th: 'ลบคณะกรรมการชุดนี้ไม่ได้ เพราะมีการประชุมของคณะกรรมการชุดนี้แล้ว',
    en: 'This committee term cannot be deleted: it has meetings',
  },
  'committee_exception.not_found': { status: 404, th: 'ไม่พบการอนุมัติให้ใช้กลไกเดิม', en: 'No such legacy-mechanism exception' },
  'committee_exception.exists': {
    status: 409,
    th: 'อำเภอนี้ได้รับอนุมัติให้ใช้กลไกเดิมอยู่แล้ว ตามหนังสือที่ {letterNumber}',
    en: 'This district already has a legacy-mechanism exception in force (letter {letterNumber})',
  },
  'committee_exception.letter_date_in_future': {
    status: 422,
    th: 'วันที่ของหนังสืออนุมัติต้องไม่เป็นวันในอนาคต',
    en: 'The letter date must not be in the future',
  },
  'center_profile.not_found': { status: 404, th: 'ยังไม่ได้บันทึกข้อมูลศูนย์', en: 'The center profile has not been recorded' },
  'center_profile.exists': {
    status: 409,
    th: 'มีข้อมูลศูนย์แล้ว กรุณาเปิดหน้าใหม่แล้วแก้ไขข้อมูลเดิม',
    en: 'The center profile already exists; reload and edit it',
  },
  // import batches and background jobs (#14)
  'job.not_found': { status: 404, th: 'ไม่พบงานเบื้องหลัง', en: 'No such background job' },
  'job.failed': { status: 500, th: 'งานเบื้องหลังล้มเหลว กรุณาลองใหม่', en: 'The background job failed; please try again' },
  'import_batch.not_found': { status: 404, th: 'ไม่พบชุดข้อมูลนำเข้า', en: 'No such import batch' },
  'import_batch.options_invalid': {
    status: 400,
    th: 'กรุณาเลือกรายละเอียดการนำเข้าให้ครบ (เช่น กิจกรรมงบประมาณ ไตรมาส และหมวดรายจ่าย)',
    en: 'Choose the import details (e.g. the budget activity, quarter and expense category)',
  },
  'import_batch.not_open': {
    status: 409,
    th: 'ชุดข้อมูลนี้ยืนยันนำเข้าไปแล้ว หรือกำลังนำเข้า',
    en: 'This batch was already committed or is being committed',
  },
  'import_batch.not_committed': {
    status: 409,
    th: 'ชุดข้อมูลนี้ยังไม่ได้นำเข้า หรือยกเลิกไปแล้ว',
    en: 'This batch is not committed, or was already rolled back',
  },
  'import_batch.rollback_blocked': {
    status: 409,
    th: 'ยกเลิกการนำเข้าไม่ได้ เพราะมีการแก้ไขหรือใช้ข้อมูลที่นำเข้าแล้ว {count} รายการ: {records}',
    en: 'The import cannot be rolled back: {count} imported records were changed or used since: {records}',
  },
  'import.unreadable': {
    status: 400,
    th: 'อ่านไฟล์ไม่ได้: {reasonTh}',
    en: 'The file cannot be read: {reason}',
  },
  'import.encrypted': {
    status: 400,
    th: 'ไฟล์นี้ตั้งรหัสผ่านไว้ กรุณาเปิดใน Excel เอารหัสผ่านออก บันทึกแล้วส่งใหม่',
    en: 'The file is password-protected; open it in Excel, remove the password, save and upload it again',
  },
  'import.too_large': {
    status: 413,
    th: 'ไฟล์มีขนาดใหญ่เกิน {maxMb} MB กรุณาแบ่งเป็นหลายไฟล์',
    en: 'The file is larger than {maxMb} MB; split it into several files',
  },
  'import.too_many_rows': {
    status: 413,
    th: 'ไฟล์มีข้อมูลเกิน {maxRows} แถว กรุณาแบ่งเป็นหลายไฟล์',
    en: 'The file has more than {maxRows} rows; split it into several files',
  },
  'import.empty': {
    status: 422,
    th: 'ไม่พบข้อมูลในไฟล์ใต้แถวหัวตาราง',
    en: 'The file has no data rows below the header row',
  },
  'import.missing_columns': {
    status: 422,
    th: 'ไม่พบคอลัมน์ที่ต้องมี: {columns} (หัวตารางต้องอยู่ใน 20 แถวแรกของแผ่นงาน)',
    en: 'Required columns not found: {columnsEn} (the header row must be within the first 20 rows of the sheet)',
  },
} as const satisfies Record<string, { status: number; th: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** Thai for the English messages our zod schemas give to format rules (regex, refine). */
export const FIELD_MESSAGES_TH: Record<string, string> = {
  'Not a valid 13-digit citizen ID (check digit)': 'เลขประจำตัวประชาชนไม่ถูกต้อง (ต้องมี 13 หลักและเลขตรวจสอบถูกต้อง)',
  'YYYY-MM-DD': 'วันที่ต้องอยู่ในรูปแบบ ปปปป-ดด-วว (ค.ศ.)',
  'YYYY-MM': 'เดือนต้องอยู่ในรูปแบบ ปปปป-ดด (ค.ศ.)',
  '9–10 digits starting with 0': 'หมายเลขโทรศัพท์ต้องมี 9–10 หลักและขึ้นต้นด้วย 0',
  '3–40 letters, digits, dot, dash or underscore': 'ชื่อผู้ใช้ต้องมี 3–40 ตัว ใช้ตัวอักษรอังกฤษ ตัวเลข จุด ขีด หรือขีดล่าง',
  'whole satang as digits': 'จำนวนเงินต้องเป็นจำนวนสตางค์ (ตัวเลขเต็ม)',
  'Must be more than zero': 'จำนวนเงินต้องมากกว่าศูนย์',
  'Must not be negative': 'จำนวนเงินต้องไม่ติดลบ',
  'TH, a 2-digit province code or a 4-digit district code': 'รหัสหน่วยงานต้องเป็น TH รหัสจังหวัด 2 หลัก หรือรหัสอำเภอ 4 หลัก',
  'TH or a 2-digit province code': 'รหัสหน่วยงานต้องเป็น TH หรือรหัสจังหวัด 2 หลัก',
  'a 2-digit province code': 'ต้องเป็นรหัสจังหวัด 2 หลัก',
  'a 4-digit district code': 'ต้องเป็นรหัสอำเภอ 4 หลัก',
  'not a calendar date': 'ไม่มีวันที่นี้ในปฏิทิน',
  'contains a NUL character': 'มีอักขระควบคุมที่ไม่อนุญาต (NUL)',
  'At least one client: a person or a group': 'ต้องมีผู้รับบริการอย่างน้อยหนึ่งราย (บุคคลหรือกลุ่ม)',
  'Required for outreach': 'บริการเชิงรุกต้องระบุลักษณะการออกหน่วย',
  'A service at the center has no outreach kind or trip': 'บริการเชิงรับที่ศูนย์ฯ ไม่มีลักษณะการออกหน่วยหรือรอบการออกหน่วย',
  'Must be after the service date': 'วันติดตามผลต้องอยู่หลังวันที่ให้บริการ',
  'A follow-up status needs a follow-up date': 'สถานะการติดตามผลต้องมีวันติดตามผล',
  'a knowledge topic code (topic_…)': 'ต้องเป็นรหัสหัวข้อองค์ความรู้',
  'Must not be before the start date': 'วันสิ้นสุดต้องไม่ก่อนวันเริ่ม',
  'A vendor is needed unless the procurement method is none': 'ต้องระบุผู้ขายหรือผู้รับจ้าง เว้นแต่ไม่มีการจัดซื้อจัดจ้าง',
  'A training needs its knowledge topic': 'การอบรมต้องระบุหัวข้อองค์ความรู้',
  'Only a training has a knowledge topic': 'ระบุหัวข้อองค์ความรู้ได้เฉพาะการอบรม',
  'A market event needs its kind': 'กิจกรรมตลาดต้องระบุประเภทตลาดหรืองาน',
  'Only a market event has a market kind': 'ระบุประเภทตลาดได้เฉพาะกิจกรรมตลาด',
  'Each person once': 'มีรายชื่อบุคคลซ้ำกัน',
  'One row per group per day': 'ยอดขายของกลุ่มหนึ่งในวันหนึ่งบันทึกได้รายการเดียว',
  'A short-term plan covers one fiscal year': 'แผนระยะสั้นครอบคลุมปีงบประมาณเดียว',
  'A long-term plan covers more than one fiscal year': 'แผนระยะยาวต้องครอบคลุมมากกว่าหนึ่งปีงบประมาณ',
  'A plan covers at most ten fiscal years': 'แผนครอบคลุมได้ไม่เกินสิบปีงบประมาณ',
  'Must not be before the start': 'วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น',
  'Choose a group or a product, not both': 'เลือกกลุ่มหรือผลิตภัณฑ์อย่างใดอย่างหนึ่ง',
  'Required for an approval': 'การอนุมัติต้องระบุวงเงินที่อนุมัติ',
  'Required for a decision': 'ต้องระบุวันที่พิจารณา',
  'Only an approval has an amount, a reason or a received date': 'เฉพาะการอนุมัติเท่านั้นที่มีวงเงิน เหตุผล หรือวันที่ได้รับเงิน',
  'Only an approval or a rejection has a decision date': 'เฉพาะการอนุมัติหรือไม่อนุมัติเท่านั้นที่มีวันที่พิจารณา',
  'Cannot be before the opening time': 'เวลาเลิกประชุมต้องไม่ก่อนเวลาเริ่มประชุม',
  'Cannot be before the decision': 'วันที่ได้รับเงินต้องไม่ก่อนวันที่อนุมัติ',
  'Required for this kind of outcome': 'ผลลัพธ์ประเภทนี้ต้องระบุหลักฐานช่องนี้',
  'Not for this kind of outcome': 'ช่องนี้ไม่ใช้กับผลลัพธ์ประเภทนี้',
  'Cannot be before the event date': 'วันที่รายงานต้องไม่ก่อนวันที่เกิดผลลัพธ์',
  'The periods are out of order': 'ช่วงเวลาไม่ถูกต้อง: ช่วงก่อนต้องจบก่อนช่วงหลังเริ่ม และแต่ละช่วงต้องเริ่มก่อนจบ',
  'A client: a person, a group or a name': 'ต้องระบุผู้ขอ: บุคคล กลุ่ม หรือชื่อผู้ขอ',
  'Say why it is declined': 'กรุณาระบุเหตุผลที่ไม่รับคำขอ',
  'From a request or a service': 'ต้องส่งต่อจากคำขอหรือจากการให้บริการ',
  'Choose the partner': 'กรุณาเลือกภาคีเครือข่าย',
  'Only for a partner': 'ระบุภาคีเครือข่ายได้เฉพาะการส่งต่อถึงภาคีเครือข่าย',
  'Name the agency': 'กรุณาระบุชื่อหน่วยงานที่ส่งต่อ',
  'The date of the result': 'กรุณาระบุวันที่ทราบผล',
  'A person of the district or a name': 'กรุณาเลือกบุคคลในอำเภอหรือพิมพ์ชื่อ',
  'On or after the start of the term': 'วันสิ้นสุดวาระต้องไม่ก่อนวันเริ่มวาระ',
  'The same person twice': 'บุคคลนี้อยู่ในรายชื่อแล้ว',
  'Both latitude and longitude': 'กรุณาระบุทั้งละติจูดและลองจิจูด',
  'decimal degrees': 'กรุณาระบุเป็นองศาทศนิยม เช่น 15.2287',
  'between -90 and 90': 'ละติจูดต้องอยู่ระหว่าง -90 ถึง 90',
  'between -180 and 180': 'ลองจิจูดต้องอยู่ระหว่าง -180 ถึง 180',
  'Say what to change': 'กรุณาระบุความเห็นว่าให้แก้ไขอะไร',
};

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
