// The planned letters of a batch that could not be made when it was picked up again after a restart (a pupil who
// has left since, a family whose contacts changed): each names its pupil.
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { JobState } from './util';

export function BatchProblems({ job }: { job: JobState }) {
  const problems = job.result?.problems ?? [];
  if (!problems.length) {
    return null;
  }
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        <MessageBarTitle>
          {problems.length === 1 ? 'One letter was not made' : `${problems.length} letters were not made`}
        </MessageBarTitle>
        The batch was picked up again after the app restarted, and these letters could no longer be made:
        <ul aria-label="Letters not made">
          {problems.map((p, i) => (
            <li key={`${p.pupilId}-${i}`}>
              <a href={`#/pupils/${p.pupilId}`}>{p.name}</a>: {p.reason}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
