// Recording a notice to improve or a penalty notice for one pupil: the parent it is issued to (each parent gets
// their own), the amount, and the unauthorised marks it relies on, those of the last 10 school weeks that no
// notice of the kind cites yet chosen to start with. Its state and save are in useRecordNotice.ts.
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
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';
import { KIND } from './labels';
import { useRecordNotice, type Amount, type Kind, type NoticeDraft, type Notices } from './useRecordNotice';

interface ChosenProps {
  d: Notices;
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

/** The notice's kind, date, the parent it is issued to, and (for a penalty notice) the amount. */
function NoticeTerms({ d, r }: { d: Notices; r: NoticeDraft }) {
  return (
    <div className="row">
      <Field label="Kind">
        <RadioGroup layout="horizontal" value={r.kind} onChange={(_, v) => r.setKind(v.value as Kind)}>
          <Radio value="notice_to_improve" label="Notice to improve" />
          <Radio value="penalty_notice" label="Penalty notice" />
        </RadioGroup>
      </Field>
      <Field label="Issued on">
        <DateInput value={r.issuedOn} onChange={(_, v) => r.setIssuedOn(v.value)} />
      </Field>
      <Field label="Parent" hint="Each parent receives their own notice">
        <Input list="pn-parents" value={r.parent} onChange={(_, v) => r.setParent(v.value)} />
      </Field>
      <datalist id="pn-parents">
        {d.parents.map((p) => (
          <option key={p.name} value={p.name}>
            {p.relationship ?? ''}
          </option>
        ))}
      </datalist>
      {r.kind === 'penalty_notice' && (
        <Field label="Amount">
          <Select value={r.amount} onChange={(_, v) => r.setAmount(v.value as Amount)}>
            <option value="80">£80 (paid within 21 days)</option>
            <option value="160">£160</option>
          </Select>
        </Field>
      )}
    </div>
  );
}

export function RecordNotice({ pupilId, d, today }: { pupilId: number; d: Notices; today: string }) {
  const r = useRecordNotice(pupilId, d, today);
  return (
    <div className="card" style={{ marginTop: 12 }}>
      <Text as="h3" weight="semibold" size={400}>
        Record a notice
      </Text>
      <NoticeTerms d={d} r={r} />
      <MarksChosen d={d} kind={r.kind} chosen={r.chosen} setChosen={r.setChosen} />
      <Field label="Note">
        <Textarea value={r.note} onChange={(_, v) => r.setNote(v.value)} />
      </Field>
      <div className="row" style={{ marginTop: 8 }}>
        <Button
          appearance="primary"
          disabled={r.record.isPending || r.chosen.size === 0 || !r.parent.trim()}
          onClick={r.submit}
        >
          Record {KIND[r.kind].toLowerCase()}
        </Button>
      </div>
      {r.done && (
        <MessageBar intent="success">
          <MessageBarBody>{r.done}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={r.record.error} title="The notice was not recorded" />
    </div>
  );
}
