// The leave decision letter (letters-and-reports.md row 8): merge fields from one decision, and a plain .docx built
// with the docx library. The letters engine (templates `leave-granted`, `leave-refused`) replaces
// renderDecisionLetter at merge; decisionLetterFields stays the one source of the letter's facts.
import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, TextRun, type FileChild } from 'docx';
import { LEAVE_KIND_LABELS } from '../../../shared/channels/leave';
import { codeOn } from '../../../shared/codes';
import { formatLongDate, isCompulsoryAge, type IsoDate } from '../../../shared/dates';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { loadCalendar } from '../calendar/calendar.service';
import { readSchool } from '../school/school.service';
import { loadDecision, loadPupil, loadRequest, requestedSessions } from './leave.service';

const SESSION_WORDS = { AM: 'morning', PM: 'afternoon' } as const;
const sessionPhrase = (d: IsoDate, s: 'AM' | 'PM') => `${formatLongDate(d, true)} (${SESSION_WORDS[s]})`;

/** The first school session after (date, session), as a phrase. */
function nextSessionAfter(ctx: Ctx, d: IsoDate, s: 'AM' | 'PM'): string {
  if (s === 'AM') return `${formatLongDate(d, true)} (afternoon)`;
  const next = loadCalendar(ctx.store.db).nthSchoolDayAfter(d, 1);
  return next ? `${formatLongDate(next, true)} (morning)` : 'the first day of the next term';
}

/** Merge fields of letters-and-reports.md §1.2 and row 8 for one decision. Values are plain text, dates en-GB long. */
export function decisionLetterFields(ctx: Ctx, decisionId: number): Record<string, string> {
  const db = ctx.store.db;
  const d = loadDecision(db, decisionId);
  const r = loadRequest(db, d.requestId);
  const p = loadPupil(db, r.pupilId);
  const school = readSchool(db);
  if (!school) throw new AppError('not_found', 'Set the school up first.');
  const cal = loadCalendar(db);
  const asked = requestedSessions(cal, r);
  const compulsory = isCompulsoryAge(p.dob, r.fromDate);
  const first = d.sessions[0], last = d.sessions[d.sessions.length - 1];
  const decisionWord = d.outcome === 'granted' ? 'granted' : d.outcome === 'part' ? 'granted in part' : 'refused';
  const name = p.preferredForename ?? p.forename;
  const askedDays = new Set(asked.map((s) => s.date)).size;
  const codeLabel = d.code ? codeOn(d.code, r.fromDate)?.label ?? d.code : '';
  let returnDate = '';
  if (d.outcome === 'granted') returnDate = nextSessionAfter(ctx, r.toDate, r.toSession);
  else if (d.outcome === 'part' && last) returnDate = nextSessionAfter(ctx, last.date, last.session);
  const taken = d.outcome === 'refused' ? 'the days asked for' : 'any day beyond those granted';
  const consequences = d.outcome === 'granted' ? '' : compulsory
    ? `If ${name} is absent on ${taken}, the absence will be recorded as unauthorised (holiday not granted, code G). Unauthorised absence of 10 or more sessions within 10 school weeks means the school must consider whether a penalty notice is appropriate under the local authority's code of conduct.`
    : `If ${name} is absent on ${taken}, the absence will be recorded as unauthorised.`;
  return {
    'school.name': school.name, 'school.address': school.address ?? '', 'school.phone': '', 'school.email': '',
    'head.name': d.deciderName, 'champion.name': school.championName ?? '', 'champion.role': school.championPosition ?? '',
    'letter.date': formatLongDate(ctx.today()), 'letter.reference': `LOA-${r.id}-${d.id}`,
    'recipient.salutation': `Dear ${r.requesterName}`, 'recipient.names': r.requesterName, 'recipient.address': r.requesterAddress ?? p.address ?? '',
    'pupil.forename': p.forename, 'pupil.preferredName': name, 'pupil.surname': p.surname, 'pupil.yearGroup': p.yearGroup, 'pupil.regGroup': p.regGroup,
    'pupil.yearName': p.yearGroup === 'R' ? 'Reception' : /^N/.test(p.yearGroup) ? 'Nursery' : `Year ${p.yearGroup}`,
    'signatory.name': d.deciderName, 'signatory.position': d.deciderPosition,
    'decider.name': d.deciderName, 'decider.position': d.deciderPosition,
    'leave.kind': LEAVE_KIND_LABELS[r.kind], 'leave.received': formatLongDate(r.dateReceived),
    'leave.from': formatLongDate(r.fromDate, true), 'leave.to': formatLongDate(r.toDate, true),
    'leave.fromSession': sessionPhrase(r.fromDate, r.fromSession), 'leave.toSession': sessionPhrase(r.toDate, r.toSession),
    'leave.daysRequested': String(askedDays), 'leave.sessionsRequested': String(asked.length),
    'leave.decision': decisionWord, 'leave.outcome': d.outcome,
    'leave.daysGranted': String(d.daysGranted), 'leave.sessionsGranted': String(d.sessionsGranted),
    'leave.grantedFrom': first ? sessionPhrase(first.date, first.session) : '', 'leave.grantedTo': last ? sessionPhrase(last.date, last.session) : '',
    'leave.code': d.code ?? '', 'leave.codeLabel': codeLabel,
    'leave.reason': d.reason, 'leave.returnDate': returnDate, 'leave.consequences': consequences,
    'leave.compulsoryAge': compulsory ? 'yes' : 'no', 'decision.date': formatLongDate(d.decidedAt.slice(0, 10)),
  };
}

