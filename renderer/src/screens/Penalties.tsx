// The penalty-notice tracker (docs/rules/statistics.md §6): compulsory-age pupils at or near 10 sessions of
// unauthorised absence in 10 school weeks, and for a chosen pupil the register of notices to improve and
// penalty notices: record one against the marks it relies on, and record payment, withdrawal or prosecution
// (never deleted).
import { useEffect, useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Text,
  Textarea,
  Title2,
} from '@fluentui/react-components';
import { formatUkDate } from '../../../shared/dates';
import type { Output } from '../../../shared/contract';
import { useRpc, useRpcMutation, useHashRoute, go } from '../hooks';
import { call } from '../rpc';
import { ErrorBar } from '../components/ErrorBar';
import { DateInput } from '../components/DateInput';
import { downloadText } from '../download';

const KIND = { notice_to_improve: 'Notice to improve', penalty_notice: 'Penalty notice' } as const;
const STATUS: Record<string, string> = {
  issued: 'Issued',
  paid: 'Paid',
  unpaid: 'Unpaid',
  withdrawn: 'Withdrawn',
  prosecuted: 'Prosecuted',
};

export function Penalties({ today }: { today: string }) {
  const route = useHashRoute();
  const selected = route[1] ? Number(route[1]) : null;
  const q = useRpc('penalty.tracker', {});
  const [err, setErr] = useState<unknown>(null);
  const exportCsv = async () => {
    try {
      const r = await call('figures.exportCsv', { list: 'penalty' });
      downloadText(r.filename, r.csv);
    } catch (e) {
      setErr(e);
    }
  };
  const t = q.data;
  return (
    <div className="page">
      <Title2 as="h1">Penalty notices</Title2>
      <Text>
        Pupils of compulsory school age with {t ? t.near : 6} or more sessions of unauthorised absence (G, N,
        O, U) in their worst 10 consecutive school weeks this school year. A penalty notice must be considered
        at {t?.threshold ?? 10}. Support comes first: the school decides, under the local authority's code of
        conduct.
      </Text>
      {q.isFetching && <ProgressBar aria-label="Working out the windows" />}
      <ErrorBar error={q.error ?? err} />
      {t && (
        <section className="card" aria-labelledby="h-tracker">
          <Text as="h2" id="h-tracker" weight="semibold" size={500}>
            At or near the threshold, {formatUkDate(t.from)} to {formatUkDate(t.to)} ({t.rows.length})
          </Text>
          {t.leftOutNotCompulsory > 0 && (
            <Text block className="muted">
              {t.leftOutNotCompulsory} pupil{t.leftOutNotCompulsory === 1 ? ' is' : 's are'} left out: not of
              compulsory school age, so never put forward for a notice.
            </Text>
          )}
          {t.leftOutNotOnRoll > 0 && (
            <Text block className="muted">
              {t.leftOutNotOnRoll} pupil{t.leftOutNotOnRoll === 1 ? ' has' : 's have'} left the school and{' '}
              {t.leftOutNotOnRoll === 1 ? 'is' : 'are'} not listed.
            </Text>
          )}
          <div className="row" style={{ marginBottom: 8 }}>
            <Button onClick={() => void exportCsv()}>Export CSV</Button>
          </div>
          <table className="plain" aria-label="Penalty-notice tracker">
            <thead>
              <tr>
                <th>Pupil</th>
                <th>Year</th>
                <th>Group</th>
                <th className="num">Sessions in worst window</th>
                <th className="num">Sessions to go</th>
                <th>Threshold met</th>
                <th>Worst window</th>
                <th className="num">Not yet on a notice (last 10 weeks)</th>
                <th className="num">Penalty notices in 3 years</th>
                <th>Can a notice be considered?</th>
                <th>
                  <span className="visually-hidden">Notices</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {t.rows.length === 0 && (
                <tr>
                  <td colSpan={11} className="muted">
                    No pupil of compulsory school age is near the threshold.
                  </td>
                </tr>
              )}
              {t.rows.map((r) => (
                <tr key={r.pupilId} className={selected === r.pupilId ? 'selected-row' : undefined}>
                  <td>
                    <a href={`#/pupils/${r.pupilId}`}>{r.name}</a>
                  </td>
                  <td>{r.yearGroup}</td>
                  <td>{r.regGroup}</td>
                  <td className="num">{r.sessionsMaxWindow}</td>
                  <td className="num">{r.sessionsToGo}</td>
                  <td>{formatUkDate(r.thresholdFirstMet ?? r.worstWindow?.metOn ?? null)}</td>
                  <td>
                    <WindowCell w={r.worstWindow} />
                  </td>
                  <td className="num">{r.uncitedInLastWindow}</td>
                  <td className="num">{r.penaltyNoticesIn3Years}</td>
                  <td className="penalty-notice-reason">{r.notice?.reason ?? ''}</td>
                  <td>
                    <Button
                      size="small"
                      aria-label={`Notices for ${r.name}`}
                      onClick={() => go(`penalties/${r.pupilId}`)}
                    >
                      Notices
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {selected !== null && <PupilNotices pupilId={selected} today={today} />}
    </div>
  );
}

/** The worst window's dates; says when it lies in an earlier school year (docs/rules/statistics.md §6). */
function WindowCell({ w }: { w: Output<'penalty.tracker'>['rows'][number]['worstWindow'] }) {
  if (!w) {
    return null;
  }
  return (
    <>
      {formatUkDate(w.from)} to {formatUkDate(w.to)}
      {w.earlierYear && (
        <Text block size={200}>
          in {w.schoolYear}, an earlier school year
        </Text>
      )}
    </>
  );
}

type N = Output<'penalty.notices'>;

function PupilNotices({ pupilId, today }: { pupilId: number; today: string }) {
  const q = useRpc('penalty.notices', { pupilId });
  const record = useRpcMutation('penalty.record', ['penalty.notices', 'penalty.tracker']);
  const [kind, setKind] = useState<keyof typeof KIND>('penalty_notice');
  const [issuedOn, setIssuedOn] = useState(today);
  const [parent, setParent] = useState('');
  const [amount, setAmount] = useState<'80' | '160'>('80');
  const [note, setNote] = useState('');
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [done, setDone] = useState<string | null>(null);
  const d = q.data;
  // Pre-select the unauthorised marks of the last 10 school weeks that no notice of this kind relies on yet.
  useEffect(() => {
    if (!d) {
      return;
    }
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
  if (!d) {
    return <ErrorBar error={q.error} />;
  }
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
    <section className="card" aria-labelledby="h-notices">
      <Text as="h2" id="h-notices" weight="semibold" size={500}>
        Notices for {d.pupil.name} ({d.pupil.regGroup})
      </Text>
      {d.notices.length === 0 ? (
        <Text block>No notices recorded.</Text>
      ) : (
        d.notices.map((n) => <NoticeCard key={n.id} n={n} today={today} />)
      )}
      {!d.pupil.compulsoryAge ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            {d.pupil.name} is not of compulsory school age: no notice can be issued.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <div className="card" style={{ marginTop: 12 }}>
          <Text as="h3" weight="semibold" size={400}>
            Record a notice
          </Text>
          <div className="row">
            <Field label="Kind">
              <RadioGroup
                layout="horizontal"
                value={kind}
                onChange={(_, v) => setKind(v.value as keyof typeof KIND)}
              >
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
      )}
    </section>
  );
}

function NoticeCard({ n, today }: { n: N['notices'][number]; today: string }) {
  const update = useRpcMutation('penalty.update', ['penalty.notices', 'penalty.tracker']);
  const [status, setStatus] = useState<'paid' | 'unpaid' | 'withdrawn' | 'prosecuted'>(
    n.kind === 'penalty_notice' ? 'paid' : 'withdrawn',
  );
  const [onDate, setOnDate] = useState(today);
  const [reason, setReason] = useState('');
  const changed = n.marks.filter((m) => !m.stillUnauthorised).length;
  return (
    <div
      className="card"
      style={{ marginTop: 8 }}
      aria-label={`${KIND[n.kind]} of ${formatUkDate(n.issuedOn)}`}
      role="group"
    >
      <Text block weight="semibold">
        {KIND[n.kind]} of {formatUkDate(n.issuedOn)} to {n.parentName}
        {n.amount ? `, £${n.amount}` : ''}: {STATUS[n.status]}
      </Text>
      <Text block className="muted">
        Relies on {n.marks.length} marks, {formatUkDate(n.marks[0]?.date)} to{' '}
        {formatUkDate(n.marks[n.marks.length - 1]?.date)}. Recorded by {n.recordedBy}.
        {n.note ? ` ${n.note}` : ''}
      </Text>
      {changed > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {changed} of the marks it relies on have since been amended to a code that is not unauthorised
            absence.
          </MessageBarBody>
        </MessageBar>
      )}
      <ul aria-label="History">
        {n.events.map((e, i) => (
          <li key={i}>
            {formatUkDate(e.onDate)}: {STATUS[e.status]}
            {e.reason ? ` – ${e.reason}` : ''} <span className="muted">({e.by})</span>
          </li>
        ))}
      </ul>
      {n.status !== 'withdrawn' && (
        <div className="row">
          <Field label="Change">
            <Select value={status} onChange={(_, v) => setStatus(v.value as typeof status)}>
              {n.kind === 'penalty_notice' && (
                <>
                  <option value="paid">Paid</option>
                  <option value="unpaid">Unpaid</option>
                  <option value="prosecuted">Prosecuted</option>
                </>
              )}
              <option value="withdrawn">Withdrawn</option>
            </Select>
          </Field>
          <Field label="On">
            <DateInput value={onDate} onChange={(_, v) => setOnDate(v.value)} />
          </Field>
          <Field label="Reason or reference">
            <Input value={reason} onChange={(_, v) => setReason(v.value)} />
          </Field>
          <Button
            disabled={!reason.trim() || update.isPending}
            onClick={() =>
              update.mutate({ noticeId: n.id, status, onDate, reason }, { onSuccess: () => setReason('') })
            }
          >
            Record change
          </Button>
        </div>
      )}
      <ErrorBar error={update.error} />
    </div>
  );
}
