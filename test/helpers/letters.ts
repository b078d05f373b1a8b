// A small school for the letters tests: pupils with known absence, families with separated parents, siblings and
// a restricted contact; a pinned today so the default period is the autumn term to date.
import type { Store } from '../../main/core/db/connection';
import { ok, PUPIL_HEADER, setupSchool, tempStore, upn } from './store';
import { loadCalendar } from '../../main/core/calendar/calendar.service';

export const LETTERS_TODAY = '2025-12-10';

const HEADER =
  `${PUPIL_HEADER},contact2_name,contact2_relationship,contact2_phone,contact2_email,contact2_address,` +
  'contact2_lives_with,contact2_parental_responsibility';

export interface LettersSchool {
  store: Store;
  ids: Record<'truant' | 'ill' | 'young' | 'sib1' | 'sib2' | 'noParent', number>;
  upns: Record<string, string>;
}

/** truant: unauthorised O every Monday and Tuesday (persistent); ill: illness on Mondays and Tuesdays; young: a
 * Reception child under compulsory school age with O absences; sib1/sib2: siblings of one household with some
 * absence; noParent: only a grandparent without parental responsibility. */
export function lettersSchool(): LettersSchool {
  process.env.ATTENDANCE_TODAY = LETTERS_TODAY;
  const store = tempStore();
  setupSchool(store);
  const u = { truant: upn(1), ill: upn(2), young: upn(3), sib1: upn(4), sib2: upn(5), noParent: upn(6) };
  const rows = [
    `${u.truant},Truman,Tom,,2017-05-04,M,3,3 Ash,2022-09-05,,N,,N,N,N,N,` +
      `Ann Truman,Mother,07700 900001,ann@example.com,"4 Mill Road, Riverside, RV1 4MR",Y,Y,` +
      `Ben Truman,Father,07700 900002,ben@example.com,"9 Quay Street, Portsea, PO1 9QS",N,Y`,
    `${u.ill},Ingram,Isla,Izzy,2017-02-01,F,3,3 Ash,2022-09-05,,N,,N,N,N,N,` +
      `Carla Ingram,Mother,07700 900003,,"2 Elm Close, Riverside, RV2 2EC",Y,Y,` +
      `,,,,,,`,
    `${u.young},Young,Yasmin,,2021-06-01,F,R,R Oak,2025-09-03,,N,,N,N,N,N,` +
      `Dora Young,Mother,07700 900004,,"8 Oak Way, Riverside, RV3 8OW",Y,Y,` +
      `,,,,,,`,
    `${u.sib1},Sibley,Sam,,2016-01-10,M,4,4 Elm,2021-09-06,,N,,N,N,N,N,` +
      `Eve Sibley,Mother,07700 900005,,"5 Park Row, Riverside, RV4 5PR",Y,Y,` +
      `Finn Sibley,Father,07700 900006,,"5 Park Row, Riverside, RV4 5PR",Y,Y`,
    `${u.sib2},Sibley,Sara,,2019-03-03,F,1,1 Oak,2023-09-04,,N,,N,N,N,N,` +
      `Eve Sibley,Mother,07700 900005,,"5 Park Row, Riverside, RV4 5PR",Y,Y,` +
      `Finn Sibley,Father,07700 900006,,"5 Park Row, Riverside, RV4 5PR",Y,Y`,
    `${u.noParent},Nobody,Ned,,2017-07-07,M,3,3 Ash,2022-09-05,,N,,N,N,N,N,` +
      `Gran Nobody,Grandparent,07700 900007,,,N,N,` +
      `,,,,,,`,
  ];
  ok(store, 'pupils.import', { csv: [HEADER, ...rows].join('\n') });
  const cal = loadCalendar(store.db);
  const marks = ['upn,date,session,code,minutes_late'];
  const days = cal.schoolDays('2025-09-03', LETTERS_TODAY);
  for (const d of days) {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    for (const s of ['AM', 'PM'] as const) {
      const present = s === 'AM' ? '/' : '\\';
      marks.push(`${u.truant},${d},${s},${wd === 1 || wd === 2 ? 'O' : present},`);
      marks.push(`${u.ill},${d},${s},${wd === 1 || wd === 2 ? 'I' : present},`);
      marks.push(`${u.young},${d},${s},${wd === 1 ? 'O' : present},`);
      marks.push(`${u.sib1},${d},${s},${wd === 5 && s === 'AM' ? 'O' : present},`);
      marks.push(`${u.sib2},${d},${s},${present},`);
      marks.push(`${u.noParent},${d},${s},${wd === 1 ? 'O' : present},`);
    }
  }
  ok(store, 'marks.import', { csv: marks.join('\n') });
  const id = (x: string) =>
    (store.db.prepare('SELECT id FROM pupils WHERE upn = ?').get(x) as { id: number }).id;
  return {
    store,
    ids: {
      truant: id(u.truant),
      ill: id(u.ill),
      young: id(u.young),
      sib1: id(u.sib1),
      sib2: id(u.sib2),
      noParent: id(u.noParent),
    },
    upns: u,
  };
}

/** Every extra field a template may need, for tests that render all of them. */
export const ALL_EXTRA: Record<string, string> = {
  'leave.from': '2026-01-12',
  'leave.to': '2026-01-16',
  'leave.decision': 'Refused',
  'leave.sessionsGranted': '0',
  'leave.reason': 'The request was for a family holiday.',
  'leave.grantedFrom': 'Monday 12 January 2026 (morning)',
  'leave.grantedTo': 'Monday 12 January 2026 (afternoon)',
  'leave.returnDate': 'Tuesday 13 January 2026 (morning)',
  'decider.name': 'Mr P. Head',
  'decider.position': 'Headteacher',
  'ptt.pattern': 'Mornings only, Monday to Friday',
  'ptt.reason': 'A phased return after illness',
  'ptt.start': '2025-12-15',
  'ptt.end': '2026-02-13',
  'ptt.reviews': 'every two weeks',
  'flexi.pattern': 'Friday afternoons at home',
  'flexi.start': '2026-01-05',
  'flexi.review': '2026-03-02',
  'contract.commitments': 'Parents: bring Tom by 8.40am\nSchool: a breakfast club place',
  'contract.reviews': 'every four weeks',
  'meeting.date': '2025-12-16',
  'meeting.time': '09:30',
  'meeting.place': 'the school office',
  'meeting.attendees': 'Mrs Okafor and the class teacher',
  'absence.date': '2025-12-08',
  'absence.session': 'morning',
  'figures.before': '80.0%',
};
