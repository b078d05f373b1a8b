// Progress against the board's target (shared/targets.ts, docs/rules/governor-report.md): the school year to date
// for all pupils on roll beside the target, the same rule the governor report applies. Shown on the governor
// reports page and on the dashboard.
import { Text } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { academicYearOf, academicYearRange } from '../../../../shared/dates';
import { formatPct1 } from '../../../../shared/statistics/rates';
import { progressText, targetProgress, type TargetLine } from '../../../../shared/targets';
import { useRpc } from '../../hooks';
import { mayCall } from '../../auth/access';
import { useMe } from '../../auth/AuthGate';

type Target = Output<'governors.targets'>['targets'][number];

export function TargetProgressTable({ target, upTo }: { target: Target; upTo: string }) {
  const from = academicYearRange(target.academicYear).from;
  const to = upTo < from ? from : upTo;
  const q = useRpc('figures.dashboard', { from, to }, { enabled: upTo >= from });
  const ytd = q.data?.ytd.all;
  const p = targetProgress(target, {
    attendancePct: ytd?.attendancePct ?? null,
    persistentPct: ytd?.persistentPct ?? null,
  });
  // While the year's figures are being worked out, say so rather than "No figure yet".
  const loading = upTo >= from && q.isPending;
  const row = (label: string, l: TargetLine, id: string) => (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{formatPct1(l.target)}</td>
      <td className="num">{loading ? '…' : formatPct1(l.actual)}</td>
      <td data-testid={`target-${id}`}>{loading ? 'Working out the figures…' : progressText(l)}</td>
    </tr>
  );
  return (
    <table className="plain" aria-label="Progress against the board's target">
      <thead>
        <tr>
          <th>Measure</th>
          <th className="num">Target</th>
          <th className="num">Year to date</th>
          <th>Progress</th>
        </tr>
      </thead>
      <tbody>
        {row('Attendance', p.attendance, 'attendance')}
        {row('Persistent absence (10% or more)', p.persistent, 'persistent')}
      </tbody>
    </table>
  );
}

/** The dashboard's card: the target of the school year of `to`, when the board has recorded one. */
export function DashboardTarget({ to }: { to: string }) {
  const me = useMe();
  const allowed = !!me && mayCall(me, 'governors.targets');
  const q = useRpc('governors.targets', {}, { enabled: allowed });
  const year = academicYearOf(to);
  const t = q.data?.targets.find((x) => x.academicYear === year);
  if (!allowed || !q.data) {
    return null;
  }
  return (
    <section className="card" aria-labelledby="h-dash-target">
      <Text as="h2" id="h-dash-target" weight="semibold" size={500}>
        The board&apos;s target for {year}/{String(year + 1).slice(2)}
      </Text>
      {t ? (
        <TargetProgressTable target={t} upTo={to} />
      ) : (
        <Text block>
          The board has not recorded a target for this school year (the lead or the head records it on the
          governor reports page).
        </Text>
      )}
    </section>
  );
}
