// One arrangement's record (docs/rules/arrangements.md): what was agreed, every pattern from its date, reviews,
// who was told, the outcome; and, for the lead and the head, the forms that add to it (nothing is edited).
import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, Text, Title2 } from '@fluentui/react-components';
import { ARRANGEMENT_KIND_LABELS } from '../../../../shared/arrangements';
import { useRpc } from '../../hooks';
import { call } from '../../rpc';
import { ErrorBar } from '../../components/ErrorBar';
import { useMe } from '../../auth/AuthGate';
import { mayCall } from '../../auth/access';
import { StatusBadge } from './StatusBadge';
import { ChangePatternForm, OutcomeForm, ReviewForm, ToldForm } from './DetailForms';
import { openJobLetter } from './jobLetter';
import { AgreedSection, HistorySection } from './ArrangementRecord';

/** The agreement letter for the family, filled from this record (docs/rules/arrangements.md, "Agreement letters"). */
function AgreementLetter({ id, pupilName }: { id: number; pupilName: string }) {
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const make = async () => {
    setError(null);
    setStatus(null);
    setBusy(true);
    try {
      const r = await call('arrangements.agreementLetter', { id });
      setStatus(`Agreement letter made and logged on ${pupilName}'s page: ${await openJobLetter(r.jobId)}.`);
    } catch (x) {
      setError(x);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="row">
      <Button disabled={busy} onClick={() => void make()}>
        Make the agreement letter
      </Button>
      {status && <Text role="status">{status}</Text>}
      <ErrorBar error={error} title="No letter made" />
    </div>
  );
}

export function ArrangementDetail({ id, today }: { id: number; today: string }) {
  const me = useMe();
  const q = useRpc('arrangements.get', { id });
  if (q.isPending) {
    return <Spinner label="Opening…" />;
  }
  if (q.error) {
    return <ErrorBar error={q.error} />;
  }
  const a = q.data.arrangement;
  const may = mayCall(me, 'arrangements.review') && !a.outcome;
  return (
    <div className="page">
      <p>
        <a href="#/arrangements">All arrangements</a>
      </p>
      <Title2 as="h1">
        {ARRANGEMENT_KIND_LABELS[a.kind]}: <a href={`#/pupils/${a.pupilId}`}>{a.pupilName}</a>
      </Title2>
      <div className="row">
        <StatusBadge status={a.status} />
      </div>
      {may && a.id !== null && <AgreementLetter id={a.id} pupilName={a.pupilName} />}
      {a.warnings.map((w) => (
        <MessageBar key={w} intent="warning">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
      <AgreedSection a={a} />
      <HistorySection a={a} />
      {may && (
        <>
          <ReviewForm id={id} today={today} />
          <ChangePatternForm id={id} current={a.pattern} />
          <ToldForm id={id} today={today} />
          <OutcomeForm id={id} today={today} endDate={a.endDate} />
        </>
      )}
    </div>
  );
}
