// Holiday not granted: the G marks the leave decisions propose, for the office to confirm on the register.
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/dates';
import { useRpc, useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { pluralS } from '../../../../shared/names';
import { LEAVE_INVALIDATES } from './common';

type Proposal = Output<'leave.gProposals'>['proposals'][number];

/** One proposed G mark: the pupil, the session, the mark now, why G, and the button to confirm it. */
function ProposalRow({ p, pending, onConfirm }: { p: Proposal; pending: boolean; onConfirm: () => void }) {
  return (
    <tr>
      <td>
        <a href={`#/leave/${p.requestId}`}>{p.pupilName}</a>
      </td>
      <td>{p.regGroup}</td>
      <td>
        {formatUkDate(p.date)} {p.session}
      </td>
      <td>
        <span className="mark">{p.code}</span>
      </td>
      <td>{p.why}</td>
      <td>
        <Button
          size="small"
          disabled={pending}
          onClick={onConfirm}
          aria-label={`Confirm G for ${p.pupilName} ${formatUkDate(p.date)} ${p.session}`}
        >
          Confirm G
        </Button>
      </td>
    </tr>
  );
}

/** The proposed G marks, a row each. */
function ProposalsTable({
  rows,
  pending,
  onConfirm,
}: {
  rows: Proposal[];
  pending: boolean;
  onConfirm: (p: Proposal) => void;
}) {
  return (
    <table className="plain" aria-label="Proposed G marks">
      <thead>
        <tr>
          <th>Pupil</th>
          <th>Group</th>
          <th>Session</th>
          <th>Mark now</th>
          <th>Why G</th>
          <th>
            <span className="visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <ProposalRow
            key={`${p.requestId}-${p.date}-${p.session}`}
            p={p}
            pending={pending}
            onConfirm={() => onConfirm(p)}
          />
        ))}
      </tbody>
    </table>
  );
}

export function GProposals({ requestId }: { requestId?: number }) {
  const q = useRpc('leave.gProposals', requestId === undefined ? {} : { requestId });
  const confirm = useRpcMutation('leave.confirmG', [
    ...LEAVE_INVALIDATES,
    'marks.history',
    'registers.pupilAttendance',
  ]);
  const rows = q.data?.proposals ?? [];
  const item = (p: Proposal) => ({ requestId: p.requestId, date: p.date, session: p.session });
  return (
    <section className="card" aria-labelledby="h-g">
      <Text as="h2" id="h-g" weight="semibold" size={500}>
        Holiday not granted (G) to confirm
      </Text>
      <Text as="p">
        Sessions asked for and not granted, where the register shows the pupil absent: if the absence was the
        holiday, confirm G. Each confirmation is an amendment kept in the pupil's history.
      </Text>
      <ErrorBar error={q.error ?? confirm.error} />
      {confirm.isSuccess && (
        <MessageBar intent="success">
          <MessageBarBody>
            {confirm.data.amended} mark{pluralS(confirm.data.amended)} amended to G.
          </MessageBarBody>
        </MessageBar>
      )}
      {q.data && rows.length === 0 && <Text>Nothing to confirm.</Text>}
      {rows.length > 0 && (
        <>
          <ProposalsTable
            rows={rows}
            pending={confirm.isPending}
            onConfirm={(p) => confirm.mutate({ items: [item(p)] })}
          />
          <div className="row">
            <Button
              appearance="primary"
              disabled={confirm.isPending}
              onClick={() => confirm.mutate({ items: rows.map(item) })}
            >
              Confirm all {rows.length} as G
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
