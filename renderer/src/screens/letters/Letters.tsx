// Letters to parents: choose a template and the pupils (for example every persistently absent pupil of a year),
// see each pupil's ladder stage, the guardrail flags and who is left out and why (G5), preview the first
// letters, then generate the batch into a folder with a progress bar: one .docx per letter and one to print.
// This file lays out the screen; its state and calls are in useLetters.ts, each step is a file of its own here.
import { Link, Text, Title2 } from '@fluentui/react-components';
import { useLetters } from './useLetters';
import { ChooseLetter } from './ChooseLetter';
import { Candidates } from './Candidates';
import { ExtraFields } from './ExtraFields';
import { PreviewAndSave } from './PreviewAndSave';

/** The screen's heading and what it is for; agreement letters are made elsewhere. */
function LettersIntro() {
  return (
    <>
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
    </>
  );
}

export function Letters({ today }: { today: string }) {
  const { onePupil, templates, folder, setFolder, choice, cand, selection: s, batch } = useLetters(today);
  const { template, setTemplate, spec } = choice;
  return (
    <div className="page">
      <LettersIntro />
      <ChooseLetter
        templates={templates.data?.templates}
        template={template}
        setTemplate={setTemplate}
        yearGroup={choice.yearGroup}
        setYearGroup={choice.setYearGroup}
        band={choice.band}
        setBand={choice.setBand}
        from={choice.from}
        setFrom={choice.setFrom}
        to={choice.to}
        setTo={choice.setTo}
        onePupil={onePupil}
        spec={spec}
        error={templates.error ?? cand.error}
      />

      <Candidates
        cand={cand.data}
        fetching={cand.isFetching}
        isPicked={s.isPicked}
        picked={s.picked}
        setPicked={s.setPicked}
        reasons={s.reasons}
        setReasons={s.setReasons}
        chosenCount={s.chosen.length}
        template={template}
        setTemplate={setTemplate}
        templates={templates.data?.templates}
      />

      {spec && spec.extra.length > 0 && (
        <ExtraFields fields={spec.extra} extra={s.extra} setExtra={s.setExtra} />
      )}

      <PreviewAndSave
        step={spec && spec.extra.length ? '4' : '3'}
        folder={folder}
        setFolder={setFolder}
        busy={batch.busy}
        chosenCount={s.chosen.length}
        needsReason={s.needsReason}
        onPreview={() => void batch.doPreview()}
        onGenerate={() => void batch.doGenerate()}
        error={batch.error}
        preview={batch.preview}
        previewMeta={batch.previewMeta}
        batchLeftOut={batch.batchLeftOut}
        job={batch.job}
      />
    </div>
  );
}
