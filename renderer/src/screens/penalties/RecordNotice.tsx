// Recording a notice to improve or a penalty notice for one pupil: the parent it is issued to (each parent gets
// their own), the amount, and the unauthorised marks it relies on, those of the last 10 school weeks that no
// notice of the kind cites yet chosen to start with.
import { useEffect, useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { formatUkDate } from '../../../../shared/dates';
import type { Output } from '../../../../shared/contract';
import { useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';
import { KIND } from './labels';

type N = Output<'penalty.notices'>;
type Kind = keyof typeof KIND;

interface ChosenProps {
  d: N;
  kind: Kind;
  chosen: Set<number>;
  setChosen: (s: Set<number>) => void;
}

/** The pupil's unauthorised marks to tick; a mark a notice of this kind already relies on cannot be ticked. */
function MarksChosen({ d, kind, chosen, setChosen }: ChosenProps) {
  return (
    <fieldset style={{ border: 'none', padding: 0, margin: '8px 0' }}>
      <legend>
        <Text weight="semibold">Unauthorised marks the notice relies on ({chosen.size} chosen)</Text>
      </legend>
      <div style={{ maxHeight: 220, overflow: 'auto', columns: 3 }}>
        {d.candidateMarks.map((m) => {
          const taken = m.citedBy.some((c) => c.kind === kind);
          return (
            <div key={m.markId}>
              <Checkbox
                disabled={taken}
                checked={chosen.has(m.markId)}
                label={`${formatUkDate(m.date)} ${m.session} ${m.code}${taken ? ' (on a notice)' : ''}`}
                onChange={(_, v) => {
                  const s = new Set(chosen);
                  if (v.checked) {
                    s.add(m.markId);
                  } else {
                    s.delete(m.markId);
                  }
                  setChosen(s);
                }}
              />
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function RecordNotice({ pupilId, d, today }: { pupilId: number; d: N; today: string }) {
  const record = useRpcMutation('penalty.record', ['penalty.notices', 'penalty.tracker']);
  const [kind, setKind] = useState<Kind>('penalty_notice');
  const [issuedOn, setIssuedOn] = useState(today);
  const [parent, setParent] = useState('');
  const [amount, setAmount] = useState<'80' | '160'>('80');
  const [note, setNote] = useState('');
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [done, setDone] = useState<string | null>(null);
  // Pre-select the unauthorised marks of the last 10 school weeks that no notice of this kind relies on yet.
  useEffect(() => {
    setChosen(
      new Set(
        d.candidateMarks
          .filter((m) => m.inLastWindow && !m.citedBy.some((c) => c.kind === kind))
          .map((m) => m.markId),
      ),
    );
    if (!parent) {
      setParent(d.parents.find((p) => p.parentalResponsibility)?.name ?? d.parents[0]?.name ?? '');
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [d, kind]);
  const submit = () => {
    setDone(null);
    record.mutate(
      {
        pupilId,
        kind,
        issuedOn,
        parentName: parent,
        amount: kind === 'penalty_notice' ? (Number(amount) as 80 | 160) : null,
        markIds: [...chosen],
        note: note || null,
      },
      {
        onSuccess: () => {
          setDone(`${KIND[kind]} recorded for ${d.pupil.name}.`);
          setNote('');
        },
      },
    );
  };
  return (
    <div className="card" style={{ marginTop: 12 }}>
      <Text as="h3" weight="semibold" size={400}>
        Record a notice
      </Text>
      <div className="row">
        <Field label="Kind">
          <RadioGroup layout="horizontal" value={kind} onChange={(_, v) => setKind(v.value as Kind)}>
            <Radio value="notice_to_improve" label="Notice to improve" />
            <Radio value="penalty_notice" label="Penalty notice" />
          </RadioGroup>
        </Field>
        <Field label="Issued on">
          <DateInput value={issuedOn} onChange={(_, v) => setIssuedOn(v.value)} />
        </Field>
        <Field label="Parent" hint="Each parent receives their own notice">
          <Input list="pn-parents" value={parent} onChange={(_, v) => setParent(v.value)} />
        </Field>
        <datalist id="pn-parents">
          {d.parents.map((p) => (
            <option key={p.name} value={p.name}>
              {p.relationship ?? ''}
            </option>
          ))}
        </datalist>
        {kind === 'penalty_notice' && (
          <Field label="Amount">
            <Select value={amount} onChange={(_, v) => setAmount(v.value as '80' | '160')}>
              <option value="80">£80 (paid within 21 days)</option>
              <option value="160">£160</option>
            </Select>
          </Field>
        )}
      </div>
      <MarksChosen d={d} kind={kind} chosen={chosen} setChosen={setChosen} />
      <Field label="Note">
        <Textarea value={note} onChange={(_, v) => setNote(v.value)} />
      </Field>
      <div className="row" style={{ marginTop: 8 }}>
        <Button
          appearance="primary"
          disabled={record.isPending || chosen.size === 0 || !parent.trim()}
          onClick={submit}
        >
          Record {KIND[kind].toLowerCase()}
        </Button>
      </div>
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={record.error} title="The notice was not recorded" />
    </div>
  );
}
