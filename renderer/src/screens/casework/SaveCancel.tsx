// A casework form's last row: its primary save button (off while saving) and Cancel.
import { Button } from '@fluentui/react-components';

export function SaveCancel({
  label,
  pending,
  onCancel,
}: {
  label: string;
  pending: boolean;
  onCancel: () => void;
}) {
  return (
    <div className="row">
      <Button appearance="primary" type="submit" disabled={pending}>
        {label}
      </Button>
      <Button onClick={onCancel}>Cancel</Button>
    </div>
  );
}
