// The tracker's table: each pupil's worst window, the sessions to go, when the threshold was first met, the
// sessions not yet cited by a notice, the penalty notices of the last three years and whether a notice can be
// considered; the pupil chosen is highlighted.
import { Button, Text } from '@fluentui/react-components';
import { formatUkDate } from '../../../../shared/dates';
import type { Output } from '../../../../shared/contract';
import { go } from '../../hooks';

type Tracker = Output<'penalty.tracker'>;

/** The worst window's dates; says when it lies in an earlier school year (docs/rules/statistics.md §6). */
function WindowCell({ w }: { w: Tracker['rows'][number]['worstWindow'] }) {
  if (!w) {
    return null;
  }
  return (
    <>
      {formatUkDate(w.from)} to {formatUkDate(w.to)}
      {w.earlierYear && (
        <Text block size={200}>
          in {w.schoolYear}, an earlier school year
        </Text>
      )}
    </>
  );
}

export function TrackerTable({ t, selected }: { t: Tracker; selected: number | null }) {
  return (
    <table className="plain" aria-label="Penalty-notice tracker">
      <thead>
        <tr>
          <th>Pupil</th>
          <th>Year</th>
          <th>Group</th>
          <th className="num">Sessions in worst window</th>
          <th className="num">Sessions to go</th>
          <th>Threshold first met</th>
          <th>Worst window</th>
          <th className="num">Not yet on a notice (last 10 weeks)</th>
          <th className="num">Penalty notices in 3 years</th>
          <th>Can a notice be considered?</th>
          <th>
            <span className="visually-hidden">Notices</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {t.rows.length === 0 && (
          <tr>
            <td colSpan={11} className="muted">
              No pupil of compulsory school age is near the threshold.
            </td>
          </tr>
        )}
        {t.rows.map((r) => (
          <tr key={r.pupilId} className={selected === r.pupilId ? 'selected-row' : undefined}>
            <td>
              <a href={`#/pupils/${r.pupilId}`}>{r.name}</a>
            </td>
            <td>{r.yearGroup}</td>
            <td>{r.regGroup}</td>
            <td className="num">{r.sessionsMaxWindow}</td>
            <td className="num">{r.sessionsToGo}</td>
            <td>{formatUkDate(r.thresholdFirstMet ?? r.worstWindow?.metOn ?? null)}</td>
            <td>
              <WindowCell w={r.worstWindow} />
            </td>
            <td className="num">{r.uncitedInLastWindow}</td>
            <td className="num">{r.penaltyNoticesIn3Years}</td>
            <td className="penalty-notice-reason">{r.notice?.reason ?? ''}</td>
            <td>
              <Button
                size="small"
                aria-label={`Notices for ${r.name}`}
                onClick={() => go(`penalties/${r.pupilId}`)}
              >
                Notices
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
