// The band list itself: each pupil's figures, band now and on the "since" date, the movement between them, a flag
// for a severely absent pupil with no joint approach agreed with the LA (docs/rules/casework.md), and the letters
// ladder's stage when any pupil has one. Each row opens the pupil.
import { Badge } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/dates';
import { formatPct1 } from '../../../../shared/statistics/rates';
import { BAND_LABELS } from '../../../../shared/bands';

type BandData = Output<'figures.bands'>;
type BandRow = BandData['rows'][number];

const MOVEMENT: Record<string, string> = {
  entered_severe: 'Into severe',
  entered_persistent: 'Into persistent',
  left_severe: 'Out of severe',
  left_persistent: 'Out of persistent',
  new: 'New since then',
};

function BandCell({ r, noJoint }: { r: BandRow; noJoint: boolean }) {
  if (!r.band) {
    return <span className="muted">no sessions</span>;
  }
  return (
    <>
      <Badge appearance="tint" color={BAND_LABELS[r.band].color}>
        {BAND_LABELS[r.band].label}
      </Badge>
      {noJoint && (
        <Badge appearance="outline" color="danger">
          no LA joint approach
        </Badge>
      )}
    </>
  );
}

function StageCell({ stage }: { stage: BandRow['ladderStage'] }) {
  if (!stage) {
    return null;
  }
  return (
    <>
      {stage.label}
      {stage.nextStep && (
        <>
          <br />
          <span className="muted">Next: {stage.nextStep}</span>
        </>
      )}
    </>
  );
}

function Row({ r, noJoint, showStage }: { r: BandRow; noJoint: boolean; showStage: boolean }) {
  return (
    <tr>
      <td>
        <a href={`#/pupils/${r.pupilId}`}>{r.name}</a>
      </td>
      <td>{r.yearGroup}</td>
      <td>{r.regGroup}</td>
      <td className="num">{formatPct1(r.figures.attendancePct)}</td>
      <td className="num">{formatPct1(r.figures.absencePct)}</td>
      <td className="num">{r.figures.possible}</td>
      <td>
        <BandCell r={r} noJoint={noJoint} />
      </td>
      <td>{r.bandAtSince ? BAND_LABELS[r.bandAtSince].label : '–'}</td>
      <td>{r.movement ? MOVEMENT[r.movement] : ''}</td>
      {showStage && (
        <td>
          <StageCell stage={r.ladderStage} />
        </td>
      )}
    </tr>
  );
}

export function BandTable({ d, missingJoint }: { d: BandData; missingJoint: ReadonlySet<number> }) {
  const showStage = d.rows.some((r) => r.ladderStage !== null);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Pupils by band, scrolls sideways">
      <table className="plain" aria-label="Pupils by band">
        <thead>
          <tr>
            <th>Pupil</th>
            <th>Year</th>
            <th>Group</th>
            <th className="num">Attendance</th>
            <th className="num">Absence</th>
            <th className="num">Possible</th>
            <th>Band</th>
            <th>Band on {formatUkDate(d.since)}</th>
            <th>Movement</th>
            {showStage && <th>Letters so far, next step</th>}
          </tr>
        </thead>
        <tbody>
          {d.rows.length === 0 && (
            <tr>
              <td colSpan={showStage ? 10 : 9} className="muted">
                No pupils match these filters.
              </td>
            </tr>
          )}
          {d.rows.map((r) => (
            <Row key={r.pupilId} r={r} noJoint={missingJoint.has(r.pupilId)} showStage={showStage} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
