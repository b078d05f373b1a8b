// The meetings with the family that the letters ladder counts: those planned and held, marking a planned one as
// held once its day has come, and recording a new one.
import { useState } from 'react';
import { Button, Checkbox, Field, Input, Link, Select, Text, Textarea } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/dates';
import { useRpcMutation } from '../../hooks';
import { ErrorBar } from '../ErrorBar';
import { DateInput } from '../DateInput';

type Meeting = Output<'letters.log'>['meetings'][number];
type Kind = 'attendance' | 'reintegration' | 'contract';

function MeetingList({
  meetings,
  today,
  markHeld,
}: {
  meetings: Meeting[];
  today: string;
  markHeld: (x: Meeting) => void;
}) {
  if (meetings.length === 0) {
    return null;
  }
  return (
    <ul aria-label="Meetings">
      {meetings.map((x) => (
        <li key={x.id}>
          {formatUkDate(x.date)}
          {x.time ? ` ${x.time}` : ''}: {x.kind} meeting{x.place ? ` at ${x.place}` : ''}
          {x.held ? ' (held)' : ' (planned)'}
          {x.notes ? ` — ${x.notes}` : ''}
          {!x.held && x.date <= today && (
            <>
              {' '}
              <Link as="button" onClick={() => markHeld(x)}>
                Mark as held
              </Link>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A meeting being recorded, as typed: the optional details are empty strings until filled in. */
interface Draft {
  kind: Kind;
  date: string;
  time: string;
  place: string;
  attendees: string;
  held: boolean;
  notes: string;
}

/** The new meeting's fields: its kind, day, time, place, who attends, whether it was held, and notes. */
function MeetingFields({ m, setM }: { m: Draft; setM: (m: Draft) => void }) {
  return (
    <>
      <div className="row">
        <Field label="Kind">
          <Select value={m.kind} onChange={(_, d) => setM({ ...m, kind: d.value as Kind })}>
            <option value="attendance">Attendance</option>
            <option value="reintegration">Reintegration</option>
            <option value="contract">Attendance contract</option>
          </Select>
        </Field>
        <Field label="Date">
          <DateInput value={m.date} onChange={(_, d) => setM({ ...m, date: d.value })} />
        </Field>
        <Field label="Time">
          <Input value={m.time} placeholder="HH:MM" onChange={(_, d) => setM({ ...m, time: d.value })} />
        </Field>
        <Field label="Place">
          <Input value={m.place} onChange={(_, d) => setM({ ...m, place: d.value })} />
        </Field>
        <Field label="Who attends">
          <Input value={m.attendees} onChange={(_, d) => setM({ ...m, attendees: d.value })} />
        </Field>
        <Checkbox label="Held" checked={m.held} onChange={(_, d) => setM({ ...m, held: !!d.checked })} />
      </div>
      <Field label="Notes">
        <Textarea value={m.notes} onChange={(_, d) => setM({ ...m, notes: d.value })} />
      </Field>
    </>
  );
}

export function FamilyMeetings({
  pupilId,
  meetings,
  today,
}: {
  pupilId: number;
  meetings: Meeting[];
  today: string;
}) {
  const meeting = useRpcMutation('letters.saveMeeting', ['letters.log']);
  const [m, setM] = useState<Draft>({
    kind: 'attendance',
    date: today,
    time: '',
    place: '',
    attendees: '',
    held: false,
    notes: '',
  });
  const record = () =>
    meeting.mutate({
      pupilId,
      kind: m.kind,
      date: m.date,
      time: m.time || null,
      place: m.place || null,
      attendees: m.attendees || null,
      held: m.held,
      notes: m.notes || null,
    });
  return (
    <>
      <Text as="h3" weight="semibold" size={400} style={{ display: 'block', marginTop: 16 }}>
        Meetings with the family
      </Text>
      <MeetingList meetings={meetings} today={today} markHeld={(x) => meeting.mutate({ ...x, held: true })} />
      <MeetingFields m={m} setM={setM} />
      <div className="row" style={{ marginTop: 8 }}>
        <Button onClick={record}>Record the meeting</Button>
      </div>
      <ErrorBar error={meeting.error} />
    </>
  );
}
