// The wording of the shipped templates, in the app's own words: plain, warm, support first (docs/rules/letters.md
// §1.1 G9), one pupil, the figures with their period and as-of date (G7), and what happens next. template-docx.ts
// lays each out as a letter, which scripts/make-letter-templates.mjs writes to resources/letters/<name>.docx; a
// school may replace any of them.

export type Block =
  string | { h: string } | { block: string } | { bullets: string[] } | { small: string } | { big: string };
export interface TemplateText {
  subject: string;
  body: Block[];
  signOff?: string;
  certificate?: Block[];
}

const FIGURES =
  'Between {{period.from}} and {{period.to}}, {{pupil.forename}} attended ' +
  '**{{figures.attendancePct}}** of the {{figures.possible}} sessions (half-days) that school was ' +
  'open for them. That is {{figures.absent}} sessions missed, about {{figures.daysMissed}} days of ' +
  'learning: {{figures.authorised}} authorised and {{figures.unauthorised}} unauthorised. ' +
  'These figures are as at {{asOf}}.';
const CONTACT =
  'You can reach {{champion.name}}, {{champion.role}}, on {{champion.phone}} or by email at {{champion.email}}.';

export const TEXTS: Record<string, TemplateText> = {
  'first-day-absence': {
    subject: '{{pupil.forename}} {{pupil.surname}}: absence on {{absence.date}}',
    body: [
      '{{pupil.forename}} was not in school on {{absence.date}} ({{absence.session}}), and no reason for the absence has reached us yet.',
      'We follow up every absence we have not been told about, on the first day, to make sure every ' +
        'child is safe. We are not assuming anything is wrong.',
      'Please let us know the reason by {{reply.by}}: call the absence line on ' +
        '{{school.absenceLine}}, or reply to this letter. If you have already told us, thank you, and ' +
        'please ignore this letter.',
    ],
  },
  'attendance-concern': {
    subject:
      "{{pupil.forename}} {{pupil.surname}}, Year {{pupil.yearGroup}}: we'd like to help with attendance",
    body: [
      'We are writing because we have noticed that {{pupil.forename}} has missed more school than we ' +
        'would hope, and we would like to work with you to help.',
      FIGURES,
      '{{pattern.summary}}',
      { block: 'figures.reasonsTable' },
      '{{health.paragraph}}',
      'We know that there is often a reason behind missed school: ' +
        'a worry about friendships or lessons, health, family circumstances, mornings or transport. ' +
        'Whatever it is, we would like to understand it and help. ' +
        'Sometimes a small change in school makes a big difference.',
      'Please get in touch so that we can talk it through together. ' + CONTACT,
      'We will keep an eye on attendance over the next few weeks and let you know how things are going.',
    ],
  },
  'attendance-concern-health': {
    subject: '{{pupil.forename}} {{pupil.surname}}, Year {{pupil.yearGroup}}: health and attendance',
    body: [
      'We are writing because {{pupil.forename}} has missed a number of days recently, much of it ' +
        'through illness or other authorised absence, and we wanted to check how {{pupil.forename}} is ' +
        'and whether we can help.',
      FIGURES,
      { block: 'figures.reasonsTable' },
      'We are not questioning any absence. Our aim is to make sure {{pupil.forename}} gets the ' +
        'support they need to be well and to keep learning. ' +
        'That might be a meeting with you, a referral to the school nurse, an individual healthcare ' +
        'plan, or adjustments in school such as a quiet space, rest breaks or a phased return after ' +
        'illness.',
      'If you would like to share medical information, that is entirely your choice; ' +
        'it helps us plan the right support and is kept confidentially.',
      'Please get in touch whenever suits you. ' + CONTACT,
    ],
  },
  'attendance-meeting': {
    subject: '{{pupil.forename}} {{pupil.surname}}, Year {{pupil.yearGroup}}: an invitation to meet',
    body: [
      "We would like to invite you to a meeting about {{pupil.forename}}'s attendance. " +
        'The aim is to understand together what is making it hard for {{pupil.forename}} to be in ' +
        'school, and to agree what support would help.',
      FIGURES,
      { h: 'The meeting' },
      {
        bullets: [
          'Date: {{meeting.date}}',
          'Time: {{meeting.time}}',
          'Place: {{meeting.place}}',
          'With: {{meeting.attendees}}',
        ],
      },
      'You are very welcome to bring someone with you for support: ' +
        'a relative, a friend or someone from a service who knows your family. ' +
        '{{pupil.forename}} is welcome to come too, or to tell us their views beforehand.',
      'If the date or time does not suit you, or you would prefer to meet by phone, please let us know and we will arrange another. ' +
        CONTACT,
    ],
  },
  'formal-warning': {
    subject:
      'Formal warning: the school attendance of {{pupil.forename}} {{pupil.surname}}, Year {{pupil.yearGroup}}',
    body: [
      "We are writing to you formally about {{pupil.forename}}'s attendance. " +
        'We have tried to work with you to improve it, and we want to keep doing so, but the absence ' +
        'has continued.',
      FIGURES,
      { block: 'figures.reasonsTable' },
      { h: 'Support offered so far' },
      '{{support.history}}',
      { h: 'What needs to change' },
      '{{pupil.forename}} needs to be in school, on time, every day that school is open, unless ' +
        "there is an unavoidable reason such as illness. We will review {{pupil.forename}}'s " +
        'attendance on {{review.date}}.',
      { h: 'What may happen next' },
      'As a parent, you have a legal duty to make sure that your child, who is of compulsory school ' +
        'age, attends school regularly. If attendance does not improve, the school and the local ' +
        "authority may use the legal measures set out in the local authority's code of conduct " +
        '({{laCode.url}}). These can include a notice to improve, a penalty notice or, as a last ' +
        'resort, prosecution.',
      'We would much rather avoid that, and our offer of help still stands. Please contact us to talk about what would help. ' +
        CONTACT,
    ],
  },
  'notice-to-improve': {
    subject:
      'Notice to improve: the school attendance of {{pupil.forename}} {{pupil.surname}}, Year {{pupil.yearGroup}}',
    body: [
      "This is a notice to improve, given under the local authority's code of conduct for school " +
        'attendance ({{laCode.reference}}; {{laCode.url}}). ' +
        'It is the last step before a penalty notice may be considered.',
      FIGURES,
      { h: 'The absences' },
      { block: 'absences.list' },
      { h: 'Support offered so far' },
      '{{support.history}}',
      { h: 'The improvement we need to see' },
      'During the improvement period, from **{{nti.start}}** to **{{nti.end}}**, {{pupil.forename}} ' +
        'must attend school every day that it is open, with no unauthorised absence and no late ' +
        'arrival after the register closes.',
      { h: 'What may happen next' },
      "If {{pupil.forename}}'s attendance does not improve in that period, a penalty notice may be " +
        "issued to each parent, under the local authority's code. " +
        'A penalty notice is a fine offered instead of prosecution for failing to make sure your child ' +
        'attends school regularly.',
      'Support is still available and we want to help. Please contact us before the improvement period starts. ' +
        CONTACT,
    ],
  },
  'penalty-warning': {
    subject:
      'Warning of a possible penalty notice: {{pupil.forename}} {{pupil.surname}}, Year {{pupil.yearGroup}}',
    body: [
      "We are writing to let you know that {{pupil.forename}}'s unauthorised absence is at, or close " +
        'to, the level at which a penalty notice must be considered.',
      'The national threshold is 10 sessions (half-days) of unauthorised absence within 10 school ' +
        'weeks. Between {{pn.windowFrom}} and {{pn.windowTo}}, {{pupil.forename}} had ' +
        '**{{pn.sessions}}** sessions of unauthorised absence.',
      FIGURES,
      { h: 'What a penalty notice is' },
      'A penalty notice is a fine issued to a parent instead of prosecution. ' +
        'It is £80 if paid within 21 days, or £160 if paid within 28 days. ' +
        'A second notice for the same child within three years is £160, paid within 28 days. ' +
        'Each parent may receive a notice.',
      "Whether a notice is issued is decided under the local authority's code of conduct " +
        '({{laCode.url}}). A notice may be issued; it is not automatic, and we will take your ' +
        'circumstances into account.',
      'If there is something making it hard for {{pupil.forename}} to be in school, please tell us now so that we can help. ' +
        CONTACT,
    ],
  },
  'punctuality-concern': {
    subject: '{{pupil.forename}} {{pupil.surname}}, Year {{pupil.yearGroup}}: arriving on time',
    body: [
      'We have noticed that {{pupil.forename}} has often arrived late, and we would like to help make mornings easier.',
      'Between {{period.from}} and {{period.to}}, {{pupil.forename}} arrived late ' +
        '{{figures.lateBeforeClose}} times before the register closed and {{figures.lateAfterClose}} ' +
        'times after it closed: {{figures.minutesLate}} minutes of learning in all. ' +
        'Overall attendance in that time was {{figures.attendancePct}} (figures as at {{asOf}}).',
      'The morning register closes at {{registers.closeAM}} and the afternoon register at ' +
        '{{registers.closePM}}. Arriving after the register has closed is recorded as an unauthorised ' +
        'absence for that session, even though your child is in school.',
      'If something is making mornings hard, such as transport, sleep, or a worry about school, ' +
        'please let us know. We may be able to help, for example with a breakfast club place or a ' +
        'quiet start to the day. ' +
        CONTACT,
    ],
  },
  'leave-granted': {
    subject: '{{pupil.forename}} {{pupil.surname}}: your request for leave of absence',
    body: [
      'Thank you for your request for {{pupil.forename}} to be absent from school from {{leave.from}} to {{leave.to}}.',
      'Decision: **{{leave.decision}}**. {{leave.sessionsGranted}} sessions (half-days), from ' +
        '{{leave.grantedFrom}} to {{leave.grantedTo}}, are granted and will be recorded as authorised ' +
        'absence.',
      '{{leave.reason}}',
      '{{leave.partNote}}',
      'We look forward to seeing {{pupil.forename}} back in school on {{leave.returnDate}}. ' +
        'If the dates change, please let us know as soon as possible.',
      'Decided by {{decider.name}}, {{decider.position}}.',
    ],
  },
  'leave-refused': {
    subject: '{{pupil.forename}} {{pupil.surname}}: your request for leave of absence',
    body: [
      'Thank you for your request for {{pupil.forename}} to be absent from school from {{leave.from}} to {{leave.to}}.',
      'Decision: **{{leave.decision}}**. {{leave.sessionsGranted}} sessions are granted.',
      'The law allows leave in term time only in exceptional circumstances. ' +
        'We considered your request carefully, and on this occasion the circumstances were not judged ' +
        'to be exceptional.',
      '{{leave.reason}}',
      'If {{pupil.forename}} is absent on these dates, the absence will be recorded as unauthorised. {{leave.penaltyNote}}',
      'If there is anything you would like us to know, or you would like to talk about this decision, please contact us. ' +
        CONTACT,
      'Decided by {{decider.name}}, {{decider.position}}.',
    ],
  },
  'part-time-timetable': {
    subject: '{{pupil.forename}} {{pupil.surname}}, Year {{pupil.yearGroup}}: part-time timetable agreement',
    body: [
      'Thank you for meeting with us. This letter confirms the temporary part-time timetable we ' +
        'agreed together, to help {{pupil.forename}} return to full-time school.',
      { h: 'Why' },
      '{{ptt.reason}}',
      { h: 'The timetable' },
      '{{ptt.pattern}}',
      { bullets: ['Starts: {{ptt.start}}', 'Ends: {{ptt.end}} at the latest', 'Reviews: {{ptt.reviews}}'] },
      'The sessions when {{pupil.forename}} is not expected in school are recorded as authorised ' +
        'absence (code C2). At each review we will agree the next step back towards a full timetable; ' +
        'the timetable is temporary and is not a sanction.',
      'Your agreement matters: please sign and return the slip below, or let us know if you would like to change anything. ' +
        CONTACT,
      'I agree to this part-time timetable.    Signed: ______________________    Date: ____________',
    ],
  },
  'flexi-schooling': {
    subject: '{{pupil.forename}} {{pupil.surname}}: flexi-schooling agreement',
    body: [
      'This letter sets out the flexi-schooling arrangement agreed between you and the school.',
      { h: 'Home sessions' },
      '{{flexi.pattern}}',
      { bullets: ['Starts: {{flexi.start}}', 'Review: {{flexi.review}}'] },
      'The home sessions are recorded as authorised absence (code C) and are counted in attendance ' +
        "figures. During those sessions you are responsible for {{pupil.forename}}'s education and " +
        'safety.',
      'The arrangement is reviewed on the date above, and either the family or the school may end it with notice. ' +
        CONTACT,
    ],
  },
  'reintegration-meeting': {
    subject: "{{pupil.forename}} {{pupil.surname}}: planning {{pupil.forename}}'s return together",
    body: [
      "We would like to invite you and {{pupil.forename}} to a meeting to plan {{pupil.forename}}'s " +
        "return to school, and the support that will help. {{pupil.forename}}'s own views matter most: " +
        'what helps, what gets in the way, and what they would like to happen.',
      {
        bullets: [
          'Date: {{meeting.date}}',
          'Time: {{meeting.time}}',
          'Place: {{meeting.place}}',
          'With: {{meeting.attendees}}',
        ],
      },
      'Together we will write a plan with small steps, a named adult in school and regular ' +
        'check-ins. We will first review it on {{plan.reviewDate}}.',
      'If the time does not suit you, please let us know and we will find another. ' + CONTACT,
    ],
  },
  'attendance-contract': {
    subject: '{{pupil.forename}} {{pupil.surname}}, Year {{pupil.yearGroup}}: attendance contract',
    body: [
      'This attendance contract records what we agreed at our meeting to help {{pupil.forename}} ' +
        'attend school regularly. It is a voluntary agreement between you and the school.',
      FIGURES,
      { h: 'What each of us will do' },
      '{{contract.commitments}}',
      { bullets: ['Reviews: {{contract.reviews}}'] },
      'If the contract is not kept or attendance does not improve, the school may talk with the ' +
        'local authority about what should happen next; for a child of compulsory school age this can ' +
        "include the steps in the local authority's code of conduct.",
      'Please sign below to show your agreement. ' + CONTACT,
      'Parent: ______________________    School: ______________________    Date: ____________',
    ],
  },
  improvement: {
    subject: 'Well done, {{pupil.forename}}!',
    body: [
      "We are delighted to write with some good news: {{pupil.forename}}'s attendance has improved.",
      "When we last wrote, {{pupil.forename}}'s attendance was {{figures.before}}. " +
        'Between {{period.from}} and {{period.to}} it was {{figures.after}} (as at {{asOf}}).',
      'That takes real effort, from {{pupil.forename}} and from you. Thank you. ' +
        'Please keep it up, and tell us if there is anything more we can do to help.',
    ],
    certificate: [
      { big: 'Certificate of improvement' },
      { big: '{{pupil.forename}} {{pupil.surname}}' },
      'for working hard to be in school more often: attendance up from {{figures.before}} to {{figures.after}}.',
      '{{school.name}}, {{letter.date}}',
    ],
  },
  'termly-update': {
    subject: 'Attendance update: {{term.name}}',
    body: [
      'Every term we send each family an update on attendance. ' +
        'This is the update for {{pupils.names}}, from {{period.from}} to {{period.to}} (as at ' +
        '{{asOf}}).',
      { block: 'figures.childrenTable' },
      'And attendance over the school year so far, from {{year.from}} to {{period.to}}:',
      { block: 'figures.yearTable' },
      'Attendance counts every session (half-day) that school is open. ' +
        'Any absence, including illness and appointments, counts as absence; ' +
        'we know some absence cannot be avoided.',
      'If your child is absent, please call the absence line on {{school.absenceLine}} by ' +
        '{{report.by}} on each day of absence. If you would like to talk about attendance, ' +
        CONTACT.charAt(0).toLowerCase() +
        CONTACT.slice(1),
    ],
  },
  'policy-summary': {
    subject: 'Attendance at {{school.name}}: a summary for families',
    body: [
      'This one-page summary of our attendance policy is for the family of {{pupils.names}}.',
      { h: 'Why attendance matters' },
      'Being in school every day helps children learn, make friends and feel they belong. We want to work with you to make that happen.',
      { h: 'The school day' },
      'School starts at {{school.start}}. The morning register closes at {{registers.closeAM}} and ' +
        'the afternoon register at {{registers.closePM}}. Arriving after the register closes is ' +
        'recorded as an unauthorised absence for that session.',
      { h: 'If your child is absent' },
      'Please call {{school.absenceLine}} by {{report.by}} on every day of absence. ' +
        'If we have not heard from you, we will contact you on the first day to make sure your child ' +
        'is safe. Please book appointments outside school hours where you can.',
      { h: 'Leave in term time' },
      'Leave is granted only in exceptional circumstances and must be asked for in advance by a ' +
        'parent the child lives with: {{leave.formUrl}}.',
      { h: 'If attendance slips' },
      'We will always contact you first and offer support. ' +
        'Formal steps are only ever used for children of compulsory school age, under the local ' +
        "authority's code of conduct ({{laCode.url}}).",
      { h: 'Who to talk to' },
      CONTACT +
        " We send you your child's attendance {{parents.updates}}. The full policy is at {{policy.url}}.",
    ],
  },
};
