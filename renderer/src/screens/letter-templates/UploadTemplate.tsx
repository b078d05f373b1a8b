// Uploading the school's own version of a template (or a new template): the file is checked first (unknown
// placeholders, placeholders Word split, broken files), the check shown, then saved as a new version.
import { useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
} from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { useRpcMutation } from '../../hooks';
import { call } from '../../rpc';
import { ErrorBar } from '../../components/ErrorBar';
import { FilePicker } from '../../components/FilePicker';
import { useDocxUpload } from '../../useDocxUpload';

type Check = Output<'letters.templateCheck'>;
type Template = Output<'letters.templates'>['templates'][number];
const NEW = '__new';

function CheckResult({ check, fileName }: { check: Check; fileName: string | undefined }) {
  return (
    <MessageBar intent={check.warnings.length ? 'warning' : 'success'}>
      <MessageBarBody>
        <MessageBarTitle>{check.warnings.length ? 'Please check' : 'The file looks right'}</MessageBarTitle>
        {fileName}: {check.placeholders.length} placeholders found.
        {check.warnings.length > 0 && (
          <ul aria-label="Warnings">
            {check.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The chosen file, its check and its saving, for the template named `target` (`title` for a new one). */
function useUpload(target: string, isNew: boolean, title: string) {
  const upload = useRpcMutation('letters.templateUpload', ['letters.templates']);
  const u = useDocxUpload(
    (base64) => call('letters.templateCheck', { name: target || 'new', base64 }),
    async (base64) => {
      const r = await upload.mutateAsync({ name: target, base64, ...(isNew ? { title } : {}) });
      return `Saved as version ${r.version} of ${target}.`;
    },
  );
  return { ...u, saving: upload.isPending };
}

/** The template to upload a version of, or a new one. */
function TemplateField({
  templates,
  name,
  onChange,
}: {
  templates: Template[];
  name: string;
  onChange: (name: string) => void;
}) {
  return (
    <Field label="Template">
      <Select value={name} onChange={(_, d) => onChange(d.value)}>
        {templates.map((t) => (
          <option key={t.name} value={t.name}>
            {t.title}
          </option>
        ))}
        <option value={NEW}>A new template…</option>
      </Select>
    </Field>
  );
}

/** Saving the checked file; a file with unknown placeholders can be saved, but letters are refused until fixed. */
function SaveVersion({ check, disabled, onSave }: { check: Check; disabled: boolean; onSave: () => void }) {
  return (
    <div className="row">
      <Button appearance="primary" disabled={disabled} onClick={onSave}>
        {check.unknown.length
          ? 'Save it anyway (letters are refused until it is corrected)'
          : 'Save this version'}
      </Button>
    </div>
  );
}

export function UploadTemplate({ templates }: { templates: Template[] }) {
  const [name, setName] = useState('attendance-concern');
  const [newName, setNewName] = useState('');
  const [title, setTitle] = useState('');
  const isNew = name === NEW;
  const target = isNew ? newName.trim() : name;
  const u = useUpload(target, isNew, title);
  return (
    <section className="card" aria-labelledby="h-up">
      <Text as="h2" id="h-up" weight="semibold" size={500}>
        Upload the school's own version
      </Text>
      <div className="row">
        <TemplateField
          templates={templates}
          name={name}
          onChange={(value) => {
            setName(value);
            u.clear();
          }}
        />
        {isNew && (
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
          onFile={(f) => void u.onFile(f)}
          disabled={!target}
        />
      </div>
      <ErrorBar error={u.error} title="The file was not accepted" />
      {u.check && <CheckResult check={u.check} fileName={u.file?.name} />}
      {u.check && (
        <SaveVersion
          check={u.check}
          disabled={u.saving || (isNew && !title.trim())}
          onSave={() => void u.save()}
        />
      )}
      {u.done && (
        <MessageBar intent="success">
          <MessageBarBody>{u.done}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
