// Saving a new leave request: one request per pupil on it, then each evidence file attached to every one of them.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { call } from '../../../rpc';
import { fileToBase64 } from '../../../letters/util';
import { LEAVE_INVALIDATES } from '../common';
import { contactFor, observanceDates, type Chosen, type Contact, type IntakeValues } from './schema';

/** What was saved: the new requests and their pupils' names, in the same order. */
export interface Saved {
  ids: number[];
  names: string[];
}

async function attachEvidence(files: File[], requestIds: number[]): Promise<void> {
  for (const f of files) {
    const base64 = await fileToBase64(f);
    for (const requestId of requestIds) {
      await call('leave.addEvidence', {
        requestId,
        fileName: f.name,
        mimeType: f.type || 'application/octet-stream',
        base64,
      });
    }
  }
}

async function createRequests(v: IntakeValues, pupils: Chosen[], asked: Contact | undefined) {
  const observanceDays = observanceDates(v.observanceDays);
  return call('leave.create', {
    pupils: pupils.map((p) => ({ pupilId: p.id, requesterContactId: contactFor(p, asked)?.id ?? null })),
    requesterName: asked?.name ?? v.otherName,
    howReceived: v.howReceived,
    dateReceived: v.dateReceived,
    fromDate: v.fromDate,
    fromSession: v.fromSession,
    toDate: v.toDate,
    toSession: v.toSession,
    kind: v.kind,
    reason: v.reason,
    notes: v.notes || null,
    ...(v.kind === 'religious_observance'
      ? { observance: v.observance, religiousBody: v.religiousBody, observanceDays }
      : {}),
  });
}

/** `onSaved` empties the form once the requests and their evidence are saved. */
export function useSubmitIntake(onSaved: (saved: Saved) => void) {
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (v: IntakeValues, pupils: Chosen[], asked: Contact | undefined, files: File[]) => {
    setError(null);
    setSaving(true);
    try {
      const r = await createRequests(v, pupils, asked);
      await attachEvidence(files, r.requestIds);
      onSaved({ ids: r.requestIds, names: pupils.map((p) => p.name) });
      for (const c of LEAVE_INVALIDATES) {
        void qc.invalidateQueries({ queryKey: [c] });
      }
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return { error, saving, submit };
}