const para = (text: string, opts: { bold?: boolean; after?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; size?: number } = {}) =>
  new Paragraph({ alignment: opts.align, spacing: { after: opts.after ?? 160 }, children: [new TextRun({ text, bold: opts.bold, size: opts.size })] });
const lines = (text: string, after = 0) => text.split(/\n|,\s*(?=[A-Z0-9])/).filter(Boolean).map((l, i, all) => para(l.trim(), { after: i === all.length - 1 ? after : 0 }));

/** The letter's body, from the fields only (so the letters engine's templates say the same). */
export function decisionLetterParagraphs(f: Record<string, string>): FileChild[] {
  const out: FileChild[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 60 }, children: [new TextRun({ text: f['school.name'], bold: true, size: 32 })] }),
    ...(f['school.address'] ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '444444', space: 4 } }, children: [new TextRun({ text: f['school.address'], size: 20 })] })] : []),
    para(f['letter.date'], { align: AlignmentType.RIGHT, after: 60 }),
    para(`Reference: ${f['letter.reference']}`, { align: AlignmentType.RIGHT, after: 240, size: 18 }),
    para(f['recipient.names'], { after: 0 }),
    ...lines(f['recipient.address'], 240),
    para(`${f['recipient.salutation']},`),
    para(`Request for leave of absence: ${f['pupil.preferredName']} ${f['pupil.surname']}, ${f['pupil.yearName']} (${f['pupil.regGroup']})`, { bold: true }),
    para(`Thank you for your request, received on ${f['leave.received']}, for ${f['pupil.preferredName']} to be absent from ${f['leave.fromSession']} to ${f['leave.toSession']} (${f['leave.daysRequested']} school day${f['leave.daysRequested'] === '1' ? '' : 's'}) for: ${f['leave.kind'].toLowerCase()}.`),
  ];
  if (f['leave.outcome'] === 'granted') {
    out.push(para(`I have granted this leave in full: ${f['leave.sessionsGranted']} sessions, from ${f['leave.grantedFrom']} to ${f['leave.grantedTo']}. They will be recorded in the attendance register as authorised absence (${f['leave.code']}: ${f['leave.codeLabel']}).`));
  } else if (f['leave.outcome'] === 'part') {
    out.push(para(`I have granted part of this leave: ${f['leave.daysGranted']} school day${f['leave.daysGranted'] === '1' ? '' : 's'} (${f['leave.sessionsGranted']} sessions), from ${f['leave.grantedFrom']} to ${f['leave.grantedTo']}, recorded as authorised absence (${f['leave.code']}: ${f['leave.codeLabel']}). The rest of the time asked for is not granted.`));
  } else {
    out.push(para('I am sorry that I have not been able to grant this leave. Leave of absence can be granted only in exceptional circumstances, and I did not judge the circumstances described to be exceptional.'));
  }
  out.push(para(`My reason: ${f['leave.reason']}`));
  if (f['leave.returnDate']) out.push(para(`We look forward to seeing ${f['pupil.preferredName']} back in school on ${f['leave.returnDate']}.`));
  else out.push(para(`We expect ${f['pupil.preferredName']} in school on every day of the dates asked for.`));
  if (f['leave.consequences']) out.push(para(f['leave.consequences']));
  out.push(para('If you would like to talk about this decision, please contact the school office.', { after: 360 }));
  out.push(para('Yours sincerely,', { after: 600 }));
  out.push(para(f['signatory.name'], { bold: true, after: 0 }));
  out.push(para(f['signatory.position'], { after: 0 }));
  return out;
}

