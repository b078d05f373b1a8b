// The pupil page's admission-register details, each with its label above, and the button to correct them.
import type { ReactNode } from 'react';
import { Text } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { SEN_LABELS } from '../../../../shared/pupil';
import { formatUkDate } from '../../../../shared/dates';
import { DetailsDialog } from './DetailsDialog';

export type PupilRecord = Output<'pupils.get'>['pupil'];

/** One detail: its label in bold, the value on the next line. */
function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text weight="semibold">{label}</Text>
      <br />
      {children}
    </div>
  );
}

export function PupilDetails({ p }: { p: PupilRecord }) {
  return (
    <section className="card grid2" aria-label="Details">
      <Detail label="UPN">{p.upn}</Detail>
      <Detail label="Date of birth">{formatUkDate(p.dob)}</Detail>
      <Detail label="Sex">{p.sex}</Detail>
      <Detail label="Year and group">
        Year {p.yearGroup}, {p.regGroup}
      </Detail>
      <Detail label="Starting day">{formatUkDate(p.admissionDate)}</Detail>
      <Detail label="Leaving">
        {p.leavingDate
          ? `${formatUkDate(p.leavingDate)} (${p.deletionGround ?? 'ground not recorded'})`
          : 'On roll'}
      </Detail>
      <Detail label="SEN">{SEN_LABELS[p.sen]}</Detail>
      <div>
        <DetailsDialog pupil={p} />
      </div>
    </section>
  );
}
