// Step 2 and 3's choices on the letters screen: who is sent the letter, the reasons to send one despite a warning,
// the letter's extra details, and the request they make for a preview or a batch.
import { useEffect, useMemo, useState } from 'react';
import type { Input } from '../../../../shared/contract';
import type { Candidate } from './common';
import type { LetterChoice } from './useLetterChoice';

/** What a preview and a batch are asked for (a batch adds its folder). */
export type LetterRequest = Omit<Input<'letters.generate'>, 'folder'>;

/** A pupil without a warning is sent the letter unless unticked; the ticks start again when `choiceKey` changes. */
export function useLetterSelection(rows: Candidate[], choice: LetterChoice, choiceKey: string) {
  const { template, from, to } = choice;
  const [picked, setPicked] = useState<Record<number, boolean>>({});
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const [extra, setExtra] = useState<Record<string, string>>({});
  useEffect(() => {
    setPicked({});
  }, [choiceKey]);
  const isPicked = (p: Candidate) => picked[p.pupilId] ?? p.flags.length === 0;
  const chosen = rows.filter(isPicked);
  const needsReason = chosen.filter((p) => p.flags.length > 0 && !(reasons[p.pupilId] ?? '').trim());
  const request: LetterRequest = useMemo(
    () => ({
      template,
      pupilIds: chosen.map((p) => p.pupilId),
      from,
      to,
      extra: Object.fromEntries(Object.entries(extra).filter(([, v]) => v.trim())),
      overrideReasons: Object.fromEntries(
        chosen.filter((p) => p.flags.length).map((p) => [String(p.pupilId), reasons[p.pupilId] ?? '']),
      ),
    }),
    [template, chosen, from, to, extra, reasons],
  );
  return { picked, setPicked, reasons, setReasons, extra, setExtra, isPicked, chosen, needsReason, request };
}
