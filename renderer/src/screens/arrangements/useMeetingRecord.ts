// State and the save for the record of an LA meeting: when, the officer, the notes, and one row for each pupil
// discussed with the action agreed (guarded while unsaved).
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { call } from '../../rpc';
import { useUnsavedGuard } from './useUnsavedGuard';

export type Owner = 'pupil' | 'parent' | 'school' | 'agency';
export interface ActionDraft {
  pupilId: number;
  name: string;
  what: string;
  ownerKind: Owner;
  ownerName: string;
  dueOn: string;
}

export function useMeetingRecord(today: string) {
  const qc = useQueryClient();
  const [heldOn, setHeldOn] = useState(today);
  const [officer, setOfficer] = useState('');
  const [notes, setNotes] = useState('');
  const [rows, setRows] = useState<ActionDraft[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const release = useUnsavedGuard(rows.length > 0 || officer !== '');
  const set = (i: number, patch: Partial<ActionDraft>) =>
    setRows((rs) => rs.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const add = (pupilId: number, name: string) =>
    setRows((rs) =>
      rs.some((r) => r.pupilId === pupilId)
        ? rs
        : [...rs, { pupilId, name, what: '', ownerKind: 'school', ownerName: '', dueOn: today }],
    );
  const save = async () => {
    setError(null);
    try {
      const r = await call('arrangements.laMeetingSave', {
        heldOn,
        officer,
        notes: notes || null,
        pupils: rows.map((x) => ({ pupilId: x.pupilId })),
        actions: rows
          .filter((x) => x.what.trim())
          .map((x) => ({
            pupilId: x.pupilId,
            what: x.what,
            ownerKind: x.ownerKind,
            ownerName: x.ownerName || null,
            dueOn: x.dueOn,
          })),
      });
      release();
      setRows([]);
      setOfficer('');
      setNotes('');
      setDone(`Meeting recorded with ${r.actions} actions, now in each pupil's casework.`);
      await qc.invalidateQueries();
    } catch (e) {
      setError(e);
    }
  };
  return { heldOn, setHeldOn, officer, setOfficer, notes, setNotes, rows, set, add, save, error, done };
}
