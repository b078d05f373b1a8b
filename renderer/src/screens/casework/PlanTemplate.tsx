// The reintegration plan's Word template (docs/rules/casework.md), like the letter templates: download it, change
// the wording in Word keeping the {{fields}}, upload it (checked first; a file with an unknown field is refused),
// and go back to the shipped template. Every version is kept. The state and calls are in usePlanTemplate.ts.
import { Badge, Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/dates';
import { ErrorBar } from '../../components/ErrorBar';
import { FilePicker } from '../../components/FilePicker';
import { usePlanTemplate, type Check } from './usePlanTemplate';

type Template = Output<'casework.planTemplate.get'>;

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

/** The template in use: whose, since when, and downloading it or going back to the shipped one. */
function TemplateInUse({
  t,
  reverting,
  onDownload,
  onRevert,
}: {
  t: Template;
  reverting: boolean;
  onDownload: () => void;
  onRevert: () => void;
}) {
  return (
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
        <Button onClick={onDownload}>Download the template</Button>
        {t.source === 'school' && (
          <Button disabled={reverting} onClick={onRevert}>
            Go back to the shipped template
          </Button>
        )}
      </div>
    </section>
  );
}

/** Uploading the school's own version: the file, its check and, when it can be used, saving it. */
function TemplateUpload({
  file,
  check,
  error,
  done,
  saving,
  onFile,
  onSave,
}: {
  file: { name: string } | null;
  check: Check | null;
  error: unknown;
  done: string | null;
  saving: boolean;
  onFile: (f: File) => void;
  onSave: () => void;
}) {
  return (
    <section className="card" aria-labelledby="tpl-up">
      <h2 id="tpl-up">Upload the school's own version</h2>
      <FilePicker
        label="Choose a .docx file"
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        onFile={onFile}
      />
      <ErrorBar error={error} title="The file was not accepted" />
      {check && file && <CheckResult check={check} fileName={file.name} />}
      {check && check.errors.length === 0 && (
        <Button appearance="primary" disabled={saving} onClick={onSave}>
          Use this template
        </Button>
      )}
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

/** The fields a plan template may use, and what each holds. */
function TemplateFields({ fields }: { fields: Template['fields'] }) {
  return (
    <details className="card">
      <summary>The fields a plan template can use ({fields.length})</summary>
      <table className="plain" aria-label="Fields">
        <thead>
          <tr>
            <th>Field</th>
            <th>What it holds</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
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
  );
}

export function PlanTemplate() {
  const s = usePlanTemplate();
  const t = s.q.data;
  return (
    <div className="page">
      <h1>The reintegration plan's Word template</h1>
      <Text>
        A plan exported to Word is this template with its {'{{fields}}'} filled in. Download it, change the
        wording, the layout or the logo in Word, keep the fields, and upload it again. Tables and the chart
        stay on a line of their own. Every version is kept.
      </Text>
      <ErrorBar error={s.q.error ?? s.revert.error} />
      {t && (
        <TemplateInUse
          t={t}
          reverting={s.revert.isPending}
          onDownload={() => void s.download()}
          onRevert={() => s.revert.mutate({})}
        />
      )}
      <TemplateUpload
        file={s.file}
        check={s.check}
        error={s.error}
        done={s.done}
        saving={s.upload.isPending}
        onFile={(f) => void s.onFile(f)}
        onSave={() => void s.save()}
      />
      {t && <TemplateFields fields={t.fields} />}
    </div>
  );
}
