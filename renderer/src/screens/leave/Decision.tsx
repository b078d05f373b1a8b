// One request's penalty forecast and the head's decision form.
import { useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { formatUkDate } from '../../../../shared/dates';
import { call } from '../../rpc';
import { ErrorBar } from '../../components/ErrorBar';
import { useQueryClient } from '@tanstack/react-query';
import { formatWhen } from '../../auth/when';
import { pluralS } from '../../../../shared/names';
import { type DecisionRow, type Detail, LEAVE_INVALIDATES } from './common';

export function Forecast({ d, days }: { d: Detail; days: number | null }) {
  const f = d.forecast;
  const name = d.request.pupilName.split(' ')[0];
  const partFigure = days !== null ? f.byDaysGranted[days] : null;
  const overSentence =
    `${name} is already at or over the national threshold (${f.now} sessions in a window); ` +
    `taken anyway, this leave would add ${f.ifTaken - f.now}`;
  const reachOn = f.thresholdFirstMet ? ` on ${formatUkDate(f.thresholdFirstMet)}` : '';
  const reachSentence = `${name} would reach the national threshold${reachOn}`;
  return (
    <section
      className="card"
      aria-labelledby="h-forecast"
      style={{ borderLeft: `6px solid ${f.reachesThreshold && d.compulsoryAge ? '#c50f1f' : '#0f6cbd'}` }}
    >
      <Text as="h2" id="h-forecast" weight="semibold" size={500}>
        Penalty-notice forecast
      </Text>
      {d.compulsoryAge ? (
        <>
          <p>
            <Text size={600} weight="bold">
              {f.ifTaken}
            </Text>{' '}
            <Text>
              unauthorised sessions in the rolling 10-school-week window if this is refused and taken anyway
              (threshold {f.threshold}; {f.now} now).
            </Text>
          </p>
          {f.reachesThreshold && (
            <MessageBar intent="error">
              <MessageBarBody>
                {f.now >= f.threshold ? overSentence : reachSentence}: a penalty notice must then be
                considered.
              </MessageBarBody>
            </MessageBar>
          )}
          {partFigure !== null && (
            <p>
              If {days} day{days === 1 ? ' is' : 's are'} granted and the rest taken anyway:{' '}
              <strong>{partFigure}</strong>.
            </p>
          )}
        </>
      ) : (
        <p>
          {name} is not of compulsory school age: no penalty notice applies. (Window figure if taken anyway:{' '}
          {f.ifTaken}.)
        </p>
      )}
    </section>
  );
}

type Outcome = 'granted' | 'part' | 'refused' | '';

/** Saving the decision (or the revision citing the standing one), then refreshing what a leave change shows. */
function useSaveDecision(d: Detail, revising: DecisionRow | null, onDone: () => void) {
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const save = async (outcome: Outcome, n: number, reason: string) => {
    setError(null);
    setBusy(true);
    try {
      if (!outcome) {
        return;
      }
      const input = { requestId: d.request.id, outcome, days: outcome === 'part' ? n : undefined, reason };
      if (revising) {
        await call('leave.revise', { ...input, supersedes: revising.id });
      } else {
        await call('leave.decide', input);
      }
      for (const c of LEAVE_INVALIDATES) {
        await qc.invalidateQueries({ queryKey: [c] });
      }
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, save };
}

/** Why the head cannot grant, and when only days set apart for religious observance (always R) are asked for. */
function DecisionNotices({ d, leaveDays }: { d: Detail; leaveDays: number }) {
  return (
    <>
      {!d.canGrant && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>This request can only be refused</MessageBarTitle>
            {d.cannotGrantBecause.join('; ')}.
          </MessageBarBody>
        </MessageBar>
      )}
      {leaveDays === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            Only days set apart by the religious body are asked for: they are recorded as R whatever the
            decision.
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

interface ChoiceProps {
  d: Detail;
  leaveDays: number;
  outcome: Outcome;
  setOutcome: (o: Outcome) => void;
  days: string;
  setDays: (days: string) => void;
  daysOk: boolean;
}

/** Grant all, grant the first days asked for (with their forecast), or refuse. */
function OutcomeChoice({ d, leaveDays, outcome, setOutcome, days, setDays, daysOk }: ChoiceProps) {
  return (
    <>
      <RadioGroup value={outcome} onChange={(_, v) => setOutcome(v.value as Outcome)} aria-label="Decision">
        <Radio
          value="granted"
          label={`Grant all ${leaveDays} day${pluralS(leaveDays)}`}
          disabled={!d.canGrant || leaveDays === 0}
        />
        <Radio value="part" label="Grant some days" disabled={!d.canGrant || leaveDays < 2} />
        <Radio value="refused" label="Refuse" />
      </RadioGroup>
      {outcome === 'part' && (
        <Field
          label={`Number of school days granted (the first days asked for, 1 to ${leaveDays - 1})`}
          validationMessage={days && !daysOk ? `between 1 and ${leaveDays - 1}` : undefined}
        >
          <Input
            type="number"
            min={1}
            max={leaveDays - 1}
            value={days}
            onChange={(_, v) => setDays(v.value)}
            style={{ width: '6em' }}
          />
        </Field>
      )}
      {outcome === 'part' && daysOk && days && <Forecast d={d} days={Number(days)} />}
    </>
  );
}

export function DecisionPanel({
  d,
  revising,
  onDone,
}: {
  d: Detail;
  revising: DecisionRow | null;
  onDone: () => void;
}) {
  // No outcome is chosen for the head: every decision is an explicit choice.
  const [outcome, setOutcome] = useState<Outcome>('');
  const [days, setDays] = useState('');
  const [reason, setReason] = useState('');
  const { error, busy, save } = useSaveDecision(d, revising, onDone);
  const leaveDays = d.forecast.byDaysGranted.length - 1;
  const n = Number(days);
  const daysOk = outcome !== 'part' || (Number.isInteger(n) && n >= 1 && n < leaveDays);
  const choice = { d, leaveDays, outcome, setOutcome, days, setDays, daysOk };
  return (
    <section className="card page" aria-labelledby="h-decide">
      <Text as="h2" id="h-decide" weight="semibold" size={500}>
        {revising ? 'Revise the decision' : 'Decide'}
      </Text>
      {revising && (
        <Text>
          The decision of {formatWhen(revising.decidedAt).slice(0, 10)} stays in the history; the new one
          cites it. Give the reason for the change.
        </Text>
      )}
      <DecisionNotices d={d} leaveDays={leaveDays} />
      <OutcomeChoice {...choice} />
      <Field
        label={revising ? 'Reason for the change' : 'Reason for the decision'}
        required
        hint="It is quoted in the letter to the parent."
      >
        <Textarea value={reason} onChange={(_, v) => setReason(v.value)} resize="vertical" />
      </Field>
      <ErrorBar error={error} title="The decision was not saved" />
      <div className="row">
        <Button
          appearance="primary"
          disabled={busy || !outcome || !reason.trim() || !daysOk}
          onClick={() => void save(outcome, n, reason)}
        >
          {revising ? 'Save revised decision' : 'Save decision'}
        </Button>
        {revising && <Button onClick={onDone}>Cancel</Button>}
      </div>
    </section>
  );
}
