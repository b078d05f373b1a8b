// The demo's registers: a mark for every pupil on roll for every session from September 2025 to today, in
// absence episodes (illness for a day or three, unauthorised holidays of a week or so, odd days off) and lates
// with minutes; and the registers taken. Today's morning is mostly taken (two groups not yet); the afternoon not.
import { addDays, type IsoDate } from '../../../shared/dates';
import type { Store } from '../db/connection';
import type { Rng } from './rng';

/** A demo pupil, with how likely they are to be absent and how much of it unauthorised. */
export interface DemoPupil {
  id: number;
  yearIdx: number;
  group: string;
  admission: IsoDate;
  leaving: IsoDate | null;
  rate: number;
  unauthShare: number;
  fsm: boolean;
}

interface Episode {
  code: string;
  left: number;
}
interface DemoMark {
  code: string;
  minutes: number | null;
  note: string | null;
}
type Write = (d: IsoDate, s: 'AM' | 'PM', m: DemoMark) => void;

/** Unauthorised: mostly O, then G (holidays not granted), U (late after the register closed) and N. */
function unauthorisedCode(x: number): string {
  return x < 0.5 ? 'O' : x < 0.62 ? 'G' : x < 0.85 ? 'U' : 'N';
}

/** Authorised: mostly illness, then appointments, leave granted, religious observance and other reasons. */
function authorisedCode(x: number): string {
  return x < 0.72 ? 'I' : x < 0.82 ? 'M' : x < 0.9 ? 'C' : x < 0.95 ? 'R' : 'E';
}

/** Whether an absence starts this morning, with its code and how many days it lasts. */
function episodeStart(r: Rng, p: DemoPupil): Episode | null {
  if (!r.chance(p.rate * 0.55)) {
    return null;
  }
  const x = r.next();
  const code = r.chance(p.unauthShare) ? unauthorisedCode(x) : authorisedCode(x);
  const left = code === 'G' ? r.int(3, 8) : code === 'I' ? (r.chance(0.5) ? 1 : r.int(2, 3)) : 1;
  return { code, left };
}

/** One session's mark: the episode's code (M and U are mornings only), else present, sometimes late, and today
 * sometimes an unexplained N for the calling list. */
function demoMark(r: Rng, episode: Episode | null, s: 'AM' | 'PM', d: IsoDate, today: IsoDate): DemoMark {
  const m: DemoMark = { code: s === 'AM' ? '/' : '\\', minutes: null, note: null };
  if (episode) {
    const c = episode.code;
    if (!((c === 'M' || c === 'U') && s === 'PM')) {
      m.code = c;
    }
    if (m.code === 'U') {
      m.minutes = r.int(31, 70);
    }
    if (c === 'C') {
      m.note = 'Family funeral (leave granted by the headteacher)';
    }
    if (c === 'R') {
      m.note = 'Eid al-Fitr';
    }
    // An old N has been resolved to O.
    if (c === 'N' && addDays(d, 14) < today) {
      m.code = 'O';
    }
  } else if (s === 'AM' && r.chance(0.018)) {
    m.code = 'L';
    m.minutes = r.int(2, 28);
  } else if (d === today && r.chance(0.02)) {
    m.code = 'N';
  }
  return m;
}

/** A pupil's marks on the school days they were on roll, skipping today's sessions not yet taken. */
function pupilMarks(
  r: Rng,
  p: DemoPupil,
  days: IsoDate[],
  today: IsoDate,
  untaken: Set<string>,
  write: Write,
) {
  let episode: Episode | null = null;
  for (const d of days) {
    if (d < p.admission || (p.leaving && d > p.leaving)) {
      continue;
    }
    for (const s of ['AM', 'PM'] as const) {
      if (d === today && (s === 'PM' || untaken.has(p.group))) {
        continue;
      }
      if (s === 'AM') {
        if (episode && episode.left <= 0) {
          episode = null;
        }
        episode ??= episodeStart(r, p);
      }
      write(d, s, demoMark(r, episode, s, d, today));
    }
    if (episode) {
      episode.left--;
    }
  }
}

/** Writes every pupil's marks and the registers taken on the school days given; returns the number of marks. */
export function writeDemoRegisters(
  store: Store,
  pupils: DemoPupil[],
  r: Rng,
  days: IsoDate[],
  today: IsoDate,
) {
  const db = store.db;
  const groups = [...new Set(pupils.map((p) => p.group))].sort();
  const untaken = new Set(groups.slice(-2));
  const insMark = db.prepare(
    'INSERT INTO marks (pupil_id, date, session, code, minutes_late, note, source, recorded_by, recorded_at) ' +
      "VALUES (?, ?, ?, ?, ?, ?, 'demo', 'Demo office', ?)",
  );
  const insReg = db.prepare(
    'INSERT INTO registers_taken (date, session, reg_group, taken_by, taken_at) VALUES (?, ?, ?, ?, ?)',
  );
  let marks = 0;
  for (const p of pupils) {
    pupilMarks(r, p, days, today, untaken, (d, s, m) => {
      insMark.run(p.id, d, s, m.code, m.minutes, m.note, `${d}T08:45:00.000Z`);
      marks++;
    });
  }
  for (const d of days) {
    for (const g of groups) {
      for (const s of ['AM', 'PM'] as const) {
        if (d === today && (s === 'PM' || untaken.has(g))) {
          continue;
        }
        insReg.run(d, s, g, 'Demo office', `${d}T${s === 'AM' ? '08:55' : '13:30'}:00.000Z`);
      }
    }
  }
  return marks;
}
