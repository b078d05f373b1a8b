// Letters to parents: choose a template and the pupils (for example every persistently absent pupil of a year),
// see each pupil's ladder stage, the guardrail flags and who is left out and why (G5), preview the first
// letters, then generate the batch into a folder with a progress bar: one .docx per letter and one to print.
import { useEffect, useMemo, useState } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Text,
  Textarea,
  Title2,
} from '@fluentui/react-components';
import { YEAR_GROUPS } from '../../../shared/pupil';
import { academicYearOf, academicYearRange } from '../../../shared/dates';
import { termAround } from '../../../shared/terms';
import { formatPct1 } from '../../../shared/statistics';
import type { Output } from '../../../shared/contract';
import { useHashRoute, useRpc } from '../hooks';
import { call } from '../rpc';
import { ErrorBar } from '../components/ErrorBar';
import { DateInput } from '../components/DateInput';
import { bandLabel } from '../../../shared/bands';
import { pollJob, STAGE_COLOURS, type JobState } from '../letters/util';
import { BatchProblems } from '../letters/BatchProblems';
import { pluralS } from '../../../shared/names';

type Band = 'any' | 'at_risk' | 'persistent' | 'severe' | 'persistent_or_severe' | 'at_risk_or_worse';
const BANDS: [Band, string][] = [
  ['persistent_or_severe', 'Persistently or severely absent'],
  ['severe', 'Severely absent'],
  ['persistent', 'Persistently absent (not severe)'],
  ['at_risk', 'At risk'],
  ['at_risk_or_worse', 'At risk or worse'],
  ['any', 'Every pupil'],
];

