// Step 2 of the letters screen: each pupil the letter would go to, with the ladder stage and next step, who it is
// addressed to and the guardrail warnings (G5); a pupil with a warning is sent only with a reason. Below, who is
// left out and why, and who is not chosen.
import type { Dispatch, SetStateAction } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text } from '@fluentui/react-components';
import type { Candidate, CandidatesOut, Template } from './common';
import { CandidateRow } from './CandidateRow';

interface Props {
  cand: CandidatesOut | undefined;
  fetching: boolean;
  isPicked: (p: Candidate) => boolean;
  picked: Record<number, boolean>;
  setPicked: Dispatch<SetStateAction<Record<number, boolean>>>;
  reasons: Record<number, string>;
  setReasons: Dispatch<SetStateAction<Record<number, string>>>;
  chosenCount: number;
  template: string;
  setTemplate: (name: string) => void;
  templates: Template[] | undefined;
}

type TableProps = Omit<Props, 'cand' | 'fetching' | 'chosenCount'> & { rows: Candidate[] };

/** The pupils the letter would go to, a row each. */
function CandidatesTable(props: TableProps) {
  const { rows, isPicked, picked, setPicked, reasons, setReasons, template, setTemplate, templates } = props;
  return (
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
            <CandidateRow
              key={p.pupilId}
              p={p}
              picked={isPicked(p)}
              onPick={(checked) => setPicked({ ...picked, [p.pupilId]: checked })}
              reason={reasons[p.pupilId] ?? ''}
              onReason={(reason) => setReasons({ ...reasons, [p.pupilId]: reason })}
              template={template}
              setTemplate={setTemplate}
              templates={templates}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The pupils the core leaves out of this letter, and why. */
function LeftOut({ leftOut }: { leftOut: CandidatesOut['leftOut'] }) {
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        <MessageBarTitle>Left out</MessageBarTitle>
        <ul aria-label="Pupils left out">
          {leftOut.map((x) => (
            <li key={x.pupilId}>
              <a href={`#/pupils/${x.pupilId}`}>{x.name}</a>: {x.reason}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/** The unticked pupils, with their warnings' codes. */
function NotChosen({ rows }: { rows: Candidate[] }) {
  return (
    <p className="muted" aria-label="Not chosen">
      Not chosen:{' '}
      {rows
        .map((p) => `${p.name}${p.flags.length ? ` (${p.flags.map((f) => f.code).join(', ')})` : ''}`)
        .join('; ')}
      .
    </p>
  );
}

export function Candidates(props: Props) {
  const { cand, fetching, isPicked, chosenCount } = props;
  const rows = cand?.pupils ?? [];
  return (
    <section className="card" aria-labelledby="h-cands">
      <Text as="h2" id="h-cands" weight="semibold" size={500}>
        2. Check each pupil ({chosenCount} of {rows.length} chosen)
      </Text>
      {fetching && <ProgressBar aria-label="Finding pupils" />}
      {cand && rows.length === 0 && <Text>No pupil matches.</Text>}
      {rows.length > 0 && (
        <CandidatesTable
          rows={rows}
          isPicked={isPicked}
          picked={props.picked}
          setPicked={props.setPicked}
          reasons={props.reasons}
          setReasons={props.setReasons}
          template={props.template}
          setTemplate={props.setTemplate}
          templates={props.templates}
        />
      )}
      {cand && cand.leftOut.length > 0 && <LeftOut leftOut={cand.leftOut} />}
      {rows.some((p) => !isPicked(p)) && <NotChosen rows={rows.filter((p) => !isPicked(p))} />}
    </section>
  );
}
