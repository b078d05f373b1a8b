// The column names of the common MIS exports (SIMS, Arbor, Bromcom) for each pupil-import field, so a file saved
// from the MIS is matched without the office mapping every column (docs/mis-headers.md lists them and where
// they come from). An explicit mapping or "not in this file" always wins; a column named as the field wins over
// an alias.
import { headerKey } from './csv';

export const MIS_HEADER_ALIASES: Record<string, readonly string[]> = {
  upn: ['UPN', 'Unique Pupil Number', 'Pupil UPN', 'Student UPN'],
  surname: ['Legal Surname', 'Legal Last Name', 'Last Name', 'Family Name'],
  forename: ['Legal Forename', 'Legal First Name', 'First Name', 'Given Name'],
  preferred_forename: ['Preferred Forename', 'Preferred First Name', 'Known As', 'Chosen Name'],
  dob: ['Date of Birth', 'DOB', 'Birth Date'],
  sex: ['Gender', 'Legal Sex'],
  year_group: ['Year', 'Year Group', 'Year Taught In', 'NC Year', 'National Curriculum Year'],
  reg_group: [
    'Reg',
    'Reg Group',
    'Registration Group',
    'Registration Form',
    'Form',
    'Form Group',
    'Tutor Group',
  ],
  admission_date: ['Admission Date', 'Date of Admission', 'Enrolment Date', 'Start Date', 'Date of Entry'],
  leaving_date: ['Leaving Date', 'Date of Leaving', 'End Date'],
  fsm: ['FSM Eligible', 'FSM', 'Free School Meals', 'FSM Eligibility', 'Eligible for FSM'],
  sen: ['SEN Status', 'SEN', 'SEND Status', 'SEN Provision'],
  cla: ['In Care', 'Looked After', 'CLA', 'Child Looked After', 'LAC'],
  social_worker: ['Social Worker', 'Has Social Worker', 'CIN', 'Child in Need'],
  eal: ['EAL', 'English as an Additional Language', 'First Language Not English'],
  boarder: ['Boarder', 'Boarder Status', 'Boarding'],
  ...contactAliases(1, ['Primary Contact', 'Priority 1 Contact', 'Contact 1', 'First Contact']),
  ...contactAliases(2, ['Secondary Contact', 'Priority 2 Contact', 'Contact 2', 'Second Contact']),
};

function contactAliases(k: number, prefixes: readonly string[]): Record<string, readonly string[]> {
  const parts: [string, string[]][] = [
    ['name', ['Name', 'Full Name', '']],
    ['relationship', ['Relationship', 'Relationship to Pupil', 'Relationship to Student']],
    ['phone', ['Telephone', 'Phone', 'Mobile', 'Main Telephone', 'Phone Number']],
    ['email', ['Email', 'Email Address', 'Main Email']],
    ['address', ['Address', 'Home Address']],
    ['lives_with', ['Lives With', 'Lives With Pupil', 'Lives With Student', 'Same Address']],
    ['parental_responsibility', ['Parental Responsibility', 'Has Parental Responsibility', 'PR']],
  ];
  return Object.fromEntries(
    parts.map(([f, words]) => [
      `contact${k}_${f}`,
      prefixes.flatMap((p) => words.map((w) => (w ? `${p} ${w}` : p))),
    ]),
  );
}

/** The mapping to use: the explicit one, plus, for each field neither mapped, ignored nor named as such in the
 * file, the first column whose header is one of that field's MIS names. */
export function withMisAliases(
  headers: readonly string[],
  mapping: Record<string, string> = {},
  ignore: readonly string[] = [],
): Record<string, string> {
  const keys = headers.map(headerKey);
  const taken = new Set(Object.keys(mapping).map(headerKey));
  const mappedFields = new Set(Object.values(mapping).map(headerKey));
  const ignored = new Set(ignore.map(headerKey));
  const out = { ...mapping };
  for (const [field, aliases] of Object.entries(MIS_HEADER_ALIASES)) {
    const fk = headerKey(field);
    if (mappedFields.has(fk) || ignored.has(fk) || keys.includes(fk)) {
      continue;
    }
    const i = aliases.map(headerKey).reduce<number>((found, a) => {
      if (found >= 0) {
        return found;
      }
      const at = keys.findIndex((k, j) => k === a && !taken.has(keys[j]));
      return at;
    }, -1);
    if (i >= 0) {
      out[headers[i]] = field;
      taken.add(keys[i]);
    }
  }
  return out;
}
