// Importing a calendar file: a CSV of terms and closures, all or nothing (the problems by line when refused).
import { useState } from 'react';
import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { call } from '../../rpc';
import { ErrorBar } from '../../components/ErrorBar';
import { FilePicker } from '../../components/FilePicker';

export function CalendarImport() {
  const qc = useQueryClient();
  const [importMsg, setImportMsg] = useState<string | null>(null);
  const [importErr, setImportErr] = useState<unknown>(null);
  const onFile = async (f: File) => {
    setImportErr(null);
    setImportMsg(null);
    try {
      const r = await call('calendar.import', { csv: await f.text() });
      setImportMsg(`${r.added} added, ${r.unchanged} already there.`);
      await qc.invalidateQueries({ queryKey: ['calendar.get'] });
    } catch (err) {
      setImportErr(err);
    }
  };
  return (
    <section className="card" aria-labelledby="h-imp">
      <Text as="h2" id="h-imp" weight="semibold" size={500}>
        Import a calendar file
      </Text>
      <Text block>CSV with columns date_from, date_to, kind (term or closure), label.</Text>
      <FilePicker label="Choose a calendar CSV file" onFile={onFile} />
      {importMsg && (
        <MessageBar intent="success">
          <MessageBarBody>{importMsg}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={importErr} title="Nothing was imported" />
    </section>
  );
}
