// Shown above every screen, the sign-in screen included, when the database failed its integrity check
// (docs/data-safety.md, "Damage"): what happened and the way out.
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useRpc } from '../../hooks';

export function StoreHealthBar() {
  const health = useRpc('backups.health', {});
  if (!health.data || health.data.ok) {
    return null;
  }
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>The database is damaged</MessageBarTitle>
        {health.data.message}
      </MessageBarBody>
    </MessageBar>
  );
}
