// The attendance policy screen (docs/rules/policy.md): the version in force and its review date, the lead's
// draft, the headteacher's approval, publication, the versions with their documents, and the parent summary.
import {
  Badge,
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  Title3,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { POLICY_STATE_LABELS } from '../../../../shared/channels/policy';
import { formatUkDate } from '../../../../shared/dates';
import { call } from '../../rpc';
import { useMe } from '../../auth/AuthGate';
import { mayCall } from '../../auth/access';
import { useRpc } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { downloadBase64 } from '../../download';
import { DraftForm } from './DraftForm';
import { Approve, Publish, SummaryBatch } from './Actions';

type Data = Output<'policy.get'>;

function StatusCard({ data }: { data: Data }) {
  const s = data.status;
  return (
    <section className="card" aria-label="The policy in force">
      <Text weight="semibold">
        {POLICY_STATE_LABELS[s.state]}
        {s.version !== null && s.state !== 'draft' && ` · version ${s.version}`}
      </Text>
      {s.approvedOn && (
        <Text>
          Approved by {s.approvedBy} on {formatUkDate(s.approvedOn)}; next review by{' '}
          {formatUkDate(s.nextReviewOn)}.
        </Text>
      )}
      {s.publishedUrl && <Text>Published at {s.publishedUrl}.</Text>}
      {s.reviewDue && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {s.approvedOn
              ? 'The policy is due for review: start a new version, then ask the headteacher to approve it.'
              : 'No version of the policy has been approved yet.'}
          </MessageBarBody>
        </MessageBar>
      )}
      <Text size={200} block>
        Template:{' '}
        {data.template.source === 'school' ? `the school's own (${data.template.version})` : 'shipped'}.
        Replace or go back to it under <Link href="#/letters/templates">letter templates</Link>{' '}
        (attendance-policy).
      </Text>
    </section>
  );
}

function Versions({ data }: { data: Data }) {
  const [error, setError] = useState<unknown>(null);
  const open = async (versionId: number) => {
    try {
      const f = await call('policy.file', { versionId });
      downloadBase64(f.base64, f.fileName);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <Table aria-label="Versions of the policy" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Version</TableHeaderCell>
            <TableHeaderCell>What changed</TableHeaderCell>
            <TableHeaderCell>Approved</TableHeaderCell>
            <TableHeaderCell>Published</TableHeaderCell>
            <TableHeaderCell>Next review</TableHeaderCell>
            <TableHeaderCell>Document</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {data.versions.map((v) => (
            <TableRow key={v.id}>
              <TableCell>
                {v.version} {!v.approvedOn && <Badge appearance="outline">draft</Badge>}
              </TableCell>
              <TableCell>{v.changes}</TableCell>
              <TableCell>
                {v.approvedOn ? `${formatUkDate(v.approvedOn)} by ${v.approvedBy}` : 'not yet'}
              </TableCell>
              <TableCell>
                {v.publishedOn ? `${formatUkDate(v.publishedOn)}, ${v.publishedUrl}` : '—'}
              </TableCell>
              <TableCell>{formatUkDate(v.nextReviewOn)}</TableCell>
              <TableCell>
                {v.approvedOn && (
                  <Button size="small" onClick={() => void open(v.id)}>
                    Download version {v.version} (.docx)
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ErrorBar error={error} />
    </>
  );
}

export function Policy({ today }: { today: string }) {
  const me = useMe();
  const q = useRpc('policy.get', {});
  if (q.isPending) {
    return <Spinner label="Opening the policy…" />;
  }
  if (!q.data) {
    return <ErrorBar error={q.error} />;
  }
  const data = q.data;
  const draft = data.versions.find((v) => !v.approvedOn) ?? null;
  const current = data.versions.find((v) => v.version === data.status.version && v.approvedOn) ?? null;
  const canWrite = mayCall(me, 'policy.saveDraft');
  return (
    <div className="page">
      <Title2 as="h1">Attendance policy</Title2>
      <Text>
        The policy is written from what the app holds: the school day, how to report an absence, who to talk
        to, how leave is decided and the support offered. Fill those in under Settings and the letterhead
        settings.
      </Text>
      <StatusCard data={data} />
      {current && !current.publishedUrl && canWrite && (
        <Publish versionId={current.id} defaultUrl={data.defaultUrl ?? ''} today={today} />
      )}
      {canWrite && (
        <>
          <Title3 as="h2">{draft ? `Draft of version ${draft.version}` : 'A new version'}</Title3>
          <DraftForm key={draft?.id ?? 'new'} draft={draft} canMerge={!data.missing} />
        </>
      )}
      {draft && data.missing && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {data.missing} <Link href="#/settings">Open Settings</Link>
          </MessageBarBody>
        </MessageBar>
      )}
      {draft && !data.missing && mayCall(me, 'policy.approve') && (
        <Approve version={draft.version} today={today} />
      )}
      {draft && !mayCall(me, 'policy.approve') && <Text>The headteacher approves the draft.</Text>}
      <Title3 as="h2">Versions</Title3>
      {data.versions.length ? <Versions data={data} /> : <Text>No version yet.</Text>}
      {current && canWrite && (
        <>
          <Title3 as="h2">Summary letter to parents</Title3>
          <SummaryBatch version={current.version} today={today} />
        </>
      )}
    </div>
  );
}
