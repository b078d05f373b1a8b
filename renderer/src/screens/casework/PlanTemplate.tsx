// The reintegration plan's Word template (docs/rules/casework.md), like the letter templates: download it, change
// the wording in Word keeping the {{fields}}, upload it (checked first; a file with an unknown field is refused),
// and go back to the shipped template. Every version is kept.
import { useState } from 'react';
import { Badge, Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/dates';
import { useRpc, useRpcMutation } from '../../hooks';
import { call } from '../../rpc';
import { ErrorBar } from '../../components/ErrorBar';
import { FilePicker } from '../../components/FilePicker';
import { fileToBase64 } from '../../letters/util';
import { downloadBase64 } from '../../download';

type Check = Output<'casework.planTemplate.check'>;

function CheckResult({ check, fileName }: { check: Check; fileName: string }) {
  const bad = check.errors.length > 0;
  return (
    <MessageBar intent={bad ? 'error' : check.warnings.length ? 'warning' : 'success'}>
      <MessageBarBody>
        <MessageBarTitle>
          {bad ? 'This file cannot be used' : check.warnings.length ? 'Please check' : 'The file looks right'}
        </MessageBarTitle>
        {fileName}: {check.placeholders.length} fields found.
        {[...check.errors, ...check.warnings].length > 0 && (
          <ul aria-label="Problems found">
            {[...check.errors, ...check.warnings].map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

export function PlanTemplate() {
  const q = useRpc('casework.planTemplate.get', {});
  const upload = useRpcMutation('casework.planTemplate.upload', ['casework.planTemplate.get']);
  const revert = useRpcMutation('casework.planTemplate.revert', ['casework.planTemplate.get']);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [check, setCheck] = useState<Check | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const onFile = async (f: File) => {
    setError(null);
    setCheck(null);
    setDone(null);
    try {
      const base64 = await fileToBase64(f);
      setFile({ name: f.name, base64 });
      setCheck(await call('casework.planTemplate.check', { base64 }));
    } catch (e) {
      setError(e);
      setFile(null);
    }
  };
  const save = async () => {
    setError(null);
    try {
      const r = await upload.mutateAsync({ base64: file!.base64 });
      setDone(`Saved as version ${r.version} of the plan template: the next export uses it.`);
      setFile(null);
      setCheck(null);
    } catch (e) {
      setError(e);
    }
  };
  const download = async () => {
    try {
      const r = await call('casework.planTemplate.download', {});
      downloadBase64(r.base64, r.fileName);
    } catch (e) {
      setError(e);
    }
  };
  const t = q.data;
  return (
    <div className="page">
      <h1>The reintegration plan's Word template</h1>
      <Text>
        A plan exported to Word is this template with its {'{{fields}}'} filled in. Download it, change the
        wording, the layout or the logo in Word, keep the fields, and upload it again. Tables and the chart
        stay on a line of their own. Every version is kept.
      </Text>
      <ErrorBar error={q.error ?? revert.error} />
      {t && (
        <section className="card" aria-labelledby="tpl-now">
          <h2 id="tpl-now">In use</h2>
          <p>
            <Badge appearance="tint" color={t.source === 'school' ? 'brand' : 'informative'}>
              {t.source === 'school' ? `The school's ${t.version.replace('school ', '')}` : 'Shipped'}
            </Badge>{' '}
            {t.uploadedBy && t.uploadedAt
              ? `${t.source === 'school' ? 'Uploaded' : 'Chosen again'} by ${t.uploadedBy} on ${formatUkDate(t.uploadedAt.slice(0, 10))}.`
              : ''}{' '}
            {t.placeholders.length} fields.
          </p>
          <div className="row">
            <Button onClick={() => void download()}>Download the template</Button>
            {t.source === 'school' && (
              <Button disabled={revert.isPending} onClick={() => revert.mutate({})}>
                Go back to the shipped template
              </Button>
            )}
          </div>
        </section>
      )}
      <section className="card" aria-labelledby="tpl-up">
        <h2 id="tpl-up">Upload the school's own version</h2>
        <FilePicker
          label="Choose a .docx file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onFile={(f) => void onFile(f)}
        />
        <ErrorBar error={error} title="The file was not accepted" />
        {check && file && <CheckResult check={check} fileName={file.name} />}
        {check && check.errors.length === 0 && (
          <Button appearance="primary" disabled={upload.isPending} onClick={() => void save()}>
            Use this template
          </Button>
        )}
        {done && (
          <MessageBar intent="success">
            <MessageBarBody>{done}</MessageBarBody>
          </MessageBar>
        )}
      </section>
      {t && (
        <details className="card">
          <summary>The fields a plan template can use ({t.fields.length})</summary>
          <table className="plain" aria-label="Fields">
            <thead>
              <tr>
                <th>Field</th>
                <th>What it holds</th>
              </tr>
            </thead>
            <tbody>
              {t.fields.map((f) => (
                <tr key={f.key}>
                  <td className="strip">{`{{${f.key}}}`}</td>
                  <td>
                    {f.label}
                    {f.block ? ' (on a line of its own)' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
