// Taking a register, keyboard first. Calling down the list, one key marks a pupil and moves on:
//   / \ . or Space = present (stored as / in the morning, \ in the afternoon); a letter = that code;
//   C, J, Y wait for a digit (C1, C2, J1, Y1–Y7) and otherwise mean the letter alone;
//   L and U ask for the minutes late (type them, Enter); codes that need a detail ask for it (Enter);
//   ↑ ↓ and Enter move; * marks every unmarked pupil present; Ctrl+S saves, wherever the focus is on the screen.
// The route is register/<group>/<AM|PM>[/<date>] so a link can open any day's register (docs/ux.md). Leaving
// with marks not saved asks first (useUnsavedGuard).
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Title2,
} from '@fluentui/react-components';
import { formatLongDate, formatUkDate, isIsoDate } from '../../../shared/dates';
import type { Output } from '../../../shared/contract';
import { go, useHashRoute, useRpc } from '../hooks';
import { call } from '../rpc';
import { ErrorBar } from '../components/ErrorBar';
import { DateInput } from '../components/DateInput';
import { useQueryClient } from '@tanstack/react-query';
import { useUnsavedGuard } from './arrangements/useUnsavedGuard';

type Reg = Output<'registers.get'>;
interface Value {
  code: string;
  minutesLate: number | null;
  note: string | null;
}

export function Register({ today }: { today: string }) {
  const route = useHashRoute();
  const [, groupParam, sessionParam, dateParam] = route;
  const [picked, setPicked] = useState(today);
  const date = dateParam && isIsoDate(dateParam) ? dateParam : picked;
  const groups = useRpc('pupils.list', { onDate: date });
  const group = groupParam ?? '';
  const session = (sessionParam === 'PM' ? 'PM' : 'AM') as 'AM' | 'PM';
  const open = (g: string, s: string, d: string) =>
    go(`register/${encodeURIComponent(g)}/${s}${d === today ? '' : `/${d}`}`);
  return (
    <div className="page">
      <Title2 as="h1">Take a register</Title2>
      <div className="row no-print">
        <Field label="Date">
          <DateInput
            value={date}
            onChange={(_, d) => {
              if (d.value) {
                setPicked(d.value);
                if (group) {
                  open(group, session, d.value);
                }
              }
            }}
          />
        </Field>
        <Field label="Registration group">
          <Select value={group} onChange={(_, d) => open(d.value, session, date)}>
            <option value="">Choose…</option>
            {groups.data?.regGroups.map((g) => (
              <option key={g}>{g}</option>
            ))}
          </Select>
        </Field>
        <Field label="Session">
          <Select value={session} onChange={(_, d) => open(group, d.value, date)}>
            <option value="AM">Morning (AM)</option>
            <option value="PM">Afternoon (PM)</option>
          </Select>
        </Field>
      </div>
      {group ? (
        <RegisterTable key={`${date}|${session}|${group}`} date={date} session={session} group={group} />
      ) : (
        <Text>Choose a registration group.</Text>
      )}
    </div>
  );
}

const PRESENT_KEYS = new Set(['/', '\\', '.', ' ']);

function RegisterTable({ date, session, group }: { date: string; session: 'AM' | 'PM'; group: string }) {
  const q = useRpc('registers.get', { date, session, regGroup: group });
  if (!q.data) {
    return <ErrorBar error={q.error} />;
  }
  if (!q.data.isSchoolDay) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>
          {formatUkDate(date)} is not a school day ({q.data.dayKind.replace('_', ' ')}): no register is taken.
        </MessageBarBody>
      </MessageBar>
    );
  }
  return <Marking reg={q.data} />;
}

