// The termly self-audit (docs/rules/self-audit.md), lazily loaded: #/selfaudit picks a term and runs its audit
// (Terms.tsx); #/selfaudit/<id> shows every item with its evidence, opens the list behind an item, takes the lead's
// status and note and actions, and exports the audit to Word.
import { useState } from 'react';
import { Badge, Button, Link, Text } from '@fluentui/react-components';
import {
  AUDIT_STATUS_LABELS,
  AUDIT_TIER_LABELS,
  type AuditStatus,
  type AuditView,
} from '../../../../shared/channels/selfaudit';
import { formatUkDate } from '../../../../shared/dates';
import { plural } from '../../../../shared/names';
import { useRpc, useRpcMutation } from '../../hooks';
import { call } from '../../rpc';
import { ErrorBar } from '../../components/ErrorBar';
import { downloadBase64 } from '../../download';
import { pollJob } from '../../letters/util';
import { ActionForm, ReviewForm } from './ItemForms';
import { Terms } from './Terms';

const COLOUR: Record<AuditStatus, 'success' | 'warning' | 'danger'> = {
  met: 'success',
  partly_met: 'warning',
  not_met: 'danger',
};
export function StatusBadge({ status }: { status: AuditStatus | null }) {
  return status ? (
    <Badge appearance="tint" color={COLOUR[status]}>
      {AUDIT_STATUS_LABELS[status]}
    </Badge>
  ) : (
    <Badge appearance="outline" color="informative">
      To be answered
    </Badge>
  );
}

function Exporter({ audit }: { audit: AuditView }) {
  const [state, setState] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setError(null);
    setState('Writing the document…');
    try {
      const r = await call('selfaudit.export', { id: audit.id });
      const job = await pollJob(r.jobId, () => undefined);
      if (job.status === 'failed') {
        throw new Error(job.error ?? 'The document could not be written.');
      }
      const f = await call('selfaudit.exportFile', { jobId: r.jobId });
      downloadBase64(f.base64, f.fileName);
      setState(`Exported: ${f.fileName}.`);
    } catch (e) {
      setState(null);
      setError(e);
    }
  };
  return (
    <div>
      <Button onClick={() => void run()}>Export to Word</Button>
      {state && <Text role="status"> {state}</Text>}
      <ErrorBar error={error} />
    </div>
  );
}

function DoneButton({ actionId, what, today }: { actionId: number; what: string; today: string }) {
  const done = useRpcMutation('selfaudit.actionDone', ['selfaudit.get', 'casework.due']);
  return (
    <>
      <Button
        size="small"
        aria-label={`Mark done: ${what}`}
        onClick={() => done.mutate({ actionId, doneOn: today })}
      >
        Mark done
      </Button>
      <ErrorBar error={done.error} />
    </>
  );
}

