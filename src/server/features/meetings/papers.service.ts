/**
 * The invitation and the minutes as PDFs on the district office's outgoing-document register: the first download
 * issues the number, every later one reuses it (and its date).
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../access';
import { thaiToday } from '../../clock';
import type { Db } from '../../db/client';
import { codeLists, orgUnits } from '../../db/schema';
import type { Digits } from '../../documents/pdf';
import { AppError } from '../../errors';
import { emblemDataUrl } from '../outgoing-documents/emblem.service';
import { getLetterhead, issueDocument } from '../outgoing-documents/outgoing-documents.service';
import { centerName, invitationPdf, invitationSubject, meetingTitle, minutesPdf } from './meeting.documents';
import { meetingToPrint } from './meetings.service';

export type Paper = 'invitation' | 'minutes';
const RECORD_TYPE: Record<Paper, string> = { invitation: 'meeting_invitation', minutes: 'meeting_minutes' };

export async function meetingPaper(db: Db, actor: Actor, id: number, paper: Paper, digits: Digits) {
  const meeting = await meetingToPrint(db, actor, id);
  if (paper === 'minutes' && meeting.status !== 'held') throw new AppError('meeting.not_held');
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.code, meeting.orgUnitCode));
  // An invitation goes out before the meeting (today, or the day itself when printed late); minutes are dated the meeting day.
  const today = thaiToday();
  const date = paper === 'minutes' || today > meeting.heldOn ? meeting.heldOn : today;
  const document = await db.transaction((tx) =>
    issueDocument(tx, actor, {
      unit: meeting.orgUnitCode,
      date,
      subject: paper === 'invitation' ? invitationSubject(unit) : meetingTitle(unit, meeting),
      addressee: centerName(unit),
      recordType: RECORD_TYPE[paper],
      recordId: id,
      circular: false,
    }),
  );
  const letterhead = await getLetterhead(db, actor, meeting.orgUnitCode);
  const positions = await db
    .select({ code: codeLists.code, name: codeLists.nameTh })
    .from(codeLists)
    .where(eq(codeLists.list, 'committee_position'));
  const details = {
    unit,
    number: document.number,
    date: document.documentDate,
    phone: letterhead.phone,
    email: letterhead.email,
    emblem: await emblemDataUrl(db),
    digits,
    positions: new Map(positions.map((p) => [p.code, p.name])),
  };
  const pdf = await (paper === 'invitation' ? invitationPdf(meeting, details) : minutesPdf(meeting, details));
  return { document, pdf, filename: `${paper}-${meeting.orgUnitCode}-${meeting.fiscalYear}-${meeting.number}.pdf` };
}
