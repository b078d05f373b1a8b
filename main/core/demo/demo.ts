// A deterministic, realistic demo school: pupils in families with contacts, cohort flags at about national
// rates, two academic years of calendar, and marks from September 2025 up to today whose mix matches national
// figures (about 7% absence, about 20% persistently and 2% severely absent, illness the largest reason,
// some holidays not granted, lates with minutes). Today's morning registers are mostly taken; the afternoon not yet.
import type { Store } from '../db/connection';
import type { CalendarRange } from '../../../shared/calendar';
import { Calendar } from '../../../shared/calendar';
import { addDays, eachDate, type IsoDate } from '../../../shared/dates';
import { makeUpn } from '../../../shared/upn';
import { makeCtx, localToday, type Ctx } from '../context';
import { writeDemoRegisters, type DemoPupil } from './demo-marks';
import { rng, type Rng } from './rng';
import { createSchool } from '../school/school.service';
import { addRange } from '../calendar/calendar.service';
import { writePupil } from '../pupils/pupil-write';
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

type DemoKind = NonNullable<DemoOptions['kind']>;
type Contact = NonNullable<Parameters<typeof writePupil>[2]>[number];

/** The shape of the demo school: its year groups, how many pupils in each, and its registration groups. */
interface DemoLayout {
  kind: DemoKind;
  total: number;
  years: string[];
  /** Years after Reception of the first year group: R = 0, Year 7 = 7. */
  firstYearIdx: number;
  perYear: number;
  groupsPerYear: number;
}

/** The demo's current school year is 2026/27. */
const ACADEMIC_START = 2026;
const DEMO_FROM: IsoDate = '2025-09-01';

function demoLayout(kind: DemoKind, total: number): DemoLayout {
  const years = kind === 'primary' ? ['R', '1', '2', '3', '4', '5', '6'] : ['7', '8', '9', '10', '11'];
  const perYear = Math.ceil(total / years.length);
  return {
    kind,
    total,
    years,
    firstYearIdx: kind === 'primary' ? 0 : 7,
    perYear,
    groupsPerYear: Math.max(1, Math.round(perYear / (kind === 'primary' ? 30 : 28))),
  };
}

/** Registration group g of year group y: "R Oak" in a primary, "7A" in a secondary. */
function groupName(l: DemoLayout, y: number, g: number): string {
  if (l.kind !== 'primary') {
    return `${l.years[y]}${String.fromCharCode(65 + g)}`;
  }
  const suffix = g >= PRIMARY_CLASSES.length ? g : '';
  return `${l.years[y]} ${PRIMARY_CLASSES[g % PRIMARY_CLASSES.length]}${suffix}`;
}

function demoSchoolFields(kind: DemoKind): Parameters<typeof createSchool>[1] {
  return {
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
  };
}

/** One family: its surname and contacts (mother; usually a father, sometimes living apart; sometimes a
 * grandparent). The generator is drawn from in a fixed order, so a seed always gives the same school. */
function demoFamily(r: Rng): { surname: string; contacts: Contact[] } {
  const surname = r.pick(SURNAMES);
  // The house number and street come before the postcode: the draws keep the order of the address.
  const house = `${r.int(1, 180)} ${r.pick(STREETS)}`;
  const street = `${house}, Riverside, RV${r.int(1, 9)} ${r.int(1, 9)}${r.pick(['AB', 'CD', 'EF', 'GH', 'JL', 'NP'])}`;
  const mum = `${r.pick(MUMS)} ${surname}`;
  const dad = `${r.pick(DADS)} ${r.chance(0.85) ? surname : r.pick(SURNAMES)}`;
  const separated = r.chance(0.25);
  const phone = () => `07700 900${String(r.int(0, 999)).padStart(3, '0')}`;
  const email = (n: string) => `${n.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`;
  const contacts: Contact[] = [
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
  ];
  if (r.chance(0.8)) {
    contacts.push({
      name: dad,
      relationship: 'Father',
      phone: phone(),
      email: email(dad),
      address: separated ? `${r.int(1, 90)} ${r.pick(STREETS)}, Riverside` : street,
      livesWith: !separated,
      parentalResponsibility: true,
      emergency: !separated,
    });
  }
  if (r.chance(0.3)) {
    contacts.push({
      name: `${r.pick(MUMS)} ${r.pick(SURNAMES)}`,
      relationship: 'Grandparent',
      phone: phone(),
      email: null,
      address: null,
      livesWith: false,
      parentalResponsibility: false,
      emergency: true,
    });
  }
  return { surname, contacts };
}

/** Absence propensity: a skewed mix so that about 20% are persistently and about 2% severely absent. */
function absenceRate(r: Rng, fsm: boolean): number {
  const u = r.next();
  const boost = fsm ? 1.35 : 1;
  if (u < 0.025) {
    return 0.7 + r.next() * 0.25;
  }
  if (u < 0.19) {
    return Math.min(0.45, (0.105 + r.next() * 0.12) * boost);
  }
  return Math.min(0.095, r.next() * 0.075 * boost);
}

/** What a child of a family shares with its brothers and sisters. */
interface Siblings {
  surname: string;
  contacts: Contact[];
  fsm: boolean;
  eal: boolean;
}

/** Writes one pupil of year group y (with the new-pupil return sent on time) and says how likely they are to be
 * absent. */
