// The one suppression rule of the dashboard and the governor report (docs/rules/governor-report.md).
import { describe, expect, it } from 'vitest';
import { breakdowns, naturalCompare, type BreakdownPupil } from '../../shared/breakdowns';
import { addToTally, emptyTally, type CodeTally } from '../../shared/statistics/tallies';

const base: BreakdownPupil = {
  yearGroup: '1',
  regGroup: '1A',
  sex: 'F',
  fsm: false,
  sen: 'N',
  cla: false,
  socialWorker: false,
  eal: false,
};
function school(groups: [Partial<BreakdownPupil>, number][]): { pupils: BreakdownPupil[]; t: CodeTally[] } {
  const pupils = groups.flatMap(([over, n]) => Array.from({ length: n }, () => ({ ...base, ...over })));
  const t = pupils.map((_, k) => {
    const x = emptyTally();
    addToTally(x, '/', '2025-09-01', 20 - (k % 4));
    addToTally(x, 'I', '2025-09-01', k % 4);
    return x;
  });
  return { pupils, t };
}
const dim = (b: ReturnType<typeof breakdowns>, d: string) => b.find((x) => x.dimension === d)!;

describe('breakdowns and suppression', () => {
  it('a cohort of 3 is hidden, and so is its rest; a cohort of 5 with a rest of 5 is shown', () => {
    const { pupils, t } = school([
      [{ fsm: true, cla: true }, 3],
      [{ fsm: true }, 2],
      [{}, 5],
    ]);
    const b = breakdowns(pupils, t);
    const cla = dim(b, 'lookedAfter').rows[0];
    expect(cla.key).toBe('yes');
    expect(cla.group).toEqual({ suppressed: true, pupils: null, absencePct: null, persistentPct: null });
    expect(cla.rest.suppressed).toBe(true);
    expect(cla.absenceGap).toBeNull();
    const fsm = dim(b, 'fsm').rows[0];
    expect(fsm.group.pupils).toBe(5);
    expect(fsm.rest.pupils).toBe(5);
    expect(fsm.absenceGap).not.toBeNull();
  });

  it('a rest of 4 hides the group however large it is', () => {
    const { pupils, t } = school([
      [{ eal: true }, 30],
      [{}, 4],
    ]);
    const eal = dim(breakdowns(pupils, t), 'eal').rows[0];
    expect(eal.group.suppressed).toBe(true);
    expect(eal.rest.suppressed).toBe(true);
  });

  it('exactly one year group hidden: the smallest visible one is hidden too, the rest stay', () => {
    const { pupils, t } = school([
      [{ yearGroup: '3' }, 12],
      [{ yearGroup: 'R' }, 9],
      [{ yearGroup: '1' }, 4],
      [{ yearGroup: '2' }, 7],
    ]);
    const rows = dim(breakdowns(pupils, t), 'yearGroup').rows;
    expect(rows.map((r) => [r.key, r.label, r.group.suppressed])).toEqual([
      ['R', 'Reception', false],
      ['1', 'Year 1', true],
      ['2', 'Year 2', true],
      ['3', 'Year 3', false],
    ]);
    expect(rows[0].group.pupils).toBe(9);
    expect(rows[0].rest.pupils).toBe(23);
  });

  it('ties: of two equally small visible groups, the first in order is hidden', () => {
    const { pupils, t } = school([
      [{ regGroup: '10A' }, 6],
      [{ regGroup: '3b' }, 6],
      [{ regGroup: '3A' }, 2],
      [{ regGroup: '4C' }, 8],
    ]);
    const rows = dim(breakdowns(pupils, t), 'regGroup').rows;
    expect(rows.map((r) => [r.key, r.group.suppressed])).toEqual([
      ['3A', true],
      ['3b', true],
      ['4C', false],
      ['10A', false],
    ]);
  });

  it('two hidden groups hide no third', () => {
    const { pupils, t } = school([
      [{ yearGroup: '1' }, 3],
      [{ yearGroup: '2' }, 2],
      [{ yearGroup: '3' }, 10],
    ]);
    const rows = dim(breakdowns(pupils, t), 'yearGroup').rows;
    expect(rows.map((r) => r.group.suppressed)).toEqual([true, true, false]);
  });

  it('pupils with no possible session are not counted; sex lists only the letters present, F first', () => {
    const { pupils, t } = school([
      [{ sex: 'M' }, 6],
      [{ sex: 'F' }, 6],
    ]);
    t[0] = emptyTally();
    const rows = dim(breakdowns(pupils, t), 'sex').rows;
    expect(rows.map((r) => [r.key, r.group.pupils])).toEqual([
      ['F', 6],
      ['M', 5],
    ]);
  });

  it('natural order of registration groups', () => {
    expect(['10A', '3B', '3a', 'Oak', '2'].sort(naturalCompare)).toEqual(['2', '3a', '3B', '10A', 'Oak']);
  });
});
