// Taking a register, keyboard first. Calling down the list, one key marks a pupil and moves on:
//   / \ . or Space = present (stored as / in the morning, \ in the afternoon); a letter = that code;
//   C, J, Y wait for a digit (C1, C2, J1, Y1–Y7) and otherwise mean the letter alone;
//   L and U ask for the minutes late (type them, Enter); codes that need a detail ask for it (Enter);
//   ↑ ↓ and Enter move; * marks every unmarked pupil present; Ctrl+S saves, wherever the focus is on the screen.
// The route is register/<group>/<AM|PM>[/<date>] so a link can open any day's register (docs/ux.md). Leaving
// with marks not saved asks first (useUnsavedGuard).
import { useEffect, useRef, useState } from 'react';
import { Field, MessageBar, MessageBarBody, Select, Text, Title2 } from '@fluentui/react-components';
import { formatLongDate, formatUkDate, isIsoDate } from '../../../shared/dates';
import { go, useHashRoute, useRpc } from '../hooks';
import { ErrorBar } from '../components/ErrorBar';
import { DateInput } from '../components/DateInput';
import { useUnsavedGuard } from './arrangements/useUnsavedGuard';
import { changedMarks, codeHint, useMarking, type Reg } from './register/marks';
import { useSaveRegister } from './register/useSaveRegister';
import { RegisterGrid } from './register/RegisterGrid';
import { SaveBar } from './register/SaveBar';

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
  const m = useMarking(reg);
  const { values, active, editing } = m;
  const [reason, setReason] = useState('');
  const release = useUnsavedGuard(m.dirty);
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);

  useEffect(() => {
    if (!editing) {
      rows.current[active]?.focus();
    }
  }, [active, editing]);

  const { error, save } = useSaveRegister(reg, values, reason, (message) => {
    release();
    m.setDirty(false);
    m.setSaved(message);
  });
  const changed = changedMarks(reg, values);
  const hint = codeHint(reg, m.codes, values, m.pending, active);
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
      <RegisterGrid reg={reg} m={m} rows={rows} />
      <SaveBar
        marked={marked}
        total={reg.pupils.length}
        changed={changed.length}
        reason={reason}
        setReason={setReason}
        error={error}
        saved={m.saved}
        save={save}
        markAllPresent={m.markAllPresent}
      />
    </div>
  );
}
