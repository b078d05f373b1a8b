// The request's warnings and its details: the dates, the kind, who asked and when, the reason, the observance, and
// the pupil's attendance this school year so far.
import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { LEAVE_KIND_LABELS, LEAVE_RECEIVED_LABELS } from '../../../../../shared/channels/leave';
import { formatUkDate } from '../../../../../shared/dates';
import { formatPct1 } from '../../../../../shared/statistics/rates';
import { BAND_LABELS } from '../../../../../shared/bands';
import { pluralS } from '../../../../../shared/names';
import { range, type Detail } from '../common';

const WARNING_KINDS = ['penalty', 'not_lives_with', 'not_in_advance'];

export function Warnings({ warnings }: { warnings: Detail['warnings'] }) {
  return (
    <section className="card" aria-labelledby="h-warnings">
      <Text as="h2" id="h-warnings" weight="semibold" size={500}>
        Warnings
      </Text>
      {warnings.length === 0 && <Text>None.</Text>}
      {warnings.map((w, k) => (
        <MessageBar
          key={k}
          intent={WARNING_KINDS.includes(w.kind) ? 'warning' : 'info'}
          style={{ marginTop: 4 }}
        >
          <MessageBarBody>{w.message}</MessageBarBody>
        </MessageBar>
      ))}
    </section>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text weight="semibold">{label}</Text>
      <br />
      {children}
    </div>
  );
}

export function RequestDetails({ d }: { d: Detail }) {
  const r = d.request;
  return (
    <section className="card grid2" aria-label="Request details">
      <Item label="Dates asked for">
        {range(r)} ({r.days} school day{pluralS(r.days)}, {r.sessions} sessions)
      </Item>
      <Item label="Kind">{LEAVE_KIND_LABELS[r.kind]}</Item>
      <Item label="Asked by">
        {r.requesterName}
        {r.requesterRelationship ? ` (${r.requesterRelationship})` : ''}
        {r.requesterLivesWith ? ', lives with the pupil' : ', not recorded as living with the pupil'}
      </Item>
      <Item label="Received">
        {formatUkDate(r.dateReceived)} by {LEAVE_RECEIVED_LABELS[r.howReceived].toLowerCase()}, entered by{' '}
        {r.createdBy}
      </Item>
      <Item label="The parent's reason">{r.reason}</Item>
      <Item label="Notes">{r.notes ?? '–'}</Item>
      {r.kind === 'religious_observance' && (
        <Item label="Observance">
          {r.observance} ({r.religiousBody}):{' '}
          {r.observanceDays.map(formatUkDate).join(', ') || 'no day recorded'}
        </Item>
      )}
      <Item label="This school year so far">
        Attendance {formatPct1(d.figures.attendancePct)} ({d.figures.possible} sessions possible),{' '}
        {d.figures.unauthorised} unauthorised
        {d.figures.band ? `; ${BAND_LABELS[d.figures.band].inSentence}` : ''}. Compulsory school age:{' '}
        {d.compulsoryAge ? 'yes' : 'no'}.
      </Item>
    </section>
  );
}
