// Shows an rpc failure: its message and, for files, each problem with its line number. An issue's path is for
// the form it belongs to, never shown: every message names the pupil and the field in words.
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { RpcFailure } from '../rpc';

export function ErrorBar({ error, title = 'That did not work' }: { error: unknown; title?: string }) {
  if (!error) {
    return null;
  }
  const issues = error instanceof RpcFailure ? (error.error.issues ?? []) : [];
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {error instanceof Error ? error.message : String(error)}
        {issues.length > 0 && (
          <ul aria-label="Problems">
            {issues.slice(0, 200).map((i, k) => (
              <li key={k}>
                {i.line !== undefined ? `line ${i.line}: ` : ''}
                {i.message}
              </li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
