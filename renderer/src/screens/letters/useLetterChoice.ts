// Step 1's choices on the letters screen: the letter, the year group, the band and the period; the termly update
// goes to every family, over the term so far (docs/rules/letters.md).
import { useEffect, useState } from 'react';
import { academicYearOf, academicYearRange } from '../../../../shared/dates';
import { termAround } from '../../../../shared/terms';
import { useRpc } from '../../hooks';
import type { Band, Template } from './common';

/** The choices of step 1 and the chosen letter's description (`spec`); one pupil's letter is for any band. */
export function useLetterChoice(today: string, onePupil: number | null, templates: Template[] | undefined) {
  const [template, setTemplate] = useState('attendance-concern');
  const [yearGroup, setYearGroup] = useState<string>('');
  const [band, setBand] = useState<Band>(onePupil ? 'any' : 'persistent_or_severe');
  const [from, setFrom] = useState(`${academicYearOf(today)}-09-01`);
  const [to, setTo] = useState(today);
  useEffect(() => {
    setBand(onePupil ? 'any' : 'persistent_or_severe');
  }, [onePupil]);
  const spec = templates?.find((t) => t.name === template);
  const cal = useRpc('calendar.get', academicYearRange(academicYearOf(today)));
  const termly = spec?.stage === 'update' && !onePupil;
  useEffect(() => {
    const t = termly && cal.data ? termAround(cal.data.ranges, today) : null;
    if (t) {
      setBand('any');
      setFrom(t.from);
      setTo(today < t.to ? today : t.to);
    }
  }, [termly, cal.data, today]);
  return { template, setTemplate, yearGroup, setYearGroup, band, setBand, from, setFrom, to, setTo, spec };
}

export type LetterChoice = ReturnType<typeof useLetterChoice>;
