// Choosing a CSV file with a Fluent button instead of the browser's own "Choose File" control. The native input
// stays in the page (visually hidden, out of the tab order) so the file dialog and drag-and-drop still work; it is
// cleared after each choice so the same file, fixed and saved again, can be chosen again.
import { useRef, useState } from 'react';
import { Button, Text } from '@fluentui/react-components';

export function FilePicker({
  label,
  accept = '.csv,text/csv',
  onFile,
  disabled,
}: {
  label: string;
  accept?: string;
  onFile: (f: File) => void;
  disabled?: boolean;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  return (
    <div className="row" style={{ alignItems: 'center' }}>
      <input
        ref={ref}
        type="file"
        accept={accept}
        aria-label={label}
        className="visually-hidden"
        tabIndex={-1}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) {
            setName(f.name);
            onFile(f);
          }
        }}
      />
      <Button disabled={disabled} onClick={() => ref.current?.click()}>
        {label}…
      </Button>
      <Text className="muted" aria-live="polite">
        {name || 'No file chosen'}
      </Text>
    </div>
  );
}
