// A pupil's referrals and signposting (docs/rules/casework.md): service, date, lead practitioner, and the outcome,
// which the lead or the head records once it is known.
import { useState } from 'react';
import { Button } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { REFERRAL_KIND_LABELS } from '../../../../shared/casework';
import { formatUkDate } from '../../../../shared/dates';
import { ReferralOutcomeForm } from './MoreForms';

type Referral = Output<'casework.pupil'>['referrals'][number];

export function Referrals({ list, today, writer }: { list: Referral[]; today: string; writer: boolean }) {
  const [open, setOpen] = useState<number | null>(null);
  const editing = list.find((r) => r.id === open);
  return (
    <>
      <h3>Referrals and signposting</h3>
      {list.length === 0 ? (
        <p>No referral.</p>
      ) : (
        <table className="plain" aria-label="Referrals and signposting">
          <thead>
            <tr>
              <th>Made</th>
              <th>Kind</th>
              <th>Service</th>
              <th>Outcome</th>
            </tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <tr key={r.id}>
                <td>{formatUkDate(r.madeOn)}</td>
                <td>{REFERRAL_KIND_LABELS[r.kind]}</td>
                <td>
                  {r.service}
                  {r.leadPractitioner ? ` (lead practitioner ${r.leadPractitioner})` : ''}
                </td>
                <td>
                  {r.outcome ? `${r.outcome} (${formatUkDate(r.outcomeOn)})` : 'Awaited'}{' '}
                  {writer && !r.outcome && open === null && (
                    <Button size="small" onClick={() => setOpen(r.id)}>
                      Record the outcome: {r.service}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && <ReferralOutcomeForm referral={editing} today={today} onDone={() => setOpen(null)} />}
    </>
  );
}
