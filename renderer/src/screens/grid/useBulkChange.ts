// A bulk change's state and calls: the reason typed, the preview from `marks.bulkPreview` (dropped whenever the
// change is edited), and applying exactly the previewed total through `marks.bulkApply`.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Output } from '../../../../shared/contract';
import { call } from '../../rpc';
import type { Bulk } from './selection';

export type Preview = Output<'marks.bulkPreview'>;

export function useBulkChange(
  bulk: Bulk,
  setBulk: (b: Bulk | null) => void,
  onApplied: (message: string) => void,
) {
  const qc = useQueryClient();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const edit = (b: Bulk) => {
    setBulk(b);
    setPreview(null);
  };
  const discard = () => {
    setBulk(null);
    setPreview(null);
  };
  const showPreview = async () => {
    setError(null);
    try {
      setPreview(await call('marks.bulkPreview', bulk));
    } catch (e) {
      setError(e);
    }
  };
  const apply = async (p: Preview) => {
    try {
      const r = await call('marks.bulkApply', {
        ...bulk,
        reason: reason.trim() || 'Bulk entry',
        expectTotal: p.total,
      });
      onApplied(`${r.inserted} marks added and ${r.amended} amended (batch ${r.batchId}).`);
      setBulk(null);
      setPreview(null);
      await qc.invalidateQueries({ queryKey: ['registers.grid'] });
    } catch (e) {
      setError(e);
    }
  };
  return { preview, reason, setReason, error, edit, discard, showPreview, apply };
}
