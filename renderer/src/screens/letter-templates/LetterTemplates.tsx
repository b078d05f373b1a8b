// The template library: the shipped letters and the school's own versions, their placeholders, download to edit
// in Word, upload a replacement (checked first: unknown placeholders, placeholders Word split, broken files),
// and go back to the shipped wording. Every version is kept. The upload and each template's card are beside
// this file.
import { useState } from 'react';
import { Text, Title2 } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { useRpc, useRpcMutation } from '../../hooks';
import { call } from '../../rpc';
import { ErrorBar } from '../../components/ErrorBar';
import { downloadBase64 } from '../../download';
import { UploadTemplate } from './UploadTemplate';
import { TemplateCard } from './TemplateCard';

function FieldList({ fields }: { fields: Output<'letters.templates'>['fields'] }) {
  return (
    <details className="card">
      <summary>The fields a template can use ({fields.length})</summary>
      <table className="plain" aria-label="Fields">
        <thead>
          <tr>
            <th>Placeholder</th>
            <th>What it holds</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.key}>
              <td className="strip">{`{{${f.key}}}`}</td>
              <td>{f.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Tables ({'{{figures.reasonsTable}}'}, {'{{absences.list}}'}, {'{{figures.childrenTable}}'}) go on a
        line of their own.
      </p>
    </details>
  );
}

export function LetterTemplates() {
  const q = useRpc('letters.templates', {});
  const revert = useRpcMutation('letters.templateRevert', ['letters.templates']);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const download = async (n: string) => {
    setDownloadError(null);
    try {
      const r = await call('letters.templateDownload', { name: n });
      downloadBase64(r.base64, r.fileName);
    } catch (e) {
      setDownloadError(e);
    }
  };
  return (
    <div className="page">
      <Title2 as="h1">Letter templates</Title2>
      <Text>
        Each letter is a Word document with {'{{placeholders}}'} that the app fills in. Download one, change
        the wording in Word, keep the placeholders, and upload it again. The app checks every upload; the old
        versions are kept.
      </Text>
      <UploadTemplate templates={q.data?.templates ?? []} />
      {q.data && <FieldList fields={q.data.fields} />}
      <ErrorBar error={q.error ?? revert.error ?? downloadError} />
      {q.data?.templates.map((t) => (
        <TemplateCard
          key={t.name}
          t={t}
          download={(n) => void download(n)}
          revert={(n) => revert.mutate({ name: n })}
        />
      ))}
    </div>
  );
}
