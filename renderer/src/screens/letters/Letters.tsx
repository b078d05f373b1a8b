// Letters to parents: choose a template and the pupils (for example every persistently absent pupil of a year),
// see each pupil's ladder stage, the guardrail flags and who is left out and why (G5), preview the first
// letters, then generate the batch into a folder with a progress bar: one .docx per letter and one to print.
// This file holds the screen's state and the calls; each step is a file of its own in this folder.
import { useEffect, useMemo, useState } from 'react';
import { Link, Text, Title2 } from '@fluentui/react-components';
import { academicYearOf, academicYearRange } from '../../../../shared/dates';
import { termAround } from '../../../../shared/terms';
import type { Output } from '../../../../shared/contract';
import { useHashRoute, useRpc } from '../../hooks';
import { call } from '../../rpc';
import { pollJob, type JobState } from '../../letters/util';
import { type Band } from './common';
import { ChooseLetter } from './ChooseLetter';
import { Candidates } from './Candidates';
import { ExtraFields } from './ExtraFields';
import { PreviewAndSave } from './PreviewAndSave';

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
      <ChooseLetter
        templates={templates.data?.templates}
        template={template}
        setTemplate={setTemplate}
        yearGroup={yearGroup}
        setYearGroup={setYearGroup}
        band={band}
        setBand={setBand}
        from={from}
        setFrom={setFrom}
        to={to}
        setTo={setTo}
        onePupil={onePupil}
        spec={spec}
        error={templates.error ?? cand.error}
      />

      <Candidates
        cand={cand.data}
        fetching={cand.isFetching}
        isPicked={isPicked}
        picked={picked}
        setPicked={setPicked}
        reasons={reasons}
        setReasons={setReasons}
        chosenCount={chosen.length}
        template={template}
        setTemplate={setTemplate}
        templates={templates.data?.templates}
      />

      {spec && spec.extra.length > 0 && <ExtraFields fields={spec.extra} extra={extra} setExtra={setExtra} />}

      <PreviewAndSave
        step={spec && spec.extra.length ? '4' : '3'}
        folder={folder}
        setFolder={setFolder}
        busy={busy}
        chosenCount={chosen.length}
        needsReason={needsReason}
        onPreview={() => void doPreview()}
        onGenerate={() => void doGenerate()}
        error={error}
        preview={preview}
        previewMeta={previewMeta}
        batchLeftOut={batchLeftOut}
        job={job}
      />
    </div>
  );
}