function addDemoPupil(
  ctx: Ctx,
  l: DemoLayout,
  r: Rng,
  family: Siblings,
  y: number,
  serial: number,
  today: IsoDate,
): DemoPupil {
  const db = ctx.store.db;
  const yearIdx = l.firstYearIdx + y;
  const sex = r.chance(0.5) ? 'F' : 'M';
  const born = addDays(`${ACADEMIC_START - 5 - yearIdx}-09-01`, r.int(0, 364));
  const receptionStart = `${ACADEMIC_START - yearIdx}-09-03`;
  const firstDay = l.kind === 'primary' ? receptionStart : `${ACADEMIC_START - (yearIdx - 7)}-09-03`;
  const midYear = r.chance(0.04);
  const admission = midYear ? addDays('2025-09-08', r.int(0, 400)) : firstDay;
  const leaving = !midYear && r.chance(0.015) ? addDays('2025-10-01', r.int(0, 300)) : null;
  // 3 LA + 4 establishment + 5 serial digits: unique for any school size the demo allows
  const upn = makeUpn(`801${l.kind === 'primary' ? '2000' : '4000'}${String(serial).padStart(5, '0')}`);
  const sen = r.chance(0.13) ? 'K' : r.chance(0.03) ? 'E' : 'N';
  const flags = {
    fsm: family.fsm,
    sen: sen as 'N' | 'K' | 'E',
    cla: r.chance(0.01),
    socialWorker: r.chance(0.03),
    eal: family.eal,
    boarder: false,
  };
  const fields = {
    upn,
    surname: family.surname,
    forename: sex === 'F' ? r.pick(GIRLS) : r.pick(BOYS),
    preferredForename: null,
    dob: born,
    sex: sex as 'M' | 'F',
    yearGroup: l.years[y] as never,
    regGroup: groupName(l, y, r.int(0, l.groupsPerYear - 1)),
    admissionDate: admission > today ? firstDay : admission,
    leavingDate: leaving,
    ...flags,
  };
  writePupil(ctx, fields, family.contacts, 'demo');
  // The pupil just written.
  const id = db.prepare<[string], { id: number }>('SELECT id FROM pupils WHERE upn = ?').get(upn)!.id;
  recordRegisterFacts(ctx, id, fields.admissionDate, leaving);
  const rate = absenceRate(r, family.fsm);
  return {
    id,
    yearIdx,
    group: fields.regGroup,
    admission: fields.admissionDate,
    leaving,
    rate,
    unauthShare: rate > 0.1 ? 0.35 + r.next() * 0.3 : 0.12,
    fsm: family.fsm,
  };
}

/** A leaver's deletion ground (audited like any change of the register's facts, docs/records-integrity.md) and
 * the new-pupil return the office sent on time (reg 13). */
function recordRegisterFacts(ctx: Ctx, id: number, admission: IsoDate, leaving: IsoDate | null): void {
  const db = ctx.store.db;
  if (leaving) {
    const changes = { deletionGround: { from: null, to: '2024-9(1)(a)' } };
    ctx.audit('pupil.update', 'pupil', id, { source: 'demo', changes });
    db.prepare("UPDATE pupils SET deletion_ground = '2024-9(1)(a)' WHERE id = ?").run(id);
  }
  db.prepare(
    'INSERT INTO la_returns (pupil_id, kind, due, sent_at, method, sent_by, created_at) ' +
      "VALUES (?, 'new_pupil', ?, ?, 'LA portal', 'Demo office', ?)",
  ).run(id, addDays(admission, 5), addDays(admission, 2), ctx.now());
}

/** The pupils, a family at a time (one to three children each, in year groups that still have room). */
function addDemoPupils(ctx: Ctx, l: DemoLayout, r: Rng, today: IsoDate): DemoPupil[] {
  const pupils: DemoPupil[] = [];
  const filled = l.years.map(() => 0);
  let serial = 0;
  while (filled.some((n) => n < l.perYear) && serial < l.total) {
    const { surname, contacts } = demoFamily(r);
    const family: Siblings = { surname, contacts, fsm: r.chance(0.24), eal: r.chance(0.2) };
    const kids = r.chance(0.6) ? 1 : r.chance(0.75) ? 2 : 3;
    for (let k = 0; k < kids && serial < l.total; k++) {
      const open = l.years.map((_, i) => i).filter((i) => filled[i] < l.perYear);
      if (!open.length) {
        break;
      }
      const y = r.pick(open);
      filled[y]++;
      serial++;
      pupils.push(addDemoPupil(ctx, l, r, family, y, serial, today));
    }
  }
  return pupils;
}

export function createDemoSchool(store: Store, opts: DemoOptions): DemoReport {
  const kind = opts.kind ?? 'primary';
  const layout = demoLayout(kind, opts.pupils ?? (kind === 'primary' ? 420 : 1000));
  const r = rng(opts.seed ?? 2026);
  const today = opts.today ?? localToday();
  const ctx = makeCtx(store, DEMO_SESSION);
  const pupils = store.db
    .transaction(() => {
      createSchool(ctx, demoSchoolFields(kind), { demo: true });
      for (const rg of DEMO_RANGES) {
        addRange(ctx, rg);
      }
      seedDemoLetters(store);
      return addDemoPupils(ctx, layout, r, today);
    })
    .immediate();
  const cal = new Calendar({ ranges: DEMO_RANGES });
  const days = eachDate(DEMO_FROM, today).filter((d) => cal.isSchoolDay(d));
  const marks = store.db.transaction(() => writeDemoRegisters(store, pupils, r, days, today)).immediate();
  createDemoLeave(store, today);
  createDemoCasework(store, today);
  createDemoArrangements(store, today);
  createDemoAccounts(store);
  return { pupils: pupils.length, marks, from: DEMO_FROM, to: today };
}
