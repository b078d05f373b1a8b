// The pupil's letter log: every letter made (its date, reference, template version, addressees, the figures it
// used and its file's hash), who made it, its download, and each time it was sent, with the control to record one.
import { useState } from 'react';
import { Button, Link, Select, Text } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/dates';
import { formatPct1 } from '../../../../shared/statistics/rates';
import { useRpcMutation } from '../../hooks';
import { ErrorBar } from '../ErrorBar';
import { DateInput } from '../DateInput';

type Entry = Output<'letters.log'>['entries'][number];

function SendControl({ logId, today }: { logId: number; today: string }) {
  const m = useRpcMutation('letters.markSent', ['letters.log']);
  const [method, setMethod] = useState<'post' | 'hand' | 'email'>('post');
  const [on, setOn] = useState(today);
  return (
    <div className="row">
      <Select
        size="small"
        aria-label="How it was sent"
        value={method}
        onChange={(_, d) => setMethod(d.value as 'post')}
      >
        <option value="post">Post</option>
        <option value="hand">By hand</option>
        <option value="email">Email</option>
      </Select>
      <DateInput aria-label="Sent on" value={on} onChange={(_, d) => setOn(d.value)} />
      <Button
        size="small"
        disabled={m.isPending || !on}
        onClick={() => m.mutate({ logId, method, sentOn: on })}
      >
        Mark as sent
      </Button>
      <ErrorBar error={m.error} />
    </div>
  );
}

function LetterRow({ e, today, download }: { e: Entry; today: string; download: (logId: number) => void }) {
  return (
    <tr>
      <td>
        {formatUkDate(e.letterDate)}
        <br />
        <span className="muted">ref. {e.reference}</span>
      </td>
      <td>
        {e.title}
        <br />
        <span className="muted">
          {e.templateVersion}
          {e.overrideReason ? ` · override: ${e.overrideReason}` : ''}
        </span>
      </td>
      <td>{e.addressees.map((a) => a.names.join(' and ')).join('; ')}</td>
      <td>
        {formatPct1(e.attendancePct)} from {formatUkDate(e.periodFrom)} to {formatUkDate(e.periodTo)}
        <br />
        <span className="muted" title={e.fileSha256}>
          file {e.fileSha256.slice(0, 12)}…
        </span>
      </td>
      <td>
        {e.generatedBy}
        <br />
        <Link as="button" onClick={() => download(e.id)}>
          Download
        </Link>
      </td>
      <td>
        {e.sends.map((s, i) => (
          <div key={i}>
            {s.method === 'hand' ? 'by hand' : s.method} on {formatUkDate(s.sentOn)} ({s.recordedBy})
          </div>
        ))}
        <SendControl logId={e.id} today={today} />
      </td>
    </tr>
  );
}

export function LetterLog({
  entries,
  today,
  download,
}: {
  entries: Entry[];
  today: string;
  download: (logId: number) => void;
}) {
  if (entries.length === 0) {
    return <Text>No letter has been sent yet.</Text>;
  }
  return (
    <div className="table-scroll" tabIndex={0}>
      <table className="plain" aria-label="Letter log">
        <thead>
          <tr>
            <th>Date</th>
            <th>Letter</th>
            <th>To</th>
            <th>Figures used</th>
            <th>By</th>
            <th>Sent</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <LetterRow key={e.id} e={e} today={today} download={download} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