export function Letters({ today }: { today: string }) {
  const route = useHashRoute();
  const onePupil = route[1] === 'pupil' && Number(route[2]) > 0 ? Number(route[2]) : null;
  const templates = useRpc('letters.templates', {});
  const folderQ = useRpc('letters.defaultFolder', {});
  const [template, setTemplate] = useState('attendance-concern');
  const [yearGroup, setYearGroup] = useState<string>('');
  const [band, setBand] = useState<Band>(onePupil ? 'any' : 'persistent_or_severe');
  const [from, setFrom] = useState(`${academicYearOf(today)}-09-01`);
  const [to, setTo] = useState(today);
  const [picked, setPicked] = useState<Record<number, boolean>>({});
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const [extra, setExtra] = useState<Record<string, string>>({});
  const [folder, setFolder] = useState('');
  const [preview, setPreview] = useState<JobState | null>(null);
  const [previewMeta, setPreviewMeta] = useState<Output<'letters.preview'> | null>(null);
  const [job, setJob] = useState<JobState | null>(null);
  const [batchLeftOut, setBatchLeftOut] = useState<Output<'letters.generate'>['leftOut']>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (folderQ.data && !folder) {
      setFolder(folderQ.data.folder);
    }
  }, [folderQ.data, folder]);
  useEffect(() => {
    setBand(onePupil ? 'any' : 'persistent_or_severe');
  }, [onePupil]);
  const spec = templates.data?.templates.find((t) => t.name === template);
  // The termly update goes to every family, over the term so far (docs/rules/letters.md)
  const cal = useRpc('calendar.get', academicYearRange(academicYearOf(today)));
  const termly = spec?.stage === 'update' && !onePupil;
  useEffect(() => {
    const t = termly && cal.data ? termAround(cal.data.ranges, today) : null;
    if (t) {
      setBand('any');
      setFrom(t.from);
      setTo(today < t.to ? today : t.to);
    }
  }, [termly, cal.data, today]);
  const cand = useRpc(
    'letters.candidates',
    {
      template,
      band,
      from,
      to,
      ...(yearGroup ? { yearGroup: yearGroup as never } : {}),
      ...(onePupil ? { pupilIds: [onePupil] } : {}),
    },
    { enabled: !!from && !!to },
  );
  const rows = cand.data?.pupils ?? [];
  useEffect(() => {
    setPicked({});
    setPreview(null);
    setPreviewMeta(null);
    setJob(null);
    setBatchLeftOut([]);
  }, [template, band, yearGroup, from, to, onePupil]);
  const isPicked = (p: (typeof rows)[number]) => picked[p.pupilId] ?? p.flags.length === 0;
  const chosen = rows.filter(isPicked);
  const needsReason = chosen.filter((p) => p.flags.length > 0 && !(reasons[p.pupilId] ?? '').trim());
  const request = useMemo(
    () => ({
      template,
      pupilIds: chosen.map((p) => p.pupilId),
      from,
      to,
      extra: Object.fromEntries(Object.entries(extra).filter(([, v]) => v.trim())),
      overrideReasons: Object.fromEntries(
        chosen.filter((p) => p.flags.length).map((p) => [String(p.pupilId), reasons[p.pupilId] ?? '']),
      ),
    }),
    [template, chosen, from, to, extra, reasons],
  );

  const doPreview = async () => {
    setError(null);
    setBusy(true);
    setPreview(null);
    try {
      const r = await call('letters.preview', { ...request, count: 3 });
      setPreviewMeta(r);
      setBatchLeftOut(r.leftOut);
      await pollJob(r.jobId, setPreview);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const doGenerate = async () => {
    setError(null);
    setBusy(true);
    setJob(null);
    try {
      const r = await call('letters.generate', { ...request, folder });
      setBatchLeftOut(r.leftOut);
      const end = await pollJob(r.jobId, setJob);
      if (end.status === 'failed') {
        setError(new Error(end.error ?? 'The batch failed.'));
      }
      void cand.refetch();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <Title2 as="h1">Letters to parents</Title2>
      <Text>
        Choose a letter and the pupils, check each pupil's stage and any warning, preview, then save the
        letters to a folder. Every letter is logged on the pupil's page.{' '}
        <Link href="#/letters/templates">Letter templates</Link>
      </Text>
      <Text>
        Agreement letters (part-time timetable, flexi-schooling, attendance contract) are one pupil&apos;s
        documents with that agreement&apos;s details: they are made from the agreement&apos;s record under{' '}
        <Link href="#/arrangements">Arrangements</Link>, never in a batch.
      </Text>
      <section className="card" aria-labelledby="h-choose">
        <Text as="h2" id="h-choose" weight="semibold" size={500}>
          1. The letter and the pupils
        </Text>
        <div className="row">
          <Field label="Letter">
            <Select value={template} onChange={(_, d) => setTemplate(d.value)}>
              {templates.data?.templates
                .filter((t) => !t.madeFrom)
                .map((t) => (
                  <option key={t.name} value={t.name}>
                    {t.title}
                    {t.source === 'school' ? ' (school version)' : ''}
                  </option>
                ))}
            </Select>
          </Field>
          <Field label="Year group">
            <Select value={yearGroup} onChange={(_, d) => setYearGroup(d.value)}>
              <option value="">All years</option>
              {YEAR_GROUPS.map((y) => (
                <option key={y} value={y}>
                  Year {y}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Pupils">
            <Select value={band} onChange={(_, d) => setBand(d.value as Band)}>
              {BANDS.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Figures from">
            <DateInput value={from} onChange={(_, d) => setFrom(d.value)} />
          </Field>
          <Field label="Figures to">
            <DateInput value={to} onChange={(_, d) => setTo(d.value)} />
          </Field>
        </div>
        {onePupil && (
          <Text>
            For one pupil only. <Link href="#/letters">Choose pupils by year and band instead</Link>.
          </Text>
        )}
        {spec && (
          <p className="muted">
            {spec.summary}
            {spec.legal ? ' It carries legal-action wording.' : ''}
            {spec.legalWeight
              ? ' It has legal weight: the headteacher or the attendance lead approves it.'
              : ''}
            {spec.siblings ? ' Brothers and sisters in one household share one letter.' : ''}
            {spec.addressing === 'each_parent' ? ' It goes to each parent by name.' : ''}
          </p>
        )}
        <ErrorBar error={templates.error ?? cand.error} />
      </section>

      <section className="card" aria-labelledby="h-cands">
        <Text as="h2" id="h-cands" weight="semibold" size={500}>
          2. Check each pupil ({chosen.length} of {rows.length} chosen)
        </Text>
        {cand.isFetching && <ProgressBar aria-label="Finding pupils" />}
        {cand.data && rows.length === 0 && <Text>No pupil matches.</Text>}
        {rows.length > 0 && (
          <div className="table-scroll" tabIndex={0}>
            <table className="plain" aria-label="Pupils for this letter">
              <thead>
                <tr>
                  <th>Send</th>
                  <th>Pupil</th>
                  <th>Year</th>
                  <th>Attendance</th>
                  <th>Stage and next step</th>
                  <th>To</th>
                  <th>Warnings</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.pupilId}>
                    <td>
                      <Checkbox
                        aria-label={`Send to the family of ${p.name}`}
                        checked={isPicked(p)}
                        onChange={(_, d) => setPicked({ ...picked, [p.pupilId]: !!d.checked })}
                      />
                    </td>
                    <td>
                      <a href={`#/pupils/${p.pupilId}`}>{p.name}</a>
                      <br />
                      <span className="muted">{p.upn}</span>
                    </td>
                    <td>
                      {p.yearGroup}
                      <br />
                      <span className="muted">{p.regGroup}</span>
                    </td>
                    <td>
                      {formatPct1(p.attendancePct)}
                      <br />
                      <span className="muted">{bandLabel(p.band)}</span>
                    </td>
                    <td>
                      <Badge appearance="tint" color={STAGE_COLOURS[p.ladder.stage]}>
                        {p.ladder.label}
                      </Badge>
                      <br />
                      <span className="muted">{p.ladder.nextStep}</span>
                    </td>
                    <td>{p.addressees.join('; ')}</td>
                    <td>
                      {p.flags.map((f) => (
                        <div key={f.code}>
                          <Text size={200}>
                            <strong>{f.code}</strong> {f.message}
                          </Text>
                          {f.suggest && f.suggest !== template && (
                            <>
                              {' '}
                              <Link as="button" onClick={() => setTemplate(f.suggest!)}>
                                Use{' '}
                                {templates.data?.templates.find((t) => t.name === f.suggest)?.title ??
                                  f.suggest}
                              </Link>
                            </>
                          )}
                        </div>
                      ))}
                      {p.flags.length > 0 && isPicked(p) && (
                        <Field label="Reason to send it anyway" required size="small">
                          <Input
                            value={reasons[p.pupilId] ?? ''}
                            onChange={(_, d) => setReasons({ ...reasons, [p.pupilId]: d.value })}
                          />
                        </Field>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {cand.data && cand.data.leftOut.length > 0 && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>Left out</MessageBarTitle>
              <ul aria-label="Pupils left out">
                {cand.data.leftOut.map((x) => (
                  <li key={x.pupilId}>
                    <a href={`#/pupils/${x.pupilId}`}>{x.name}</a>: {x.reason}
                  </li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
        {rows.some((p) => !isPicked(p)) && (
          <p className="muted" aria-label="Not chosen">
            Not chosen:{' '}
            {rows
              .filter((p) => !isPicked(p))
              .map((p) => `${p.name}${p.flags.length ? ` (${p.flags.map((f) => f.code).join(', ')})` : ''}`)
              .join('; ')}
            .
          </p>
        )}
      </section>

      {spec && spec.extra.length > 0 && (
        <section className="card" aria-labelledby="h-extra">
          <Text as="h2" id="h-extra" weight="semibold" size={500}>
            3. What this letter needs
          </Text>
          <div className="grid2">
            {spec.extra.map((e) => (
              <Field
                key={e.key}
                label={e.label}
                hint={e.computed ? 'Filled in from the records when left empty' : undefined}
              >
                {e.kind === 'date' ? (
                  <DateInput
                    value={extra[e.key] ?? ''}
                    onChange={(_, d) => setExtra({ ...extra, [e.key]: d.value })}
                  />
                ) : e.kind === 'multiline' ? (
                  <Textarea
                    value={extra[e.key] ?? ''}
                    onChange={(_, d) => setExtra({ ...extra, [e.key]: d.value })}
                  />
                ) : (
                  <Input
                    value={extra[e.key] ?? ''}
                    placeholder={e.kind === 'time' ? 'HH:MM' : undefined}
                    onChange={(_, d) => setExtra({ ...extra, [e.key]: d.value })}
                  />
                )}
              </Field>
            ))}
          </div>
        </section>
      )}

      <section className="card" aria-labelledby="h-go">
        <Text as="h2" id="h-go" weight="semibold" size={500}>
          {spec && spec.extra.length ? '4' : '3'}. Preview and save
        </Text>
        <div className="row">
          <Field label="Save the letters in this folder" style={{ flex: 1, minWidth: 320 }}>
            <Input value={folder} onChange={(_, d) => setFolder(d.value)} />
          </Field>
          {window.attendance?.chooseFolder && (
            <Button
              onClick={() =>
                void window.attendance!.chooseFolder!(folder).then((f) => {
                  if (f) {
                    setFolder(f);
                  }
                })
              }
            >
              Choose folder…
            </Button>
          )}
          <Button
            disabled={busy || chosen.length === 0 || needsReason.length > 0}
            onClick={() => void doPreview()}
          >
            Preview the first letters
          </Button>
          <Button
            appearance="primary"
            disabled={busy || chosen.length === 0 || needsReason.length > 0 || !folder.trim()}
            onClick={() => void doGenerate()}
          >
            Generate {chosen.length} letter{pluralS(chosen.length)}
          </Button>
        </div>
        {needsReason.length > 0 && (
          <Text role="status">
            Give a reason for each pupil with a warning, or untick them:{' '}
            {needsReason.map((p) => p.name).join(', ')}.
          </Text>
        )}
        <ErrorBar error={error} />
        {preview && preview.status === 'running' && (
          <ProgressBar
            aria-label="Preparing the preview"
            value={preview.total ? preview.done / preview.total : undefined}
          />
        )}
        {preview?.result && (
          <div aria-label="Preview of the first letters" role="region">
            <Text>
              Showing {preview.result.letters.length} of {previewMeta?.letters ?? '?'} letters.
            </Text>
            {preview.result.letters.map((l, i) => (
              <article
                key={i}
                className="card letter-preview"
                aria-label={`Preview of the letter to ${l.addressees.join(', ')}`}
              >
                {l.paragraphs
                  ?.filter((x) => x.trim())
                  .map((x, k) => (
                    <p key={k} style={{ margin: '0 0 6px', whiteSpace: 'pre-wrap' }}>
                      {x}
                    </p>
                  ))}
              </article>
            ))}
          </div>
        )}
        {batchLeftOut.length > 0 && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>Left out of these letters</MessageBarTitle>
              <ul aria-label="Left out of these letters">
                {batchLeftOut.map((x) => (
                  <li key={x.pupilId}>
                    {x.name}: {x.reason}
                  </li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
        {job && (
          <div role="region" aria-label="Batch progress">
            <ProgressBar aria-label="Generating letters" value={job.total ? job.done / job.total : 0} />
            <Text aria-live="polite">
              {job.status === 'running'
                ? `Generating… ${Math.min(job.done, job.total - 1)} of ${job.total - 1} letters`
                : job.status === 'done'
                  ? `Done: ${job.result?.letters.length} letters saved in ${job.result?.folder}`
                  : 'The batch failed.'}
            </Text>
          </div>
        )}
        {job && <BatchProblems job={job} />}
        {job?.result && (
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle>Saved</MessageBarTitle>
              To print them all at once, open <strong>{job.result.combinedFile}</strong> in{' '}
              {job.result.folder}.
              <ul aria-label="Letters saved">
                {job.result.letters.map((l) => (
                  <li key={l.logId}>
                    {l.fileName}: to {l.addressees.join('; ')} (<a href={`#/pupils/${l.pupilId}`}>{l.name}</a>
                    , ref. {l.reference})
                  </li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
      </section>
    </div>
  );
}
