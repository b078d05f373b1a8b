// A deterministic, realistic demo school: pupils in families with contacts, cohort flags at about national
// rates, two academic years of calendar, and marks from September 2025 up to today whose mix matches national
// figures (about 7% absence, about 20% persistently and 2% severely absent, illness the largest reason,
// some holidays not granted, lates with minutes). Today's morning registers are mostly taken; the afternoon not yet.
import type { Store } from '../db/connection';
import type { CalendarRange } from '../../../shared/calendar';
import { Calendar } from '../../../shared/calendar';
import { addDays, eachDate, type IsoDate } from '../../../shared/dates';
import { makeUpn } from '../../../shared/upn';
import { makeCtx, localToday } from '../context';
import { createSchool } from '../school/school.service';
import { addRange } from '../calendar/calendar.service';
import { writePupil } from '../pupils/pupils.service';
import { BOYS, DADS, GIRLS, MUMS, STREETS, SURNAMES } from './names';
import type { Session } from '../../../shared/contract';
import { createDemoLeave } from '../leave/demo-leave';
import { createDemoArrangements } from '../arrangements/demo-arrangements';
import { createDemoAccounts } from '../auth/demo-accounts';
import { seedDemoLetters } from '../letters/demo-letters';
import { createDemoCasework } from '../casework/demo-casework';

export interface DemoOptions {
  pupils?: number;
  seed?: number;
  kind?: 'primary' | 'secondary';
  today?: IsoDate;
}
export interface DemoReport {
  pupils: number;
  marks: number;
  from: IsoDate;
  to: IsoDate;
}

const DEMO_SESSION: Session = { userName: 'Demo setup', position: 'System', roles: ['admin', 'head'] };