function Marking({ reg }: { reg: Reg }) {
  const qc = useQueryClient();
  const codes = useMemo(() => new Map(reg.codes.map((c) => [c.code, c])), [reg.codes]);
  const prefixes = useMemo(
    () => new Set(reg.codes.filter((c) => c.code.length === 2).map((c) => c.code[0])),
    [reg.codes],
  );
  const initial = () =>
    new Map<number, Value>(
      reg.pupils.flatMap((p) =>
        p.mark
          ? [[p.pupilId, { code: p.mark.code, minutesLate: p.mark.minutesLate, note: p.mark.note }]]
          : p.planned
            ? [[p.pupilId, { code: p.planned.code, minutesLate: null, note: p.planned.note }]]
            : [],
      ) as [number, Value][],
    );
  const [values, setValues] = useState(initial);
  const [active, setActive] = useState(0);
  const [pending, setPending] = useState<string | null>(null);
  const [editing, setEditing] = useState<'minutes' | 'note' | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const release = useUnsavedGuard(dirty);
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  const present = reg.session === 'AM' ? '/' : '\\';

  useEffect(() => {
    if (!editing) {
      rows.current[active]?.focus();
    }
  }, [active, editing]);

  const changed = reg.pupils.filter(
    (p) =>
      p.mark &&
      values.get(p.pupilId) &&
      (values.get(p.pupilId)!.code !== p.mark.code ||
        (values.get(p.pupilId)!.minutesLate ?? null) !== (p.mark.minutesLate ?? null)),
  );
  const setValue = (i: number, v: Value) => {
    setValues((m) => new Map(m).set(reg.pupils[i].pupilId, v));
    setSaved(null);
    setDirty(true);
  };
  const advance = (i: number) => setActive(Math.min(i + 1, reg.pupils.length - 1));

  const apply = (i: number, code: string) => {
    const c = codes.get(code);
    if (!c) {
      return false;
    }
    const prev = values.get(reg.pupils[i].pupilId);
    setValue(i, {
      code,
      minutesLate: code === 'L' || code === 'U' ? (prev?.minutesLate ?? null) : null,
      note: prev?.note ?? null,
    });
    if (code === 'L' || code === 'U') {
      setEditing('minutes');
    } else if (c.needsReason) {
      setEditing('note');
    } else {
      advance(i);
    }
    return true;
  };

  const save = async () => {
    setError(null);
    try {
      const marks = reg.pupils
        .filter((p) => values.has(p.pupilId))
        .map((p) => ({ pupilId: p.pupilId, ...values.get(p.pupilId)! }));
      const r = await call('registers.save', {
        date: reg.date,
        session: reg.session,
        regGroup: reg.regGroup,
        marks,
        reason: reason.trim() || undefined,
      });
      release();
      setDirty(false);
      setSaved(
        `Saved: ${r.inserted} new, ${r.amended} amended${r.unmarked ? `, ${r.unmarked} still unmarked` : ''}.`,
      );
      await qc.invalidateQueries({ queryKey: ['registers.get'] });
      await qc.invalidateQueries({ queryKey: ['registers.notTaken'] });
      await qc.invalidateQueries({ queryKey: ['registers.outstanding'] });
    } catch (e) {
      setError(e);
    }
  };

  const markAllPresent = () => {
    setValues((m) => {
      const n = new Map(m);
      for (const p of reg.pupils) {
        if (!n.has(p.pupilId)) {
          n.set(p.pupilId, { code: present, minutesLate: null, note: null });
        }
      }
      return n;
    });
    setSaved(null);
    setDirty(true);
  };
  // Ctrl+S saves from anywhere on the screen (the amendment reason box, a button), not only the register grid.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onSave = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener('keydown', onSave);
    return () => window.removeEventListener('keydown', onSave);
  }, []);

  const onKey = (e: KeyboardEvent<HTMLTableElement>) => {
    if (editing) {
      return;
    }
    const i = active;
    if (e.ctrlKey || e.metaKey || e.altKey) {
      return;
    }
    const key = e.key;
    if (pending) {
      const two = pending + key.toUpperCase();
      setPending(null);
      if (codes.has(two)) {
        e.preventDefault();
        apply(i, two);
        return;
      }
      if (codes.has(pending)) {
        apply(i, pending);
      } // the letter alone, then this key acts as usual on the next pupil
      if (!codes.has(pending)) {
        return;
      }
    }
    if (key === 'ArrowDown' || key === 'Enter') {
      e.preventDefault();
      advance(i);
      return;
    }
    if (key === 'ArrowUp') {
      e.preventDefault();
      setActive(Math.max(0, i - 1));
      return;
    }
    if (key === 'Home') {
      e.preventDefault();
      setActive(0);
      return;
    }
    if (key === 'End') {
      e.preventDefault();
      setActive(reg.pupils.length - 1);
      return;
    }
    if (key === '*') {
      e.preventDefault();
      markAllPresent();
      return;
    }
    if (PRESENT_KEYS.has(key)) {
      e.preventDefault();
      apply(i, present);
      return;
    }
    if (/^[a-zA-Z#]$/.test(key)) {
      e.preventDefault();
      const k = key.toUpperCase();
      if (prefixes.has(k)) {
        setPending(k);
        return;
      }
      apply(i, k);
    }
  };

  const hint = pending
    ? `${pending}… ${reg.codes
        .filter((c) => c.code.startsWith(pending))
        .map((c) => `${c.code} ${c.label}`)
        .join('; ')}`
    : (() => {
        const v = values.get(reg.pupils[active]?.pupilId);
        return v ? `${v.code}: ${codes.get(v.code)?.label ?? ''}` : 'Type a code, or / for present.';
      })();
  const marked = reg.pupils.filter((p) => values.has(p.pupilId)).length;

  return (
    <div className="page">
      <Text>
        {formatLongDate(reg.date, true)}, {reg.session === 'AM' ? 'morning' : 'afternoon'}: the register opens
        at {reg.opensAt} and closes at {reg.closesAt} (a pupil arriving after it closes is U, not L).
        {reg.taken ? ` Taken by ${reg.taken.by}; changes now are amendments and need a reason.` : ''}
      </Text>
      <Text aria-live="polite" className="muted" id="code-hint">
        {hint}
      </Text>
      <table
        className="plain"
        role="grid"
        aria-label={`Register ${reg.regGroup} ${reg.session}`}
        aria-describedby="code-hint"
        onKeyDown={onKey}
      >
        <thead>
          <tr>
            <th>Pupil</th>
            <th>Mark</th>
            <th>Minutes late</th>
            <th>Note</th>
            <th>Last two weeks (AM PM)</th>
          </tr>
        </thead>
        <tbody>
          {reg.pupils.map((p, i) => {
            const v = values.get(p.pupilId);
            const isPlanned = !p.mark && p.planned && v?.code === p.planned.code;
            return (
              <tr
                key={p.pupilId}
                ref={(el) => {
                  rows.current[i] = el;
                }}
                className="register-row"
                tabIndex={i === active ? 0 : -1}
                aria-selected={i === active}
                onClick={() => {
                  setActive(i);
                  setEditing(null);
                }}
              >
                <td>
                  {p.name}
                  {p.socialWorker && <Text className="muted"> · social worker</Text>}
                  {p.arrangement && <Text className="muted"> · {p.arrangement}</Text>}
                </td>
                <td>
                  <span
                    className={`mark${p.mark?.amended ? ' amended' : ''}`}
                    aria-label={v ? `mark ${v.code}` : 'no mark'}
                  >
                    {v?.code ?? '·'}
                  </span>
                  {isPlanned && <Text className="muted"> planned</Text>}
                  {p.mark?.amended && <Text className="muted"> amended</Text>}
                </td>
                <td>
                  {(v?.code === 'L' || v?.code === 'U') &&
                    (editing === 'minutes' && i === active ? (
                      <input
                        aria-label={`Minutes late for ${p.name}`}
                        autoFocus
                        inputMode="numeric"
                        size={4}
                        defaultValue={v.minutesLate ?? ''}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter' || e.key === 'Tab') {
                            e.preventDefault();
                            const n = Number((e.target as HTMLInputElement).value || 0);
                            setValue(i, { ...v, minutesLate: n > 0 ? n : null });
                            setEditing(null);
                            advance(i);
                          }
                          if (e.key === 'Escape') {
                            setEditing(null);
                          }
                        }}
                      />
                    ) : (
                      <span>{v.minutesLate ?? ''}</span>
                    ))}
                </td>
                <td>
                  {editing === 'note' && i === active ? (
                    <input
                      aria-label={`Detail for ${p.name} (${v?.code})`}
                      autoFocus
                      size={30}
                      defaultValue={v?.note ?? ''}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') {
                          e.preventDefault();
                          setValue(i, { ...v!, note: (e.target as HTMLInputElement).value || null });
                          setEditing(null);
                          advance(i);
                        }
                        if (e.key === 'Escape') {
                          setEditing(null);
                        }
                      }}
                    />
                  ) : (
                    <span>{v?.note ?? ''}</span>
                  )}
                </td>
                <td className="strip">{p.strip.map((s) => `${s.am ?? '·'}${s.pm ?? '·'}`).join(' ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Text>
        {marked} of {reg.pupils.length} marked.
      </Text>
      {changed.length > 0 && (
        <Field
          label={`Reason for amending ${changed.length} saved mark${changed.length > 1 ? 's' : ''}`}
          required
          className="no-print"
        >
          <Input value={reason} onChange={(_, d) => setReason(d.value)} />
        </Field>
      )}
      <ErrorBar error={error} title="The register was not saved" />
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>{saved}</MessageBarBody>
        </MessageBar>
      )}
      <div className="row no-print">
        <Button appearance="primary" onClick={() => void save()}>
          Save register (Ctrl+S)
        </Button>
        <Button onClick={markAllPresent}>Mark all unmarked present (*)</Button>
        <Button onClick={() => window.print()}>Print</Button>
      </div>
    </div>
  );
}
