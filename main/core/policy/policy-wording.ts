// The wording of the shipped attendance policy (docs/rules/policy.md): sections 1 to 11 in plain English, every
// fact the app holds as a {{placeholder}} merged from the school's settings. policy-template.ts turns it into
// resources/letters/attendance-policy.docx (through scripts/make-letter-templates.mjs); a school may replace it.
import { BAND_LABELS } from '../../../shared/bands';

export type PolicyBlock =
  | string
  | { bullets: string[] }
  | { numbered: string[] }
  | { table: string[][]; widths: number[] }
  | { sub: string };

export interface PolicySection {
  title: string;
  body: PolicyBlock[];
}

const PERSISTENT = BAND_LABELS.persistent.inSentence.replace(/^.*\((.*)\)$/, '$1');
const SEVERE = BAND_LABELS.severe.inSentence.replace(/^.*\((.*)\)$/, '$1');

export const POLICY_INTRO: PolicyBlock[] = [
  'This policy sets out what {{school.name}} expects of pupils, parents and staff so that every ' +
    'child attends school regularly, and what we do to help when attendance becomes difficult. ' +
    'It is written for staff, pupils and parents. A one-page summary is sent to every family.',
];

export const POLICY_SECTIONS: PolicySection[] = [
  {
    title: 'Why attendance matters and what we expect',
    body: [
      'Being in school every day, on time, is the best way for children to learn, make friends and ' +
        'feel they belong. Missing even a few days a term makes it harder to keep up.',
      'We expect every pupil to attend on every day the school is open, unless there is a reason the ' +
        'law accepts, such as illness or leave that has been granted, and to arrive on time.',
      'We will always work with families first. If something is making it hard for a child to come ' +
        'to school, we want to know about it and help.',
    ],
  },
  {
    title: 'The school day',
    body: [
      'School starts at {{school.start}}. Registers are taken at the start of the morning and ' +
        'afternoon sessions. Each register stays open for {{policy.registerMinutes}} minutes.',
      {
        table: [
          ['Register', 'Opens', 'Closes'],
          ['Morning', '{{policy.amOpens}}', '{{registers.closeAM}}'],
          ['Afternoon', '{{policy.pmOpens}}', '{{registers.closePM}}'],
        ],
        widths: [50, 25, 25],
      },
      'A pupil who arrives after the register opens but before it closes is marked late (code L). ' +
        'They count as present, but regular lateness means lost learning and we will talk to you about ' +
        'it.',
      'A pupil who arrives after the register has closed is marked late after the register closed ' +
        '(code U). This counts as an unauthorised absence for that session.',
    ],
  },
  {
    title: 'Telling us about an absence',
    body: [
      'If your child cannot come to school, please call {{school.absenceLine}} by {{report.by}} on ' +
        'the first day of absence and on every day after that. ' +
        'Tell us the reason and when you expect your child back.',
      'If we have not heard from you, we will contact you on the first day of absence to make sure ' +
        'your child is safe. We call, text or email each parent we hold details for, and then the ' +
        'other contacts you have given us. If we cannot reach anyone, we may visit your home, and if ' +
        'we are worried about a child we follow our safeguarding procedures.',
      'If a pupil has a social worker, we tell the social worker about any absence we cannot explain.',
    ],
  },
  {
    title: 'Who does what',
    body: [
      'Our senior attendance champion is {{champion.name}}, {{champion.role}}, who leads attendance ' +
        'across the school and checks that this policy works. ' +
        'You can contact them on {{champion.phone}} or at {{champion.email}}.',
      'Our attendance officer is {{officer.name}}, who checks the registers every day, follows up ' +
        'absence with families and keeps the attendance records. ' +
        'You can contact them on {{officer.phone}} or at {{officer.email}}.',
      {
        bullets: [
          'Staff take every register accurately and on time, notice when a pupil is missing or ' +
            'struggling, and tell the attendance officer.',
          'Governors look at attendance figures every term, make sure staff are trained, and support and challenge school leaders.',
          'Parents make sure their child attends every day, tell us quickly about any absence, book ' +
            'appointments outside school hours where they can, ask for leave only in exceptional ' +
            'circumstances and in advance, and work with us to remove any barriers.',
          'Pupils come to school every day and on time, and tell a trusted adult if something is making it hard to come in.',
        ],
      },
    ],
  },
  {
    title: 'Leave of absence in term time',
    body: [
      'The law allows leave of absence in term time only in exceptional circumstances. ' +
        'Leave must be asked for in advance by a parent the pupil normally lives with: ' +
        '{{leave.formUrl}}.',
      'Leave is decided by {{leave.deciders}}. Each request is looked at on its own facts. ' +
        'If leave is granted, the decision also sets how many days are granted, which may be fewer ' +
        'than were asked for. We reply in writing.',
      'Holidays are not exceptional circumstances and are not authorised in term time. ' +
        'Leave taken without permission is recorded as unauthorised absence.',
    ],
  },
  {
    title: 'Particular cases',
    body: [
      {
        bullets: [
          'Appointments: please book medical and dental appointments outside school hours where you ' +
            'can. If that is not possible, tell us in advance and bring your child in before or after ' +
            'the appointment.',
          'Illness: tell us on each day of illness. We usually accept a parent’s word. ' +
            'If illness absence becomes frequent or long, we may ask for evidence such as an ' +
            'appointment card or prescription, and we will talk with you about support, for example an ' +
            'individual healthcare plan.',
          'Religious observance: a day set apart only for religious observance by the religious body ' +
            'your family belongs to is authorised. Please tell us in advance.',
          'Traveller families: when a family travels for work, we will agree with you how your child ' +
            'keeps learning, and record the absence as the rules allow.',
          'Study leave: granted only for pupils taking public examinations, and only by the school.',
          'Part-time timetables: used only for a short time, agreed with parents, with an end date ' +
            'and regular reviews, to help a pupil back to full time.',
          'Flexi-schooling: only by written agreement with the headteacher. The sessions spent at home are recorded as authorised absence.',
          'Pupils over compulsory school age (for example in a sixth form) are expected to attend as ' +
            'this policy sets out; the legal measures in section 8 do not apply to them.',
        ],
      },
    ],
  },
  {
    title: 'How we use attendance information and support pupils',
    body: [
      'We look at every pupil’s attendance each week so that we notice problems early. ' +
        'We also look at groups of pupils, such as year groups or pupils with special educational ' +
        'needs, to find where attendance is lower and plan for them.',
      {
        table: [
          ['Attendance band', 'Absence', 'What we do'],
          [
            'Attending well',
            'less than {{policy.atRiskFrom}}',
            'We thank and encourage pupils and families, and keep in touch.',
          ],
          [
            'At risk of persistent absence',
            `{{policy.atRiskFrom}} up to ${PERSISTENT.replace(' or more', '')}`,
            'We contact you, talk with your child and with you to understand the causes, including anything in school, and agree support.',
          ],
          [
            'Persistently absent',
            PERSISTENT,
            'All of the above, plus targeted support with partners such as the school nurse or early ' +
              'help, an attendance meeting and a written plan.',
          ],
          [
            'Severely absent',
            SEVERE,
            'All of the above, and a joint approach agreed with the local authority.',
          ],
        ],
        widths: [26, 22, 52],
      },
    ],
  },
  {
    title: 'If attendance does not improve',
    body: [
      'We always offer support first. If absence continues, these are the usual next steps:',
      {
        numbered: [
          'A letter and a conversation with the attendance officer.',
          'An attendance meeting with you, and your child if you wish, to agree a plan and review it.',
          'An attendance contract: a written, voluntary agreement about what the family and the school will each do.',
          'A formal warning that legal measures may follow if attendance does not improve.',
          'A notice to improve, giving a period in which attendance must improve.',
          'A penalty notice, considered when a pupil has {{policy.penaltyThreshold}}. ' +
            'A penalty notice is £80 if paid within 21 days, or £160 if paid within 28 days.',
          'Prosecution by the local authority, as a last resort.',
        ],
      },
      'Steps 4 to 7 apply only to pupils of compulsory school age, and follow {{laCode.reference}} ({{laCode.url}}).',
    ],
  },
  {
    title: 'Keeping parents informed',
    body: [
      'We send you your child’s attendance {{parents.updates}}, with the sessions missed and the ' +
        'reasons recorded. We will contact you sooner if we are worried. ' +
        'You can ask the attendance officer for your child’s attendance at any time.',
    ],
  },
  {
    title: 'Links with other policies',
    body: [
      'This policy works alongside our safeguarding and child protection policy, including what we ' +
        'do when a child may be missing education, and our behaviour, special educational needs and ' +
        'disability (SEND), supporting pupils with medical conditions, and suspension and exclusion ' +
        'policies.',
      'The local authority’s code of conduct for penalty notices is {{laCode.reference}}, published at {{laCode.url}}.',
    ],
  },
  {
    title: 'Where this policy is published and when it is reviewed',
    body: [
      'This policy is published on our website at {{policy.url}}, and a paper copy is available from the school office.',
      '{{policy.approval}} We review it every year; the next review is due by {{policy.nextReview}}.',
    ],
  },
];