/** docx's Packer only offers promises, but its compile and zip steps are synchronous (docx 9 zips with fflate);
 * the core's handlers are synchronous (one SQLite transaction), so the package is compiled and zipped here. */
function packSync(doc: Document): Uint8Array {
  const compiler = (Packer as unknown as { compiler?: { compile(file: Document): Map<string, string | Uint8Array> } }).compiler;
  if (!compiler || typeof compiler.compile !== 'function') throw new AppError('internal', 'This version of the docx library cannot build letters synchronously.');
  const enc = new TextEncoder();
  const files: Record<string, Uint8Array> = {};
  for (const [path, data] of compiler.compile(doc)) files[path] = typeof data === 'string' ? enc.encode(data) : new Uint8Array(data);
  return zipSync(files);
}

export function renderDecisionLetter(ctx: Ctx, decisionId: number): { fileName: string; bytes: Uint8Array } {
  const f = decisionLetterFields(ctx, decisionId);
  const doc = new Document({
    creator: f['school.name'], title: `Leave of absence decision: ${f['pupil.preferredName']} ${f['pupil.surname']}`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [{ properties: { page: { margin: { top: 1000, bottom: 1000, left: 1200, right: 1200 } } }, children: decisionLetterParagraphs(f) }],
  });
  const safe = `${f['pupil.surname']}-${f['pupil.forename']}`.replace(/[^A-Za-z0-9-]+/g, '');
  return { fileName: `Leave-decision-${safe}-${f['letter.reference']}.docx`, bytes: packSync(doc) };
}

/** leave.decisionLetter: produce the letter, keep the exact bytes in the pupil's letter log, return them. */
export function decisionLetter(ctx: Ctx, { decisionId }: { decisionId: number }): { fileName: string; base64: string; letterId: number } {
  const d = loadDecision(ctx.store.db, decisionId);
  const r = loadRequest(ctx.store.db, d.requestId);
  const { fileName, bytes } = renderDecisionLetter(ctx, decisionId);
  const buf = Buffer.from(bytes);
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const letterId = Number(ctx.store.db.prepare('INSERT INTO leave_letters (decision_id, pupil_id, file_name, sha256, bytes, generated_by, generated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(decisionId, r.pupilId, fileName, sha256, buf, ctx.session.userName, ctx.now()).lastInsertRowid);
  ctx.audit('leave.letter', 'leave_request', r.id, { decisionId, letterId, fileName, sha256 });
  return { fileName, base64: buf.toString('base64'), letterId };
}
