// On the deletion screen (docs/rules/arrangements.md, "Children missing education"): for a ground that depends on
// the CME enquiries, the pupil's case and what is still missing; the deletion waits until nothing is.
import type { ReactNode } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { CME_STEP_LABELS } from '../../../../shared/arrangements';
import { formatUkDate } from '../../../../shared/dates';
import { useRpc } from '../../hooks';

export function useCmeForDeletion(pupilId: number, ground: string): { node: ReactNode; blocked: boolean } {
  const q = useRpc('arrangements.cmeForDeletion', { pupilId, ground });
  const d = q.data;
  if (!d?.needed) {
    return { node: null, blocked: false };
  }
  const blocked = d.missing.length > 0;
  return {
    blocked,
    node: (
      <MessageBar intent={blocked ? 'warning' : 'success'}>
        <MessageBarBody>
          <MessageBarTitle>Children missing education</MessageBarTitle>
          {d.case
            ? `Case opened ${formatUkDate(d.case.openedOn)} by ${d.case.openedBy}.`
            : 'No CME case is open for this pupil.'}
          {d.case && d.case.steps.length > 0 && (
            <ul aria-label="Enquiries made">
              {d.case.steps.map((s, k) => (
                <li key={k}>
                  {formatUkDate(s.doneOn)}: {CME_STEP_LABELS[s.step]}
                  {s.reference ? ` (${s.reference})` : ''}: {s.outcome} ({s.by})
                </li>
              ))}
            </ul>
          )}
          {blocked
            ? ` Before this ground can be used, record: ${d.missing.join('; ')}.`
            : ' The joint enquiries are on record.'}
        </MessageBarBody>
      </MessageBar>
    ),
  };
}
