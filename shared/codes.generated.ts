// The national attendance code table (2024 Regulations and the legacy 2006 set), generated from
// shared/domain/codes.csv by scripts/gen-codes.py. One row per code and era: B, C and # changed meaning on
// 19 Aug 2024. `category` decides how a mark counts (docs/rules/statistics.md §2).

export const CODE_ROWS = [
  {
    code: '/',
    label: 'Present (morning)',
    category: 'present',
    validFrom: null,
    validTo: null,
    needsReason: false,
    pnCounts: false,
    description: 'The pupil was in school when the morning register began to be taken.',
  },
  {
    code: '\\',
    label: 'Present (afternoon)',
    category: 'present',
    validFrom: null,
    validTo: null,
    needsReason: false,
    pnCounts: false,
    description: 'The pupil was in school when the afternoon register began to be taken.',
  },
  {
    code: 'L',
    label: 'Late, before the register closed',
    category: 'present',
    validFrom: null,
    validTo: null,
    needsReason: false,
    pnCounts: false,
    description:
      'The pupil was not there when the register began but arrived before it closed, so counts as present.',
  },
  {
    code: 'K',
    label: 'Education arranged by the local authority',
    category: 'aea',
    validFrom: '2024-08-19',
    validTo: null,
    needsReason: true,
    pnCounts: false,
    description:
      'The pupil is at education the local authority has arranged somewhere other than a school where they ' +
      'are registered (for example provision for medical needs or set out in an EHC plan).',
  },
  {
    code: 'V',
    label: 'Educational visit or trip',
    category: 'aea',
    validFrom: null,
    validTo: null,
    needsReason: false,
    pnCounts: false,
    description:
      'The pupil is on a visit or trip organised by or for the school and supervised by school staff.',
  },
  {
    code: 'P',
    label: 'Approved sporting activity',
    category: 'aea',
    validFrom: null,
    validTo: null,
    needsReason: true,
    pnCounts: false,
    description:
      'The pupil is at a supervised sporting activity that the school has approved as educational.',
  },
  {
    code: 'W',
    label: 'Work experience',
    category: 'aea',
    validFrom: null,
    validTo: null,
    needsReason: true,
    pnCounts: false,
    description:
      "The pupil is on a work-experience placement approved and supervised on the school's behalf.",
  },
  {
    code: 'B',
    label: 'Other approved educational activity',
    category: 'aea',
    validFrom: '2024-08-19',
    validTo: null,
    needsReason: true,
    pnCounts: false,
    description:
      'The pupil is at another supervised educational activity the school has approved, such as a taster ' +
      'day elsewhere; never unsupervised work at home.',
  },
  {
    code: 'B',
    label: 'Educated off site (before 2024)',
    category: 'aea',
    validFrom: null,
    validTo: '2024-08-18',
    needsReason: false,
    pnCounts: false,
    description:
      'Before 19 August 2024: the pupil was at approved, supervised education off site that was not at ' +
      'another school where registered.',
  },
  {
    code: 'D',
    label: 'Dual registered, expected at the other school',
    category: 'not_possible',
    validFrom: null,
    validTo: null,
    needsReason: false,
    pnCounts: false,
    description:
      'The pupil is also registered at another school and is due there, not here, for this session.',
  },
  {
    code: 'C1',
    label: 'Leave: licensed performance or employment abroad',
    category: 'authorised',
    validFrom: '2024-08-19',
    validTo: null,
    needsReason: true,
    pnCounts: false,
    description:
      'Leave granted so the pupil can take part in a licensed performance or permitted employment abroad.',
  },
  {
    code: 'M',
    label: 'Leave: medical or dental appointment',
    category: 'authorised',
    validFrom: null,
    validTo: null,
    needsReason: false,
    pnCounts: false,
    description: 'Leave for the pupil to attend a medical or dental appointment.',
  },
  {
    code: 'J1',
    label: 'Leave: interview',
    category: 'authorised',
    validFrom: '2024-08-19',
    validTo: null,
    needsReason: true,
    pnCounts: false,
    description:
      'Leave granted for the pupil to attend an interview for a job or for a place at another school, ' +
      'college or university.',
  },
  {
    code: 'S',
    label: 'Leave: study leave',
    category: 'authorised',
    validFrom: null,
    validTo: null,
    needsReason: true,
    pnCounts: false,
    description: 'Leave agreed in advance so the pupil can study for a public examination.',
  },
  {
    code: 'X',
    label: 'Not of compulsory school age, not required to attend',
    category: 'not_possible',
    validFrom: null,
    validTo: null,
    needsReason: false,
    pnCounts: false,
    description:
      'The pupil is below or above compulsory school age and is not expected in school this session (for ' +
      'example the sessions outside a part-time nursery place).',
  },
  {
    code: 'C2',
    label: 'Leave: part-time timetable',
    category: 'authorised',
    validFrom: '2024-08-19',
    validTo: null,
    needsReason: true,
    pnCounts: false,
    description:
      'The compulsory-age pupil is not expected this session because of a temporary part-time timetable ' +
      'agreed with a parent.',
  },
  {
    code: 'C',
    label: 'Leave: exceptional circumstances',
    category: 'authorised',
    validFrom: '2024-08-19',
    validTo: null,
    needsReason: true,
    pnCounts: false,
    description:
      'Leave the head (or a person the head authorises) has granted for an exceptional circumstance, ' +
      'including the home sessions of an agreed flexi-schooling arrangement.',
  },
  {
    code: 'C',
    label: 'Other authorised circumstances (before 2024)',
    category: 'authorised',
    validFrom: null,
    validTo: '2024-08-18',
    needsReason: false,
    pnCounts: false,
    description:
      'Before 19 August 2024: absence the school authorised for a reason no other code covered, which then ' +
      'included performance licences and part-time timetables.',
  },
  {
    code: 'T',
    label: "Mobile child travelling for a parent's work",
    category: 'authorised',
    validFrom: null,
    validTo: null,
    needsReason: true,
    pnCounts: false,
    description:
      'The pupil is travelling with a parent whose trade or business requires travel (for example ' +
      'fairground, circus or Traveller families travelling for work).',
  },
  {
    code: 'R',
    label: 'Religious observance',
    category: 'authorised',
    validFrom: null,
    validTo: null,
    needsReason: true,
    pnCounts: false,
    description:
      'The pupil is absent on a day set apart only for religious observance by the religious body the ' +
      'parent belongs to.',
  },
  {
    code: 'I',
    label: 'Illness',
    category: 'authorised',
    validFrom: null,
    validTo: null,
    needsReason: false,
    pnCounts: false,
    description: 'The pupil is too unwell to attend, physically or mentally; not for appointments.',
  },
  {
    code: 'E',
    label: 'Suspended or excluded, no provision arranged',
    category: 'authorised',
    validFrom: null,
    validTo: null,
    needsReason: false,
    pnCounts: false,
    description:
      'The pupil is suspended or permanently excluded and no alternative education has been arranged for ' +
      'this session.',
  },
  {
    code: 'Q',
    label: 'Unable to attend: no access arrangements',
    category: 'not_possible',
    validFrom: '2024-08-19',
    validTo: null,
    needsReason: true,
    pnCounts: false,
    description:
      'The pupil cannot attend because the local authority has not made the access arrangements it is ' +
      'responsible for, such as school transport.',
  },
  {
    code: 'Y1',
    label: 'Unable to attend: transport not available',
    category: 'not_possible',
    validFrom: '2024-08-19',
    validTo: null,
    needsReason: true,
    pnCounts: false,
    description:
      'Transport normally provided by the school or local authority did not run and the pupil lives beyond ' +
      'walking distance.',
  },
  {
    code: 'Y2',
    label: 'Unable to attend: widespread travel disruption',
    category: 'not_possible',
    validFrom: '2024-08-19',
    validTo: null,
    needsReason: true,
    pnCounts: false,
    description:
      'A local or national emergency has disrupted travel so widely that the pupil cannot get to school.',
  },
  {
    code: 'Y3',
    label: 'Unable to attend: part of school closed',
    category: 'not_possible',
    validFrom: '2024-08-19',
    validTo: null,
    needsReason: true,
    pnCounts: false,
    description: 'Part of the school premises is unexpectedly closed, so the pupil cannot attend.',
  },
  {
    code: 'Y4',
    label: 'Unable to attend: whole school unexpectedly closed',
    category: 'not_possible',
    validFrom: '2024-08-19',
    validTo: null,
    needsReason: true,
    pnCounts: false,
    description: 'The whole school closed unexpectedly, for example for snow or a heating failure.',
  },
  {
    code: 'Y5',
    label: 'Unable to attend: criminal justice detention',
    category: 'not_possible',
    validFrom: '2024-08-19',
    validTo: null,
    needsReason: true,
    pnCounts: false,
    description: 'The pupil is held in criminal justice detention.',
  },
  {
    code: 'Y6',
    label: 'Unable to attend: public health',
    category: 'not_possible',
    validFrom: '2024-08-19',
    validTo: null,
    needsReason: true,
    pnCounts: false,
    description: 'Attending would break public health guidance or law.',
  },
  {
    code: 'Y7',
    label: 'Unable to attend: other unavoidable cause',
    category: 'not_possible',
    validFrom: '2024-08-19',
    validTo: null,
    needsReason: true,
    pnCounts: false,
    description:
      'Any other unavoidable cause, including the sessions a reception child is not yet expected during a ' +
      'staggered start.',
  },
  {
    code: 'G',
    label: 'Holiday not granted',
    category: 'unauthorised',
    validFrom: null,
    validTo: null,
    needsReason: false,
    pnCounts: true,
    description:
      'The pupil is away on a holiday the school did not grant as leave, including days beyond any leave ' +
      'granted.',
  },
  {
    code: 'N',
    label: 'Reason not yet established',
    category: 'unauthorised',
    validFrom: null,
    validTo: null,
    needsReason: false,
    pnCounts: true,
    description:
      'The pupil is absent and the school does not yet know why; it must be replaced by the right code ' +
      'within 5 school days.',
  },
  {
    code: 'O',
    label: 'Unauthorised, other or unknown reason',
    category: 'unauthorised',
    validFrom: null,
    validTo: null,
    needsReason: false,
    pnCounts: true,
    description:
      'The pupil is absent without permission for a reason no other code covers, or the reason is still ' +
      'unknown.',
  },
  {
    code: 'U',
    label: 'Late, after the register closed',
    category: 'unauthorised',
    validFrom: null,
    validTo: null,
    needsReason: false,
    pnCounts: true,
    description:
      'The pupil arrived after the register closed and no other code fits, so the session counts as ' +
      'unauthorised absence.',
  },
  {
    code: 'Z',
    label: 'Prospective pupil, not yet on roll',
    category: 'not_possible',
    validFrom: null,
    validTo: null,
    needsReason: false,
    pnCounts: false,
    description: 'Placeholder for a pupil expected to join who is not yet on the admission register.',
  },
  {
    code: '#',
    label: 'Planned whole-school closure',
    category: 'not_possible',
    validFrom: '2024-08-19',
    validTo: null,
    needsReason: false,
    pnCounts: false,
    description:
      'The whole school is closed as planned (holidays, training days, polling day); not for staggered ' +
      'starts or partial closures.',
  },
  {
    code: '#',
    label: 'Planned closure (before 2024)',
    category: 'not_possible',
    validFrom: null,
    validTo: '2024-08-18',
    needsReason: false,
    pnCounts: false,
    description:
      'Before 19 August 2024: a planned closure of the whole school or part of it, which some schools also ' +
      'used for staggered starts.',
  },
  {
    code: 'H',
    label: 'Holiday agreed by the school (before 2024)',
    category: 'authorised',
    validFrom: null,
    validTo: '2024-08-18',
    needsReason: false,
    pnCounts: false,
    description: 'Before 19 August 2024: a family holiday the school agreed to.',
  },
  {
    code: 'F',
    label: 'Extended family holiday agreed (before 2024)',
    category: 'authorised',
    validFrom: null,
    validTo: '2024-08-18',
    needsReason: false,
    pnCounts: false,
    description: 'Before 19 August 2024: an agreed extended family holiday.',
  },
  {
    code: 'J',
    label: 'Interview (before 2024)',
    category: 'aea',
    validFrom: null,
    validTo: '2024-08-18',
    needsReason: false,
    pnCounts: false,
    description:
      'Before 19 August 2024: the pupil was at an interview for work or a place in education, counted as ' +
      'attending.',
  },
  {
    code: 'Y',
    label: 'Unable to attend, exceptional circumstances (before 2024)',
    category: 'not_possible',
    validFrom: null,
    validTo: '2024-08-18',
    needsReason: false,
    pnCounts: false,
    description:
      'Before 19 August 2024: the pupil could not attend because of an unexpected closure, transport ' +
      'failure or similar.',
  },
] as const;
