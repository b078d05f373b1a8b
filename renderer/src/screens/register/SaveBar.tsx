// Under the register grid: how many are marked, the amendment reason when saved marks changed, the outcome of
// the last save, and the buttons.
import { Button, Field, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { ErrorBar } from '../../components/ErrorBar';
import { plural } from '../../../../shared/names';

interface Props {
  marked: number;
  total: number;
  changed: number;
  reason: string;
  setReason: (reason: string) => void;
  error: unknown;
  saved: string | null;
  save: () => Promise<void>;
  markAllPresent: () => void;
}

export function SaveBar({
  marked,
  total,
  changed,
  reason,
  setReason,
  error,
  saved,
  save,
  markAllPresent,
}: Props) {
  return (
    <>
      <Text>
        {marked} of {total} marked.
      </Text>
      {changed > 0 && (
        <Field label={`Reason for amending ${plural(changed, 'saved mark')}`} required className="no-print">
          <Input value={reason} onChange={(_, d) => setReason(d.value)} />
        </Field>
      )}
      <ErrorBar error={error} title="The register was not saved" />
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>{saved}</MessageBarBody>
        </MessageBar>
      )}
      <div className="row no-print">
        <Button appearance="primary" onClick={() => void save()}>
          Save register (Ctrl+S)
        </Button>
        <Button onClick={markAllPresent}>Mark all unmarked present (*)</Button>
        <Button onClick={() => window.print()}>Print</Button>
      </div>
    </>
  );
}
