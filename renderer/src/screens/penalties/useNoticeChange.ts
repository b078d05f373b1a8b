// State and the save for a change to one notice: paid, unpaid, withdrawn or prosecuted, on a date, with a reason
// or reference.
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { useRpcMutation } from '../../hooks';

export type Notice = Output<'penalty.notices'>['notices'][number];
export type NoticeStatus = 'paid' | 'unpaid' | 'withdrawn' | 'prosecuted';

export function useNoticeChange(n: Notice, today: string) {
  const update = useRpcMutation('penalty.update', ['penalty.notices', 'penalty.tracker']);
  const [status, setStatus] = useState<NoticeStatus>(n.kind === 'penalty_notice' ? 'paid' : 'withdrawn');
  const [onDate, setOnDate] = useState(today);
  const [reason, setReason] = useState('');
  const save = () =>
    update.mutate({ noticeId: n.id, status, onDate, reason }, { onSuccess: () => setReason('') });
  return { update, status, setStatus, onDate, setOnDate, reason, setReason, save };
}

export type NoticeChange = ReturnType<typeof useNoticeChange>;
