// Step 2 of the letters screen: each pupil the letter would go to, with the ladder stage and next step, who it is
// addressed to and the guardrail warnings (G5); a pupil with a warning is sent only with a reason. Below, who is
// left out and why, and who is not chosen.
import type { Dispatch, SetStateAction } from 'react';
import {
  Badge,
  Checkbox,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
} from '@fluentui/react-components';
import { formatPct1 } from '../../../../shared/statistics';
import { bandLabel } from '../../../../shared/bands';
import { STAGE_COLOURS } from '../../letters/util';
import type { Candidate, CandidatesOut, Template } from './common';

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

export function Candidates(props: Props) {
  const { cand, fetching, isPicked, picked, setPicked, reasons, setReasons, chosenCount } = props;
  const { template, setTemplate, templates } = props;
  const rows = cand?.pupils ?? [];
  return (
    <section className="card" aria-labelledby="h-cands">
      <Text as="h2" id="h-cands" weight="semibold" size={500}>
        2. Check each pupil ({chosenCount} of {rows.length} chosen)
      </Text>
      {fetching && <ProgressBar aria-label="Finding pupils" />}
      {cand && rows.length === 0 && <Text>No pupil matches.</Text>}
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
                              Use {templates?.find((t) => t.name === f.suggest)?.title ?? f.suggest}
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
      {cand && cand.leftOut.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Left out</MessageBarTitle>
            <ul aria-label="Pupils left out">
              {cand.leftOut.map((x) => (
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
  );
}
