// The first run's form: the school's details (react-hook-form with the contract's schema), the academic year and
// its ranges, and the call that sets the school up, then opens Home.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { SchoolSchema, type School } from '../../../../shared/contract';
import { academicYearOf } from '../../../../shared/dates';
import { call } from '../../rpc';
import { EMPTY_SCHOOL, showFieldIssues } from '../../components/SchoolFields';
import { rangeProblem, typicalTerms, type RangeRow } from './ranges';

export function useSetup(today: string) {
  const qc = useQueryClient();
  const [year, setYear] = useState(academicYearOf(today));
  const [ranges, setRanges] = useState<RangeRow[]>(typicalTerms(academicYearOf(today)));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [checked, setChecked] = useState(false);
  const {
    register,
    control,
    handleSubmit,
    setError: setFieldError,
    formState: { errors },
  } = useForm<School>({ resolver: zodResolver(SchoolSchema), defaultValues: EMPTY_SCHOOL });
  const submit = handleSubmit(
    async (school) => {
      setChecked(true);
      if (ranges.some((r) => rangeProblem(r))) {
        return;
      }
      setBusy(true);
      setError(null);
      try {
        await call('school.setup', {
          school,
          academicYear: year,
          ranges: ranges.map((r) => ({ ...r, label: r.label || null })),
        });
        await qc.invalidateQueries();
        window.location.hash = '#/';
      } catch (e) {
        setError(e);
        showFieldIssues(e, 'school.', setFieldError);
      } finally {
        setBusy(false);
      }
    },
    () => setChecked(true),
  );
  /** A new academic year starts again from the usual terms of that year. */
  const chooseYear = (y: number) => {
    setYear(y);
    setRanges(typicalTerms(y));
  };
  return { year, chooseYear, ranges, setRanges, error, busy, checked, register, control, errors, submit };
}
