// First run: before the school is set up, the person installing the app creates the administrator account (the
// form's state and call are in useFirstAdmin.ts).
import { Button, Field, Input, Text, Title2 } from '@fluentui/react-components';
import { ErrorBar } from '../components/ErrorBar';
import { useFirstAdmin } from './useFirstAdmin';

export function FirstAdmin() {
  const { v, set, errors, error, busy, submit } = useFirstAdmin();
  return (
    <main id="main" className="gate">
      <div className="card gate-card">
        <Title2 as="h1">Create the administrator account</Title2>
        <Text block>
          This is the first start of the app. The administrator manages accounts, settings and backups, and
          then sets up the school. An administrator sees no pupil data unless also given another role.
        </Text>
        <form onSubmit={submit} aria-label="Administrator account" className="page" style={{ marginTop: 12 }}>
          <Field label="Your name" required validationMessage={errors.displayName}>
            <Input autoFocus value={v.displayName} onChange={set('displayName')} />
          </Field>
          <Field label="Position" validationMessage={errors.position}>
            <Input value={v.position} onChange={set('position')} placeholder="e.g. School business manager" />
          </Field>
          <Field
            label="Username"
            required
            validationMessage={errors.username}
            hint="2 to 40 letters, digits, dots, dashes or underscores"
          >
            <Input autoComplete="username" value={v.username} onChange={set('username')} />
          </Field>
          <Field
            label="Password"
            required
            validationMessage={errors.password}
            hint="at least 10 characters; a short sentence is easy to remember"
          >
            <Input
              type="password"
              autoComplete="new-password"
              value={v.password}
              onChange={set('password')}
            />
          </Field>
          <Field label="Password again" required validationMessage={errors.confirm}>
            <Input type="password" autoComplete="new-password" value={v.confirm} onChange={set('confirm')} />
          </Field>
          <ErrorBar error={error} title="The account could not be created" />
          <div className="row">
            <Button appearance="primary" type="submit" disabled={busy}>
              {busy ? 'Creating…' : 'Create the account'}
            </Button>
          </div>
        </form>
      </div>
    </main>
  );
}
