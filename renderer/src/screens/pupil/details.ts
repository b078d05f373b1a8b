// The admission-register details the details dialog corrects: a pupil's current ones, and those changed.
import type { Pupil } from '../../../../shared/pupil';

export type Details = Pick<
  Pupil,
  'surname' | 'forename' | 'preferredForename' | 'dob' | 'sex' | 'yearGroup' | 'regGroup' | 'admissionDate'
>;

/** The pupil's details as they are now. */
export function detailsOf(pupil: Pupil): Details {
  return {
    surname: pupil.surname,
    forename: pupil.forename,
    preferredForename: pupil.preferredForename,
    dob: pupil.dob,
    sex: pupil.sex,
    yearGroup: pupil.yearGroup,
    regGroup: pupil.regGroup,
    admissionDate: pupil.admissionDate,
  };
}

/** Only the details that differ from `initial`. */
export function changedDetails(v: Details, initial: Details): Partial<Details> {
  return Object.fromEntries(Object.entries(v).filter(([k, x]) => x !== initial[k as keyof Details]));
}
