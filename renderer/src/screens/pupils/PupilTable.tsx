// The pupil list's table: one row a pupil (name linking to the pupil, UPN, year, group and cohort flags as badges);
// a click anywhere on the row opens the pupil.
import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/dates';
import { knownAs } from '../../../../shared/names';
import { go } from '../../hooks';

export type ListedPupil = Output<'pupils.list'>['pupils'][number];

export function PupilTable({ pupils }: { pupils: ListedPupil[] }) {
  return (
    <Table aria-label="Pupils" size="small" className="fluent-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell>UPN</TableHeaderCell>
          <TableHeaderCell style={{ width: 70 }}>Year</TableHeaderCell>
          <TableHeaderCell style={{ width: 120 }}>Group</TableHeaderCell>
          <TableHeaderCell>Flags</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {pupils.map((p) => (
          <PupilRow key={p.id} p={p} />
        ))}
      </TableBody>
    </Table>
  );
}

function PupilRow({ p }: { p: ListedPupil }) {
  return (
    <TableRow className="clickable" onClick={() => go(`pupils/${p.id}`)}>
      <TableCell>
        <TableCellLayout>
          <a href={`#/pupils/${p.id}`}>
            {p.surname}, {knownAs(p)}
          </a>
          {!p.onRoll && <Text className="muted"> (left {formatUkDate(p.leavingDate)})</Text>}
        </TableCellLayout>
      </TableCell>
      <TableCell>{p.upn}</TableCell>
      <TableCell>{p.yearGroup}</TableCell>
      <TableCell>{p.regGroup}</TableCell>
      <TableCell>
        <PupilBadges p={p} />
      </TableCell>
    </TableRow>
  );
}

/** The pupil's cohort flags and any arrangement in force, as badges. */
function PupilBadges({ p }: { p: ListedPupil }) {
  return (
    <span className="badges">
      {p.fsm && (
        <Badge appearance="tint" title="Free school meals">
          FSM
        </Badge>
      )}
      {p.sen === 'K' && (
        <Badge appearance="tint" color="informative" title="SEN support">
          SEN K
        </Badge>
      )}
      {p.sen === 'E' && (
        <Badge appearance="tint" color="informative" title="Education, health and care plan">
          EHCP
        </Badge>
      )}
      {p.cla && (
        <Badge appearance="tint" color="important" title="Looked after">
          CLA
        </Badge>
      )}
      {p.arrangement && (
        <Badge appearance="tint" color="warning" title="An agreed arrangement is in force">
          {p.arrangement}
        </Badge>
      )}
      {p.socialWorker && (
        <Badge appearance="tint" color="danger" title="Has a social worker">
          SW
        </Badge>
      )}
      {p.eal && (
        <Badge appearance="tint" color="success" title="English as an additional language">
          EAL
        </Badge>
      )}
      {p.youngCarer && <Badge appearance="tint">Young carer</Badge>}
      {p.boarder && <Badge appearance="tint">Boarder</Badge>}
    </span>
  );
}
