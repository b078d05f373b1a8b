// The changes to an account that open a dialog (edit, reset its password, disable it), with the dialog's title and
// its button's words for each.
import type { UserRow } from '../../../../shared/channels/auth';

export type Action = { kind: 'edit' | 'reset' | 'disable'; user: UserRow } | null;

export function actionTitle(action: NonNullable<Action>): string {
  const u = action.user;
  return action.kind === 'edit'
    ? `Edit ${u.displayName}`
    : action.kind === 'reset'
      ? `Reset ${u.displayName}'s password`
      : `Disable ${u.displayName}'s account`;
}

export function actionVerb(kind: NonNullable<Action>['kind']): string {
  return kind === 'edit' ? 'Save' : kind === 'reset' ? 'Reset password' : 'Disable account';
}
