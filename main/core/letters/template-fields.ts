// The merge fields every template may use (docs/rules/letters.md §1.2, plus the app's own), every field name the
// app can fill (those and each letter's extra fields, in templates.ts) and the fields replaced by a table.
import { TEMPLATES } from './templates';

/** §1.2: the merge fields every template can use, plus the app's own: label for the template library. */
export const COMMON_FIELDS: Record<string, string> = {
  'school.name': 'School name',
  'school.address': 'School address',
  'school.phone': 'School phone',
  'school.email': 'School email',
  'school.logo': 'School logo (picture)',
  'school.absenceLine': 'Absence line',
  'school.contactLine': 'Phone and email on one line',
  'school.start': 'Start of the school day',
  'head.name': 'Headteacher',
  'champion.name': 'Senior attendance champion',
  'champion.role': "Champion's position",
  'champion.phone': "Champion's phone",
  'champion.email': "Champion's email",
  'letter.date': 'Date of the letter',
  'letter.reference': 'Letter reference',
  'recipient.salutation': 'Salutation (Dear …)',
  'recipient.names': 'Addressees',
  'recipient.address': 'Postal address',
  'pupil.forename': 'Forename',
  'pupil.preferredName': 'Preferred name',
  'pupil.surname': 'Surname',
  'pupil.yearGroup': 'Year group',
  'pupil.regGroup': 'Registration group',
  'pupils.names': 'Children named in the letter (siblings combined)',
  'signatory.name': 'Signatory',
  'signatory.position': "Signatory's position",
  'period.from': 'Period from',
  'period.to': 'Period to',
  asOf: 'Figures as at',
  'figures.attendancePct': 'Attendance % (one decimal)',
  'figures.absencePct': 'Absence % (one decimal)',
  'figures.possible': 'Possible sessions',
  'figures.authorised': 'Authorised absence (sessions)',
  'figures.unauthorised': 'Unauthorised absence (sessions)',
  'figures.absent': 'All absence (sessions)',
  'figures.daysMissed': 'Days of learning missed',
  'figures.lateBeforeClose': 'Late before the register closed',
  'figures.lateAfterClose': 'Late after the register closed',
  'figures.minutesLate': 'Minutes late',
  'figures.reasonsTable': 'Table: sessions by reason',
  'figures.childrenTable': "Table: each child's figures (siblings combined)",
  'figures.yearTable': "Table: each child's attendance this period and this school year so far",
  'year.from': 'Start of the school year (1 September)',
  'absences.list': 'Table: absences by date and code',
  'pn.sessions': 'Unauthorised sessions in the last 10 school weeks',
  'pn.windowFrom': 'Window from',
  'pn.windowTo': 'Window to',
  'registers.closeAM': 'Morning register closes',
  'registers.closePM': 'Afternoon register closes',
  'policy.url': 'Attendance policy web address',
  'laCode.url': 'LA code of conduct web address',
  'laCode.reference': 'LA code of conduct reference',
  'report.by': 'Report absence by (time)',
  'leave.formUrl': 'Leave request form',
  'leave.penaltyNote': 'Penalty wording for a refused leave (compulsory age only)',
  'leave.reason': 'Reason given for the leave decision',
  'parents.updates': 'How often parents are sent attendance updates',
};

/** Every field name the app can fill: the common ones and every template's extras. */
export const KNOWN_FIELDS: ReadonlySet<string> = new Set([
  ...Object.keys(COMMON_FIELDS),
  ...TEMPLATES.flatMap((t) => t.extra.map((e) => e.key)),
]);

/** The fields that are replaced by a block (a table) rather than by text: alone in their paragraph. */
export const BLOCK_FIELDS: ReadonlySet<string> = new Set([
  'figures.reasonsTable',
  'figures.childrenTable',
  'figures.yearTable',
  'absences.list',
]);
