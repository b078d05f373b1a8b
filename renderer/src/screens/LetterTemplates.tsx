// The template library: the shipped letters and the school's own versions, their placeholders, download to edit
// in Word, upload a replacement (checked first: unknown placeholders, placeholders Word split, broken files),
// and go back to the shipped wording. Every version is kept.
import { useState } from 'react';
import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  Title2,
} from '@fluentui/react-components';
import type { Output } from '../../../shared/contract';
import { useRpc, useRpcMutation } from '../hooks';
import { call } from '../rpc';
import { ErrorBar } from '../components/ErrorBar';
import { FilePicker } from '../components/FilePicker';
import { fileToBase64 } from '../letters/util';
import { downloadBase64 } from '../download';

export function LetterTemplates() {
  const q = useRpc('letters.templates', {});
  const upload = useRpcMutation('letters.templateUpload', ['letters.templates']);
  const revert = useRpcMutation('letters.templateRevert', ['letters.templates']);
  const [name, setName] = useState('attendance-concern');
  const [newName, setNewName] = useState('');
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [check, setCheck] = useState<Output<'letters.templateCheck'> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const target = name === '__new' ? newName.trim() : name;
  const onFile = async (f: File) => {
    setError(null);
    setCheck(null);
    setDone(null);
    try {
      const base64 = await fileToBase64(f);
      setFile({ name: f.name, base64 });
      setCheck(await call('letters.templateCheck', { name: target || 'new', base64 }));
    } catch (e) {
      setError(e);
      setFile(null);
    }
  };
  const save = async () => {
    if (!file) {
      return;
    }
    setError(null);
    try {
      const r = await upload.mutateAsync({
        name: target,
        base64: file.base64,
        ...(name === '__new' ? { title } : {}),
      });
      setDone(`Saved as version ${r.version} of ${target}.`);
      setFile(null);
      setCheck(null);
    } catch (e) {
      setError(e);
    }
  };
  const download = async (n: string) => {
    try {
      const r = await call('letters.templateDownload', { name: n });
      downloadBase64(r.base64, r.fileName);
    } catch (e) {
      setError(e);
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
      <section className="card" aria-labelledby="h-up">
        <Text as="h2" id="h-up" weight="semibold" size={500}>
          Upload the school's own version
        </Text>
        <div className="row">
          <Field label="Template">
            <Select
              value={name}
              onChange={(_, d) => {
                setName(d.value);
                setCheck(null);
                setFile(null);
              }}
            >
              {q.data?.templates.map((t) => (
                <option key={t.name} value={t.name}>
                  {t.title}
                </option>
              ))}
              <option value="__new">A new template…</option>
            </Select>
          </Field>
          {name === '__new' && (
            <>
              <Field label="Name (lower-case, hyphens)" required>
                <Input value={newName} onChange={(_, d) => setNewName(d.value)} />
              </Field>
              <Field label="Title" required>
                <Input value={title} onChange={(_, d) => setTitle(d.value)} />
              </Field>
            </>
          )}
          <FilePicker
            label="Choose a .docx file"
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            onFile={(f) => void onFile(f)}
            disabled={!target}
          />
        </div>
        <ErrorBar error={error} title="The file was not accepted" />
        {check && (
          <MessageBar intent={check.warnings.length ? 'warning' : 'success'}>
            <MessageBarBody>
              <MessageBarTitle>
                {check.warnings.length ? 'Please check' : 'The file looks right'}
              </MessageBarTitle>
              {file?.name}: {check.placeholders.length} placeholders found.
              {check.warnings.length > 0 && (
                <ul aria-label="Warnings">
                  {check.warnings.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        {check && (
          <div className="row">
            <Button
              appearance="primary"
              disabled={upload.isPending || (name === '__new' && !title.trim())}
              onClick={() => void save()}
            >
              {check.unknown.length
                ? 'Save it anyway (letters are refused until it is corrected)'
                : 'Save this version'}
            </Button>
          </div>
        )}
        {done && (
          <MessageBar intent="success">
            <MessageBarBody>{done}</MessageBarBody>
          </MessageBar>
        )}
      </section>
      {q.data && (
        <details className="card">
          <summary>The fields a template can use ({q.data.fields.length})</summary>
          <table className="plain" aria-label="Fields">
            <thead>
              <tr>
                <th>Placeholder</th>
                <th>What it holds</th>
              </tr>
            </thead>
            <tbody>
              {q.data.fields.map((f) => (
                <tr key={f.key}>
                  <td className="strip">{`{{${f.key}}}`}</td>
                  <td>{f.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">
            Tables ({'{{figures.reasonsTable}}'}, {'{{absences.list}}'}, {'{{figures.childrenTable}}'}) go on
            a line of their own.
          </p>
        </details>
      )}
      <ErrorBar error={q.error ?? revert.error} />
      {q.data?.templates.map((t) => (
        <section key={t.name} className="card" aria-labelledby={`h-t-${t.name}`}>
          <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
            <Text as="h2" id={`h-t-${t.name}`} weight="semibold" size={400}>
              {t.title} <span className="muted">({t.name})</span>
            </Text>
            <div className="badges">
              <Badge appearance="tint" color={t.source === 'school' ? 'brand' : 'informative'}>
                {t.source === 'school' ? `School ${t.version.replace('school ', '')}` : 'Shipped'}
              </Badge>
              {t.legal && (
                <Badge appearance="tint" color="danger">
                  Legal wording
                </Badge>
              )}
              {t.legalWeight && (
                <Badge appearance="tint" color="warning">
                  Head or lead approves
                </Badge>
              )}
              {t.siblings && (
                <Badge appearance="tint" color="success">
                  Siblings on one letter
                </Badge>
              )}
            </div>
          </div>
          <Text>
            {t.summary}
            {t.uploadedBy ? ` Uploaded by ${t.uploadedBy}.` : ''}
          </Text>
          <details>
            <summary>Placeholders ({t.placeholders.length})</summary>
            <p className="strip" style={{ whiteSpace: 'normal' }}>
              {t.placeholders.map((p) => `{{${p}}}`).join('  ')}
            </p>
          </details>
          <div className="row" style={{ marginTop: 8 }}>
            <Button size="small" onClick={() => void download(t.name)} aria-label={`Download ${t.title}`}>
              Download
            </Button>
            {t.source === 'school' && !t.name.includes('__') && (
              <Button
                size="small"
                onClick={() => revert.mutate({ name: t.name })}
                aria-label={`Go back to the shipped ${t.title}`}
              >
                Go back to the shipped wording
              </Button>
            )}
          </div>
        </section>
      ))}
    </div>
  );
}
