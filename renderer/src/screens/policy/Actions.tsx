// The headteacher's approval, the publication on the website, and the parent summary batch (docs/rules/policy.md).
import { useState } from 'react';
import { Button, Field, Input, ProgressBar, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { call } from '../../rpc';
import { useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';
import { plural } from '../../../../shared/names';
import { waitForLettersJob } from './jobs';
import { useSummaryBatch, type Audience, type BatchDone } from './useSummaryBatch';

export function Approve({ version, today }: { version: number; today: string }) {
  const qc = useQueryClient();
  const [on, setOn] = useState(today);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const approve = async () => {
    setBusy(true);
    setError(null);
    try {
      const { jobId } = await call('policy.approve', { approvedOn: on });
      await waitForLettersJob(jobId);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      void qc.invalidateQueries({ queryKey: ['policy.get'] });
      void qc.invalidateQueries({ queryKey: ['policy.status'] });
    }
  };
  return (
    <section className="card" aria-label="Approval" style={{ display: 'grid', gap: 8 }}>
      <Text>
        Approving freezes version {version} as it reads now, with the facts merged into it: it is never
        changed afterwards.
      </Text>
      <div className="row">
        <Field label="Approved on">
          <DateInput value={on} onChange={(_, d) => setOn(d.value)} />
        </Field>
        <Button appearance="primary" disabled={busy || !on} onClick={() => void approve()}>
          Approve version {version}
        </Button>
      </div>
      <ErrorBar error={error} />
    </section>
  );
}

export function Publish({
  versionId,
  defaultUrl,
  today,
}: {
  versionId: number;
  defaultUrl: string;
  today: string;
}) {
  const [url, setUrl] = useState(defaultUrl);
  const [on, setOn] = useState(today);
  const publish = useRpcMutation('policy.publish', ['policy.get', 'policy.status']);
  return (
    <section className="card" aria-label="Publication" style={{ display: 'grid', gap: 8 }}>
      <div className="row">
        <Field label="Published at (web address)">
          <Input value={url} onChange={(_, d) => setUrl(d.value)} style={{ minWidth: '24em' }} />
        </Field>
        <Field label="Published on">
          <DateInput value={on} onChange={(_, d) => setOn(d.value)} />
        </Field>
        <Button
          appearance="primary"
          disabled={publish.isPending || !url.trim() || !on}
          onClick={() => publish.mutate({ versionId, url, publishedOn: on })}
        >
          Record the publication
        </Button>
      </div>
      <ErrorBar error={publish.error} />
    </section>
  );
}

interface AudienceProps {
  audience: Audience;
  setAudience: (audience: Audience) => void;
  since: string;
  setSince: (since: string) => void;
}

/** Every family, or only the new ones since a date. */
function WhichFamilies({ audience, setAudience, since, setSince }: AudienceProps) {
  return (
    <>
      <RadioGroup
        aria-label="Which families"
        value={audience}
        onChange={(_, d) => setAudience(d.value as Audience)}
      >
        <Radio value="new" label="New families only (pupils admitted since a date)" />
        <Radio value="all" label="Every family with a pupil on roll" />
      </RadioGroup>
      {audience === 'new' && (
        <Field label="Admitted on or after">
          <DateInput value={since} onChange={(_, d) => setSince(d.value)} />
        </Field>
      )}
    </>
  );
}

function BatchMade({ done, onPrint }: { done: BatchDone; onPrint: () => void }) {
  return (
    <div className="row" role="status">
      <Text>
        {plural(done.letters, 'letter')} made in {done.folder}.
      </Text>
      <Button onClick={onPrint}>Download all to print (.docx)</Button>
    </div>
  );
}

export function SummaryBatch({ version, today }: { version: number; today: string }) {
  const b = useSummaryBatch(today);
  return (
    <section className="card" aria-label="Summary letter to parents" style={{ display: 'grid', gap: 8 }}>
      <Text>
        The one-page summary for families, from version {version} as approved: one letter per household,
        brothers and sisters on one letter, logged like every letter.
      </Text>
      <WhichFamilies
        audience={b.audience}
        setAudience={b.setAudience}
        since={b.since}
        setSince={b.setSince}
      />
      <div className="row">
        <Button
          appearance="primary"
          disabled={b.progress !== null || !b.folderQ.data || (b.audience === 'new' && !b.since)}
          onClick={() => void b.run()}
        >
          Produce the summary letters
        </Button>
      </div>
      {b.progress !== null && <ProgressBar value={b.progress} aria-label="Making the letters" />}
      {b.done && <BatchMade done={b.done} onPrint={() => void b.print()} />}
      <ErrorBar error={b.error ?? b.folderQ.error} />
    </section>
  );
}