function ItemDetail({ audit, itemId, today }: { audit: AuditView; itemId: string; today: string }) {
  const i = audit.items.find((x) => x.itemId === itemId)!;
  const last = i.reviews.at(-1);
  return (
    <section className="card" aria-labelledby="h-item" id="item-detail">
      <h2 id="h-item" tabIndex={-1}>
        {i.wording}
      </h2>
      <p>
        {AUDIT_TIER_LABELS[i.tier]}. {i.how}
      </p>
      <p>
        <strong>Evidence:</strong> {i.figure}. <strong>Threshold:</strong> {i.threshold}
      </p>
      <p>
        Status: <StatusBadge status={i.status} />
        {i.proposed && ` (proposed: ${AUDIT_STATUS_LABELS[i.proposed]})`}
        {last && ` · ${last.note} (${last.by}, ${formatUkDate(last.at.slice(0, 10))})`}
      </p>
      <ReviewForm key={`r-${i.itemId}`} auditId={audit.id} itemId={i.itemId} status={i.status} />
      <ActionForm key={`a-${i.itemId}`} auditId={audit.id} itemId={i.itemId} today={today} />
      {i.evidence.length > 0 && (
        <div
          className="scroll-list"
          role="region"
          aria-label={`${plural(i.evidence.length, 'row')} behind the figure`}
          tabIndex={0}
          style={{ maxHeight: 360, overflowY: 'auto' }}
        >
          <table className="plain" aria-label={`The list behind: ${i.wording}`}>
            <thead>
              <tr>
                <th>Who or what</th>
                <th>Detail</th>
              </tr>
            </thead>
            <tbody>
              {i.evidence.map((e, k) => (
                <tr key={k}>
                  <td>{e.href ? <Link href={e.href}>{e.label}</Link> : e.label}</td>
                  <td>{e.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ItemsTable({ audit, onOpen }: { audit: AuditView; onOpen: (id: string) => void }) {
  return (
    <table className="plain" aria-label="Self-audit items">
      <thead>
        <tr>
          <th>Expectation</th>
          <th>Evidence</th>
          <th>Status</th>
          {audit.previous && <th>{audit.previous.termLabel}</th>}
        </tr>
      </thead>
      <tbody>
        {audit.items.map((i) => (
          <tr key={i.itemId}>
            <td>
              <Link onClick={() => onOpen(i.itemId)}>{i.wording}</Link>
            </td>
            <td>{i.figure}</td>
            <td>
              <StatusBadge status={i.status} />
            </td>
            {audit.previous && (
              <td>
                {i.previous
                  ? `${i.previous.figure} (${i.previous.status ? AUDIT_STATUS_LABELS[i.previous.status] : 'to be answered'})`
                  : 'not audited'}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AuditPage({ id, today }: { id: number; today: string }) {
  const q = useRpc('selfaudit.get', { id });
  const [open, setOpen] = useState<string | null>(null);
  if (!q.data) {
    return <div className="page">{q.error ? <ErrorBar error={q.error} /> : 'Loading…'}</div>;
  }
  const a = q.data;
  const wording = new Map(a.items.map((i) => [i.itemId, i.wording]));
  const openItem = (itemId: string) => {
    setOpen(itemId);
    setTimeout(() => document.getElementById('h-item')?.focus(), 0);
  };
  return (
    <div className="page">
      <h1>Self-audit: {a.termLabel}</h1>
      <p>
        {formatUkDate(a.from)} to {formatUkDate(a.to)}; evidence measured to {formatUkDate(a.asOf)} on{' '}
        {formatUkDate(a.runAt.slice(0, 10))} by {a.runBy}.
        {a.previous && ` Compared with the ${a.previous.termLabel}.`}{' '}
        <Link href="#/selfaudit">Other terms</Link>
      </p>
      <Exporter audit={a} />
      <ItemsTable audit={a} onOpen={openItem} />
      {open && <ItemDetail audit={a} itemId={open} today={today} />}
      <section aria-labelledby="h-actions">
        <h2 id="h-actions">Actions ({plural(a.actions.length, 'action')})</h2>
        {a.actions.length > 0 && (
          <table className="plain" aria-label="Actions">
            <thead>
              <tr>
                <th>Action</th>
                <th>For</th>
                <th>Owner</th>
                <th>Due</th>
                <th>Done</th>
              </tr>
            </thead>
            <tbody>
              {a.actions.map((x) => (
                <tr key={x.id}>
                  <td>{x.what}</td>
                  <td>{wording.get(x.itemId)}</td>
                  <td>{x.owner}</td>
                  <td>{formatUkDate(x.dueOn)}</td>
                  <td>
                    {x.doneOn ? (
                      formatUkDate(x.doneOn)
                    ) : (
                      <DoneButton actionId={x.id} what={x.what} today={today} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

export function SelfAudit({ route, today }: { route: string[]; today: string }) {
  const id = Number(route[1]);
  return id ? <AuditPage key={id} id={id} today={today} /> : <Terms today={today} />;
}
