// The leave decision letter (docs/rules/letters.md §1.3 row 8): the merge fields of one decision, rendered
// through the letters engine's `leave-granted` / `leave-refused` templates. decisionLetterFields is the one
// source of its facts.
import { createHash } from 'node:crypto';
import { LEAVE_KIND_LABELS } from '../../../shared/channels/leave';
import { codeOn } from '../../../shared/codes';
import { formatLongDate, isCompulsoryAge, type IsoDate } from '../../../shared/dates';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { startLetters } from '../letters/letters.service';
import { loadCalendar } from '../calendar/calendar.service';
import { readSchool } from '../school/school.service';
import { loadPupil } from '../pupils/load';
import { loadDecision, loadRequest } from './records';
import { requestedSessions } from './rules';
import { knownAs } from '../../../shared/names';

const SESSION_WORDS = { AM: 'morning', PM: 'afternoon' } as const;
const sessionPhrase = (d: IsoDate, s: 'AM' | 'PM') => `${formatLongDate(d, true)} (${SESSION_WORDS[s]})`;

/** The first school session after (date, session), as a phrase. */
function nextSessionAfter(ctx: Ctx, d: IsoDate, s: 'AM' | 'PM'): string {
  if (s === 'AM') {
    return `${formatLongDate(d, true)} (afternoon)`;
  }
  const next = loadCalendar(ctx.store.db).nthSchoolDayAfter(d, 1);
  return next ? `${formatLongDate(next, true)} (morning)` : 'the first day of the next term';
}

type Decision = ReturnType<typeof loadDecision>;
type Request = ReturnType<typeof loadRequest>;
type Pupil = ReturnType<typeof loadPupil>;
type School = NonNullable<ReturnType<typeof readSchool>>;

/** Merge fields of docs/rules/letters.md §1.2 and row 8 for one decision. Values are plain text, dates en-GB
 * long. */
export function decisionLetterFields(ctx: Ctx, decisionId: number): Record<string, string> {
  const db = ctx.store.db;
  const d = loadDecision(ctx.store.orm, decisionId);
  const r = loadRequest(ctx.store.orm, d.requestId);
  const p = loadPupil(ctx.store.orm, r.pupilId);
  const school = readSchool(db);
  if (!school) {
    throw new AppError('not_found', 'Set the school up first.');
  }
  return {
    ...letterFields(ctx, school, d, r, p),
    ...requestFields(ctx, r),
    ...decisionFields(ctx, d, r, isCompulsoryAge(p.dob, r.fromDate), knownAs(p)),
  };
}

/** The school, the letter, its recipient, the pupil and who signs. */
function letterFields(ctx: Ctx, school: School, d: Decision, r: Request, p: Pupil): Record<string, string> {
  return {
    'school.name': school.name,
    'school.address': school.address ?? '',
    'school.phone': '',
    'school.email': '',
    'head.name': d.deciderName,
    'champion.name': school.championName ?? '',
    'champion.role': school.championPosition ?? '',
    'letter.date': formatLongDate(ctx.today()),
    'letter.reference': `LOA-${r.id}-${d.id}`,
    'recipient.salutation': `Dear ${r.requesterName}`,
    'recipient.names': r.requesterName,
    'recipient.address': r.requesterAddress ?? p.address ?? '',
    'pupil.forename': p.forename,
    'pupil.preferredName': knownAs(p),
    'pupil.surname': p.surname,
    'pupil.yearGroup': p.yearGroup,
    'pupil.regGroup': p.regGroup,
    'pupil.yearName':
      p.yearGroup === 'R' ? 'Reception' : /^N/.test(p.yearGroup) ? 'Nursery' : `Year ${p.yearGroup}`,
    'signatory.name': d.deciderName,
    'signatory.position': d.deciderPosition,
    'decider.name': d.deciderName,
    'decider.position': d.deciderPosition,
  };
}

/** What was asked for: the kind of leave, when it was received, the days and sessions. */
function requestFields(ctx: Ctx, r: Request): Record<string, string> {
  const asked = requestedSessions(loadCalendar(ctx.store.db), r);
  return {
    'leave.kind': LEAVE_KIND_LABELS[r.kind],
    'leave.received': formatLongDate(r.dateReceived),
    'leave.from': formatLongDate(r.fromDate, true),
    'leave.to': formatLongDate(r.toDate, true),
    'leave.fromSession': sessionPhrase(r.fromDate, r.fromSession),
    'leave.toSession': sessionPhrase(r.toDate, r.toSession),
    'leave.daysRequested': String(new Set(asked.map((s) => s.date)).size),
    'leave.sessionsRequested': String(asked.length),
  };
}

/** What the head decided: granted, in part or refused, the sessions and code, the return date and what follows
 * from absence on days not granted. */
