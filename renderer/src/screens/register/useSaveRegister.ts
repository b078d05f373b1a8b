// Saving the register: every mark typed, with the amendment reason when saved marks changed; Ctrl+S saves from
// anywhere on the screen.
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { call } from '../../rpc';
import type { Reg, Value } from './marks';

// Ctrl+S saves from anywhere on the screen (the amendment reason box, a button), not only the register grid.
function useCtrlS(save: () => Promise<void>) {
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
}

/** onSaved gets the message to show once the save went through (before the register is read again). */
export function useSaveRegister(
  reg: Reg,
  values: Map<number, Value>,
  reason: string,
  onSaved: (message: string) => void,
) {
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
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
      onSaved(
        `Saved: ${r.inserted} new, ${r.amended} amended${r.unmarked ? `, ${r.unmarked} still unmarked` : ''}.`,
      );
      await qc.invalidateQueries({ queryKey: ['registers.get'] });
      await qc.invalidateQueries({ queryKey: ['registers.notTaken'] });
      await qc.invalidateQueries({ queryKey: ['registers.outstanding'] });
    } catch (e) {
      setError(e);
    }
  };
  useCtrlS(save);
  return { error, save };
}
