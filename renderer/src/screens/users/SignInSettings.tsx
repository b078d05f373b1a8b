// The sign-in settings: how long the screen may stay idle before it locks, how many failed sign-ins lock a name, and
// for how long.
import { useState } from 'react';
import { Button, Field, MessageBar, MessageBarBody, SpinButton, Text } from '@fluentui/react-components';
import { useRpc, useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';

export function SignInSettings() {
  const q = useRpc('auth.getSettings', {});
  const save = useRpcMutation('auth.setSettings', ['auth.getSettings', 'auth.me']);
  const [v, setV] = useState<{ idleLockMinutes: number; maxFailures: number; lockoutMinutes: number } | null>(
    null,
  );
  const [saved, setSaved] = useState(false);
  const cur = v ?? q.data;
  if (!cur) {
    return <ErrorBar error={q.error} />;
  }
  const num = (k: keyof typeof cur) => (_: unknown, d: { value?: number | null; displayValue?: string }) => {
    setSaved(false);
    setV({ ...cur, [k]: d.value ?? Number(d.displayValue) });
  };
  return (
    <form
      className="card"
      aria-labelledby="signin-settings"
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(false);
        try {
          await save.mutateAsync(cur);
          setSaved(true);
        } catch {
          /* shown below */
        }
      }}
    >
      <Text as="h2" id="signin-settings" weight="semibold" size={500}>
        Sign-in settings
      </Text>
      <div className="row">
        <Field label="Lock the screen after (idle minutes)">
          <SpinButton min={1} max={240} value={cur.idleLockMinutes} onChange={num('idleLockMinutes')} />
        </Field>
        <Field label="Failed sign-ins before a lock-out">
          <SpinButton min={3} max={20} value={cur.maxFailures} onChange={num('maxFailures')} />
        </Field>
        <Field label="Lock-out lasts (minutes)">
          <SpinButton min={1} max={1440} value={cur.lockoutMinutes} onChange={num('lockoutMinutes')} />
        </Field>
      </div>
      <ErrorBar error={save.error} />
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>Sign-in settings saved.</MessageBarBody>
        </MessageBar>
      )}
      <div className="row" style={{ marginTop: 8 }}>
        <Button type="submit" appearance="primary" disabled={save.isPending}>
          Save sign-in settings
        </Button>
      </div>
    </form>
  );
}
