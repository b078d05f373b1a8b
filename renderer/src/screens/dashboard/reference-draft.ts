// A comparison row being added or changed on the dashboard: its percentage fields as typed, made from a row or
// blank, and turned into what `figures.national.save` takes (an empty field is no figure).
import type { Input } from '../../../../shared/contract';
import type { Ref } from './common';

/** The published percentages of a comparison row, with their column headings. */
export const FIELDS = [
  ['overall', 'Overall'],
  ['authorised', 'Authorised'],
  ['unauthorised', 'Unauthorised'],
  ['persistent', 'Persistent'],
  ['severe', 'Severe'],
  ['primary', 'Primary'],
  ['secondary', 'Secondary'],
  ['special', 'Special'],
] as const;

export type Draft = {
  schoolId?: number;
  shippedId?: string;
  period: string;
  area: string;
  dataKind: 'census' | 'daily' | 'local';
  source: string;
  values: Record<(typeof FIELDS)[number][0], string>;
};

export const blank = (): Draft => ({
  period: '',
  area: '',
  dataKind: 'local',
  source: '',
  values: Object.fromEntries(FIELDS.map(([k]) => [k, ''])) as Draft['values'],
});

/** The draft that edits a row: the school's own row by its id, a shipped row by the shipped id it corrects. */
export function draftOf(r: Ref): Draft {
  return {
    schoolId: r.schoolId ?? undefined,
    shippedId: r.schoolId === null ? (r.shippedId ?? undefined) : undefined,
    period: r.period,
    area: r.area,
    dataKind: r.dataKind,
    source: r.source,
    values: Object.fromEntries(
      FIELDS.map(([k]) => [k, r[k] === null ? '' : String(r[k])]),
    ) as Draft['values'],
  };
}

/** A typed percentage, or no figure when the field is empty. */
const figure = (typed: string) => (typed.trim() === '' ? null : Number(typed));

export function saveInput(draft: Draft, hidden: boolean): Input<'figures.national.save'> {
  const v = draft.values;
  return {
    ...(draft.schoolId !== undefined ? { schoolId: draft.schoolId } : {}),
    ...(draft.shippedId ? { shippedId: draft.shippedId } : {}),
    period: draft.period,
    area: draft.area,
    dataKind: draft.dataKind,
    source: draft.source,
    hidden,
    overall: figure(v.overall),
    authorised: figure(v.authorised),
    unauthorised: figure(v.unauthorised),
    persistent: figure(v.persistent),
    severe: figure(v.severe),
    primary: figure(v.primary),
    secondary: figure(v.secondary),
    special: figure(v.special),
  };
}