function decisionFields(
  ctx: Ctx,
  d: Decision,
  r: Request,
  compulsory: boolean,
  name: string,
): Record<string, string> {
  const first = d.sessions[0];
  const last = d.sessions[d.sessions.length - 1];
  const decisionWord =
    d.outcome === 'granted' ? 'granted' : d.outcome === 'part' ? 'granted in part' : 'refused';
  let returnDate = '';
  if (d.outcome === 'granted') {
    returnDate = nextSessionAfter(ctx, r.toDate, r.toSession);
  } else if (d.outcome === 'part' && last) {
    returnDate = nextSessionAfter(ctx, last.date, last.session);
  }
  return {
    'leave.decision': decisionWord,
    'leave.outcome': d.outcome,
    'leave.daysGranted': String(d.daysGranted),
    'leave.sessionsGranted': String(d.sessionsGranted),
    'leave.grantedFrom': first ? sessionPhrase(first.date, first.session) : '',
    'leave.grantedTo': last ? sessionPhrase(last.date, last.session) : '',
    'leave.code': d.code ?? '',
    'leave.codeLabel': d.code ? (codeOn(d.code, r.fromDate)?.label ?? d.code) : '',
    'leave.reason': d.reason,
    'leave.returnDate': returnDate,
    'leave.consequences': consequencesOf(d, compulsory, name),
    'leave.compulsoryAge': compulsory ? 'yes' : 'no',
    'decision.date': formatLongDate(d.decidedAt.slice(0, 10)),
  };
}

/** What absence on days not granted means: unauthorised (G), and for a pupil of compulsory school age the
 * penalty notice the school must consider. */
function consequencesOf(d: Decision, compulsory: boolean, name: string): string {
  if (d.outcome === 'granted') {
    return '';
  }
  const taken = d.outcome === 'refused' ? 'the days asked for' : 'any day beyond those granted';
  if (!compulsory) {
    return `If ${name} is absent on ${taken}, the absence will be recorded as unauthorised.`;
  }
  return (
    `If ${name} is absent on ${taken}, the absence will be recorded as unauthorised (holiday not granted, code G). ` +
    'Unauthorised absence of 10 or more sessions within 10 school weeks means the school must consider ' +
    "whether a penalty notice is appropriate under the local authority's code of conduct."
  );
}

/** The fields the letters engine's leave templates take from a decision (templates.ts, leave-granted/leave-refused). */
const SHARED_KEYS = [
  'leave.from',
  'leave.to',
  'leave.decision',
  'leave.sessionsGranted',
  'leave.reason',
  'decider.name',
  'decider.position',
];
const GRANTED_KEYS = ['leave.grantedFrom', 'leave.grantedTo', 'leave.returnDate'];

/**
 * The decision letter through the letters engine: the school's own `leave-granted` or `leave-refused` template,
 * merged, guarded and logged on the pupil like every letter; the file is also kept against the decision
 * (leave_letters). Letters merge asynchronously, so this starts a job the screen follows with letters.job.
 */
export function decisionLetter(
  ctx: Ctx,
  { decisionId }: { decisionId: number },
): { jobId: string; letters: number } {
  const db = ctx.store.db;
  const d = loadDecision(ctx.store.orm, decisionId);
  const r = loadRequest(ctx.store.orm, d.requestId);
  const f = decisionLetterFields(ctx, decisionId);
  const granted = d.outcome !== 'refused';
  const extra: Record<string, string> = {};
  for (const k of [...SHARED_KEYS, ...(granted ? GRANTED_KEYS : [])]) {
    extra[k] = f[k] ?? '';
  }
  if (d.outcome === 'part') {
    extra['leave.partNote'] = f['leave.consequences'];
  }
  // The person who decided signs the letter (reg 11: the head or a person the head authorised).
  extra['signatory.name'] = d.deciderName;
  extra['signatory.position'] = d.deciderPosition;
  const started = startLetters(
    ctx,
    { template: granted ? 'leave-granted' : 'leave-refused', pupilIds: [r.pupilId], extra },
    (letters) => {
      for (const l of letters) {
        const buf = Buffer.from(l.bytes);
        const sha256 = createHash('sha256').update(buf).digest('hex');
        const letterId = Number(
          db
            .prepare(
              `INSERT INTO leave_letters (decision_id, pupil_id, file_name, sha256, bytes, generated_by, generated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(decisionId, r.pupilId, l.fileName, sha256, buf, ctx.session.userName, ctx.now())
            .lastInsertRowid,
        );
        ctx.audit('leave.letter', 'leave_request', r.id, {
          decisionId,
          letterId,
          letterLogId: l.logId,
          fileName: l.fileName,
          sha256,
        });
      }
    },
  );
  return { jobId: started.jobId, letters: started.letters };
}
