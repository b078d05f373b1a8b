// Import pupils from the MIS: choose a CSV, preview it, match its columns to the fields, then import all or nothing.
// The file's handling is in useImportFile.ts, the column matching in mapping.ts.
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  Title2,
} from '@fluentui/react-components';
import { ErrorBar } from '../../components/ErrorBar';
import { FilePicker } from '../../components/FilePicker';
import { useImportFile } from './useImportFile';
import { ColumnMatching, FirstRows, Problems } from './FileSections';

export function ImportPupils() {
  const file = useImportFile();
  const { preview, done, busy } = file;
  const problems = preview?.errors ?? [];
  return (
    <div className="page">
      <Title2 as="h1">Import pupils</Title2>
      <Text block>
        Export the pupils from your MIS as CSV (UTF-8). Every row is checked first: if any row is wrong,
        nothing is imported and each problem is listed with its line number. Pupils already here (same UPN)
        are updated, and each change is recorded.
      </Text>
      <FilePicker label="Choose a CSV file" disabled={busy} onFile={(f) => void file.onFile(f)} />
      {problems.length > 0 && <Problems problems={problems} />}
      {preview?.summary && !done && (
        <Text>
          Ready: {preview.summary.rows} pupils, {preview.summary.created} new, {preview.summary.updated}{' '}
          already here (updated where changed).
        </Text>
      )}
      {busy && <ProgressBar aria-label="Importing pupils" />}
      <ErrorBar error={file.error} title="Nothing was imported" />
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Imported</MessageBarTitle>
            {done.created} added, {done.updated} updated, {done.unchanged} unchanged.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className="row">
        <Button
          appearance="primary"
          disabled={!file.csv || busy || problems.length > 0}
          onClick={() => void file.doImport()}
        >
          Import
        </Button>
      </div>
      {preview && preview.headers.length > 0 && (
        <ColumnMatching preview={preview} fileName={file.fileName} choose={file.choose} />
      )}
      {preview && preview.preview.length > 0 && <FirstRows preview={preview} />}
    </div>
  );
}
