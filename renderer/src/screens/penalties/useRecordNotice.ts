// State and the save for recording a notice: its kind, date, parent, amount and note, and the marks it relies on
// (those of the last 10 school weeks that no notice of the kind cites yet chosen to start with).
import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { useRpcMutation } from '../../hooks';
import { KIND } from './labels';

export type Notices = Output<'penalty.notices'>;
export type Kind = keyof typeof KIND;
export type Amount = '80' | '160';

/** The unauthorised marks of the last 10 school weeks that no notice of this kind relies on yet. */
function freshMarks(d: Notices, kind: Kind): Set<number> {
  return new Set(
    d.candidateMarks
      .filter((m) => m.inLastWindow && !m.citedBy.some((c) => c.kind === kind))
      .map((m) => m.markId),
  );
}

export function useRecordNotice(pupilId: number, d: Notices, today: string) {
  const record = useRpcMutation('penalty.record', ['penalty.notices', 'penalty.tracker']);
  const [kind, setKind] = useState<Kind>('penalty_notice');
  const [issuedOn, setIssuedOn] = useState(today);
  const [parent, setParent] = useState('');
  const [amount, setAmount] = useState<Amount>('80');
  const [note, setNote] = useState('');
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [done, setDone] = useState<string | null>(null);
  // Pre-select the unauthorised marks of the last 10 school weeks that no notice of this kind relies on yet.
  useEffect(() => {
    setChosen(freshMarks(d, kind));
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
  return {
    record,
    kind,
    setKind,
    issuedOn,
    setIssuedOn,
    parent,
    setParent,
    amount,
    setAmount,
    note,
    setNote,
    chosen,
    setChosen,
    done,
    submit,
  };
}

export type NoticeDraft = ReturnType<typeof useRecordNotice>;