/** mulberry32: a small, fast, deterministic PRNG. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}

export const DEMO_RANGES: CalendarRange[] = [
  { dateFrom: '2025-09-01', dateTo: '2025-10-24', kind: 'term', label: 'Autumn 1' },
  { dateFrom: '2025-09-01', dateTo: '2025-09-02', kind: 'closure', label: 'INSET days' },
  { dateFrom: '2025-11-03', dateTo: '2025-12-19', kind: 'term', label: 'Autumn 2' },
  { dateFrom: '2026-01-05', dateTo: '2026-02-13', kind: 'term', label: 'Spring 1' },
  { dateFrom: '2026-01-05', dateTo: '2026-01-05', kind: 'closure', label: 'INSET day' },
  { dateFrom: '2026-02-23', dateTo: '2026-03-27', kind: 'term', label: 'Spring 2' },
  { dateFrom: '2026-04-13', dateTo: '2026-05-22', kind: 'term', label: 'Summer 1' },
  { dateFrom: '2026-06-01', dateTo: '2026-07-22', kind: 'term', label: 'Summer 2' },
  { dateFrom: '2026-09-01', dateTo: '2026-10-23', kind: 'term', label: 'Autumn 1' },
  { dateFrom: '2026-09-01', dateTo: '2026-09-02', kind: 'closure', label: 'INSET days' },
  { dateFrom: '2026-11-02', dateTo: '2026-12-18', kind: 'term', label: 'Autumn 2' },
  { dateFrom: '2027-01-04', dateTo: '2027-02-12', kind: 'term', label: 'Spring 1' },
  { dateFrom: '2027-01-04', dateTo: '2027-01-04', kind: 'closure', label: 'INSET day' },
  { dateFrom: '2027-02-22', dateTo: '2027-03-25', kind: 'term', label: 'Spring 2' },
  { dateFrom: '2027-04-12', dateTo: '2027-05-28', kind: 'term', label: 'Summer 1' },
  { dateFrom: '2027-06-07', dateTo: '2027-07-21', kind: 'term', label: 'Summer 2' },
];

const PRIMARY_CLASSES = ['Oak', 'Ash', 'Birch', 'Elm'];

interface DemoPupil {
  id: number;
  yearIdx: number;
  group: string;
  admission: IsoDate;
  leaving: IsoDate | null;
  rate: number;
  unauthShare: number;
  fsm: boolean;
}

export function createDemoSchool(store: Store, opts: DemoOptions): DemoReport {
  const kind = opts.kind ?? 'primary';
  const total = opts.pupils ?? (kind === 'primary' ? 420 : 1000);
  const r = rng(opts.seed ?? 2026);
  const today = opts.today ?? localToday();
  const ctx = makeCtx(store, DEMO_SESSION);
  const db = store.db;
  const years = kind === 'primary' ? ['R', '1', '2', '3', '4', '5', '6'] : ['7', '8', '9', '10', '11'];
  const firstYearIdx = kind === 'primary' ? 0 : 7; // R = 0 years after Reception, Year 7 = 7
  const perYear = Math.ceil(total / years.length);
  const groupsPerYear = Math.max(1, Math.round(perYear / (kind === 'primary' ? 30 : 28)));
  const groupName = (y: number, g: number) =>
    kind === 'primary'
      ? `${years[y]} ${PRIMARY_CLASSES[g % PRIMARY_CLASSES.length]}${g >= PRIMARY_CLASSES.length ? g : ''}`
      : `${years[y]}${String.fromCharCode(65 + g)}`;
  const academicStart = 2026; // the demo's current school year is 2026/27
  const demoFrom: IsoDate = '2025-09-01';

  const pupils: DemoPupil[] = [];
  db.transaction(() => {
    createSchool(
      ctx,
      {
        name: kind === 'primary' ? 'Riverside Primary School' : 'Riverside Academy',
        urn: kind === 'primary' ? '100000' : '100001',
        laCode: '801',
        estab: kind === 'primary' ? '2000' : '4000',
        address: '1 School Lane, Riverside, RV1 2AB',
        amOpens: '08:40',
        pmOpens: '13:15',
        registerOpenMinutes: 30,
        championName: 'Mrs J. Okafor',
        championPosition: 'Deputy Headteacher and Senior Attendance Champion',
        officerName: 'Mr D. Patel',
        officerPhone: '01632 960003',
        officerEmail: 'd.patel@riverside.example.sch.uk',
        parentUpdates: 'every term',
        atRiskLowerPct: 5,
      },
      { demo: true },
    );
    for (const rg of DEMO_RANGES) {
      addRange(ctx, rg);
    }
    seedDemoLetters(store);

    const filled = years.map(() => 0);
    let serial = 0;
    while (filled.some((n) => n < perYear) && serial < total) {
      const surname = r.pick(SURNAMES);
      const street = `${r.int(1, 180)} ${r.pick(STREETS)}, Riverside, RV${r.int(1, 9)} ${r.int(1, 9)}${r.pick(['AB', 'CD', 'EF', 'GH', 'JL', 'NP'])}`;
      const mum = `${r.pick(MUMS)} ${surname}`;
      const dad = `${r.pick(DADS)} ${r.chance(0.85) ? surname : r.pick(SURNAMES)}`;
      const separated = r.chance(0.25);
      const phone = () => `07700 900${String(r.int(0, 999)).padStart(3, '0')}`;
      const email = (n: string) => `${n.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`;
      const contacts = [
        {
          name: mum,
          relationship: 'Mother',
          phone: phone(),
          email: email(mum),
          address: street,
          livesWith: true,
          parentalResponsibility: true,
          emergency: true,
        },
        ...(r.chance(0.8)
          ? [
              {
                name: dad,
                relationship: 'Father',
                phone: phone(),
                email: email(dad),
                address: separated ? `${r.int(1, 90)} ${r.pick(STREETS)}, Riverside` : street,
                livesWith: !separated,
                parentalResponsibility: true,
                emergency: !separated,
              },
            ]
          : []),
        ...(r.chance(0.3)
          ? [
              {
                name: `${r.pick(MUMS)} ${r.pick(SURNAMES)}`,
                relationship: 'Grandparent',
                phone: phone(),
                email: null,
                address: null,
                livesWith: false,
                parentalResponsibility: false,
                emergency: true,
              },
            ]
          : []),
      ];
      const fsm = r.chance(0.24);
      const eal = r.chance(0.2);
      const kids = r.chance(0.6) ? 1 : r.chance(0.75) ? 2 : 3;
      for (let k = 0; k < kids && serial < total; k++) {
        const open = years.map((_, i) => i).filter((i) => filled[i] < perYear);
        if (!open.length) {
          break;
        }
        const y = r.pick(open);
        filled[y]++;
        serial++;
        const yearIdx = firstYearIdx + y;
        const sex = r.chance(0.5) ? 'F' : 'M';
        const born = addDays(`${academicStart - 5 - yearIdx}-09-01`, r.int(0, 364));
        const receptionStart = `${academicStart - yearIdx}-09-03`;
        const firstDay = kind === 'primary' ? receptionStart : `${academicStart - (yearIdx - 7)}-09-03`;
        const midYear = r.chance(0.04);
        const admission = midYear ? addDays('2025-09-08', r.int(0, 400)) : firstDay;
        const leaving = !midYear && r.chance(0.015) ? addDays('2025-10-01', r.int(0, 300)) : null;
        // 3 LA + 4 establishment + 5 serial digits: unique for any school size the demo allows
        const upn = makeUpn(`801${kind === 'primary' ? '2000' : '4000'}${String(serial).padStart(5, '0')}`);
        const sen = r.chance(0.13) ? 'K' : r.chance(0.03) ? 'E' : 'N';
        const flags = {
          fsm,
          sen: sen as 'N' | 'K' | 'E',
          cla: r.chance(0.01),
          socialWorker: r.chance(0.03),
          eal,
          boarder: false,
        };
        const fields = {
          upn,
          surname,
          forename: sex === 'F' ? r.pick(GIRLS) : r.pick(BOYS),
          preferredForename: null,
          dob: born,
          sex: sex as 'M' | 'F',
          yearGroup: years[y] as never,
          regGroup: groupName(y, r.int(0, groupsPerYear - 1)),
          admissionDate: admission > today ? firstDay : admission,
          leavingDate: leaving,
          ...flags,
        };
        writePupil(ctx, fields, contacts, 'demo');
        // The pupil just written.
        const id = db.prepare<[string], { id: number }>('SELECT id FROM pupils WHERE upn = ?').get(upn)!.id;
        if (leaving) {
          // Audited like any change of the register's facts (docs/records-integrity.md).
          const changes = { deletionGround: { from: null, to: '2024-9(1)(a)' } };
          ctx.audit('pupil.update', 'pupil', id, { source: 'demo', changes });
          db.prepare("UPDATE pupils SET deletion_ground = '2024-9(1)(a)' WHERE id = ?").run(id);
        }
        // the office sent each new-pupil return on time (reg 13)
        db.prepare(
          "INSERT INTO la_returns (pupil_id, kind, due, sent_at, method, sent_by, created_at) VALUES (?, 'new_pupil', ?, ?, 'LA portal', 'Demo office', ?)",
        ).run(id, addDays(fields.admissionDate, 5), addDays(fields.admissionDate, 2), ctx.now());
        // Absence propensity: a skewed mix so ~20% are persistently and ~2% severely absent.
        const u = r.next();
        const boost = fsm ? 1.35 : 1;
        const rate =
          u < 0.025
            ? 0.7 + r.next() * 0.25
            : u < 0.19
              ? Math.min(0.45, (0.105 + r.next() * 0.12) * boost)
              : Math.min(0.095, r.next() * 0.075 * boost);
        pupils.push({
          id,
          yearIdx,
          group: fields.regGroup,
          admission: fields.admissionDate,
          leaving,
          rate,
          unauthShare: rate > 0.1 ? 0.35 + r.next() * 0.3 : 0.12,
          fsm,
        });
      }
    }
  }).immediate();

  const cal = new Calendar({ ranges: DEMO_RANGES });
  const days = eachDate(demoFrom, today).filter((d) => cal.isSchoolDay(d));
  const groups = [...new Set(pupils.map((p) => p.group))].sort();
  const untakenToday = new Set(groups.slice(-2));
  const insMark = db.prepare(
    "INSERT INTO marks (pupil_id, date, session, code, minutes_late, note, source, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, 'demo', 'Demo office', ?)",
  );
  const insReg = db.prepare(
    'INSERT INTO registers_taken (date, session, reg_group, taken_by, taken_at) VALUES (?, ?, ?, ?, ?)',
  );
  let marks = 0;
  db.transaction(() => {
    for (const p of pupils) {
      let episode: { code: string; left: number } | null = null;
      for (const d of days) {
        if (d < p.admission || (p.leaving && d > p.leaving)) {
          continue;
        }
        const isToday = d === today;
        for (const s of ['AM', 'PM'] as const) {
          if (isToday && (s === 'PM' || untakenToday.has(p.group))) {
            continue;
          }
          let code: string = s === 'AM' ? '/' : '\\';
          let minutes: number | null = null;
          let note: string | null = null;
          if (s === 'AM') {
            if (episode && episode.left <= 0) {
              episode = null;
            }
            if (!episode && r.chance(p.rate * 0.55)) {
              const x = r.next();
              const unauth = r.chance(p.unauthShare);
              const c = unauth
                ? x < 0.5
                  ? 'O'
                  : x < 0.62
                    ? 'G'
                    : x < 0.85
                      ? 'U'
                      : 'N'
                : x < 0.72
                  ? 'I'
                  : x < 0.82
                    ? 'M'
                    : x < 0.9
                      ? 'C'
                      : x < 0.95
                        ? 'R'
                        : 'E';
              const len = c === 'G' ? r.int(3, 8) : c === 'I' ? (r.chance(0.5) ? 1 : r.int(2, 3)) : 1;
              episode = { code: c, left: len };
            }
          }
          if (episode) {
            const c = episode.code;
            if ((c === 'M' || c === 'U') && s === 'PM') {
              /* half-day only */
            } else {
              code = c;
            }
            if (code === 'U') {
              minutes = r.int(31, 70);
            }
            if (c === 'C') {
              note = 'Family funeral (leave granted by the headteacher)';
            }
            if (c === 'R') {
              note = 'Eid al-Fitr';
            }
            if (c === 'N' && addDays(d, 14) < today) {
              code = 'O';
            } // old N resolved to O
          } else if (s === 'AM' && r.chance(0.018)) {
            code = 'L';
            minutes = r.int(2, 28);
          } else if (isToday && r.chance(0.02)) {
            code = 'N';
          } // this morning's unexplained absences, for the calling list
          insMark.run(p.id, d, s, code, minutes, note, `${d}T08:45:00.000Z`);
          marks++;
        }
        if (episode) {
          episode.left--;
        }
      }
    }
    for (const d of days) {
      for (const g of groups) {
        for (const s of ['AM', 'PM'] as const) {
          if (d === today && (s === 'PM' || untakenToday.has(g))) {
            continue;
          }
          insReg.run(d, s, g, 'Demo office', `${d}T${s === 'AM' ? '08:55' : '13:30'}:00.000Z`);
        }
      }
    }
  }).immediate();
  createDemoLeave(store, today);
  createDemoCasework(store, today);
  createDemoArrangements(store, today);
  createDemoAccounts(store);
  return { pupils: pupils.length, marks, from: demoFrom, to: today };
}
