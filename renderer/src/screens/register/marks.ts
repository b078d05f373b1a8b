// The register's marks as the screen holds them until they are saved: the marks typed so far, the active row,
// a first letter waiting for its digit (C1, J1, Y1–Y7), the detail being typed (minutes late, a note), and
// apply(), which puts one code on one pupil and decides what comes next.
import { useMemo, useState } from 'react';
import type { Output } from '../../../../shared/contract';

export type Reg = Output<'registers.get'>;
export interface Value {
  code: string;
  minutesLate: number | null;
  note: string | null;
}
export type Editing = 'minutes' | 'note' | null;

/** The marks the register opens with: the saved mark, else the planned one, else none. */
function initialValues(reg: Reg) {
  return new Map<number, Value>(
    reg.pupils.flatMap((p): [number, Value][] =>
      p.mark
        ? [[p.pupilId, { code: p.mark.code, minutesLate: p.mark.minutesLate, note: p.mark.note }]]
        : p.planned
          ? [[p.pupilId, { code: p.planned.code, minutesLate: null, note: p.planned.note }]]
          : [],
    ),
  );
}

/** The marks typed so far, the last save's message, and whether anything changed since. */
function useMarkValues(reg: Reg) {
  const [values, setValues] = useState(() => initialValues(reg));
  const [saved, setSaved] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const present = reg.session === 'AM' ? '/' : '\\';
  const setValue = (i: number, v: Value) => {
    setValues((m) => new Map(m).set(reg.pupils[i].pupilId, v));
    setSaved(null);
    setDirty(true);
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
  return { values, saved, setSaved, dirty, setDirty, present, setValue, markAllPresent };
}

export function useMarking(reg: Reg) {
  const codes = useMemo(() => new Map(reg.codes.map((c) => [c.code, c])), [reg.codes]);
  const prefixes = useMemo(
    () => new Set(reg.codes.filter((c) => c.code.length === 2).map((c) => c.code[0])),
    [reg.codes],
  );
  const marks = useMarkValues(reg);
  const [active, setActive] = useState(0);
  const [pending, setPending] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const advance = (i: number) => setActive(Math.min(i + 1, reg.pupils.length - 1));

  const apply = (i: number, code: string) => {
    const c = codes.get(code);
    if (!c) {
      return false;
    }
    const prev = marks.values.get(reg.pupils[i].pupilId);
    marks.setValue(i, {
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
  return {
    ...marks,
    codes,
    prefixes,
    active,
    setActive,
    pending,
    setPending,
    editing,
    setEditing,
    advance,
    apply,
  };
}

/** The saved marks whose code or minutes late have been changed: an amendment, which needs a reason. */
export function changedMarks(reg: Reg, values: Map<number, Value>) {
  return reg.pupils.filter(
    (p) =>
      p.mark &&
      values.get(p.pupilId) &&
      (values.get(p.pupilId)!.code !== p.mark.code ||
        (values.get(p.pupilId)!.minutesLate ?? null) !== (p.mark.minutesLate ?? null)),
  );
}

/** The line under the heading: the codes a pending letter may start, else the active pupil's mark. */
export function codeHint(
  reg: Reg,
  codes: Map<string, Reg['codes'][number]>,
  values: Map<number, Value>,
  pending: string | null,
  active: number,
) {
  return pending
    ? `${pending}… ${reg.codes
        .filter((c) => c.code.startsWith(pending))
        .map((c) => `${c.code} ${c.label}`)
        .join('; ')}`
    : (() => {
        const v = values.get(reg.pupils[active]?.pupilId);
        return v ? `${v.code}: ${codes.get(v.code)?.label ?? ''}` : 'Type a code, or / for present.';
      })();
}

export type Marking = ReturnType<typeof useMarking>;
