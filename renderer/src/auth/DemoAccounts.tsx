// In the demo school only: the demo accounts, one per role, each with a button that fills the sign-in form.
import { Button, Text } from '@fluentui/react-components';
import type { Output } from '../../../shared/contract';
import { ROLE_LABELS } from './roles';

export type DemoAccount = Output<'auth.demoAccounts'>['accounts'][number];

export function DemoAccounts({
  accounts,
  onUse,
}: {
  accounts: DemoAccount[];
  onUse: (a: DemoAccount) => void;
}) {
  return (
    <section className="card gate-card" aria-labelledby="demo-accounts">
      <Text as="h2" id="demo-accounts" weight="semibold" size={400}>
        Demo accounts
      </Text>
      <Text block size={200}>
        This is the demo school: each role has an account. Passwords are shown here only in demo mode.
      </Text>
      <table className="plain" aria-label="Demo accounts">
        <thead>
          <tr>
            <th>Role</th>
            <th>Username</th>
            <th>Password</th>
            <th>
              <span className="visually-hidden">Use</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.username}>
              <td>{ROLE_LABELS[a.role]}</td>
              <td>{a.username}</td>
              <td>
                <code>{a.password}</code>
              </td>
              <td>
                <Button size="small" onClick={() => onUse(a)}>
                  Use the {ROLE_LABELS[a.role].toLowerCase()} account
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
