// The pupil list's filters turned into what `pupils.list` takes: an empty box is no filter.
import type { Input as RpcInput } from '../../../../shared/contract';
import type { PupilFilterValues } from './PupilFilters';

export function listInput(f: PupilFilterValues, today: string): RpcInput<'pupils.list'> {
  return {
    search: f.search || undefined,
    yearGroup: (f.yearGroup || undefined) as never,
    regGroup: f.regGroup || undefined,
    flag: (f.flag || undefined) as never,
    includeLeavers: f.leavers,
    onDate: today,
  };
}
