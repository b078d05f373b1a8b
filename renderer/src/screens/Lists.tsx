// Lists that keep the register right: marks whose code needs a detail that is missing, and marks taken or
// amended here that the MIS does not have yet (with the export file for it). Each list is in lists/.
import { Title2 } from '@fluentui/react-components';
import { academicYearOf } from '../../../shared/dates';
import { useRpc } from '../hooks';
import { DetailMissing } from './lists/DetailMissing';
import { UnexportedMarks } from './lists/UnexportedMarks';
import { useMisExport } from './lists/useMisExport';

export function Lists({ today }: { today: string }) {
  const missing = useRpc('followup.detailMissing', { from: `${academicYearOf(today)}-09-01`, to: today });
  const unexported = useRpc('marks.unexported', {});
  const mis = useMisExport(today);
  return (
    <div className="page">
      <Title2 as="h1">Register checks</Title2>
      <UnexportedMarks
        data={unexported.data}
        msg={mis.msg}
        error={mis.error ?? unexported.error}
        exportNow={mis.exportNow}
      />
      <DetailMissing data={missing.data} error={missing.error} />
    </div>
  );
}
