// Who is signed in, with change password, lock and sign out: at the top of the navigation.
import { useState } from 'react';
import { Menu, MenuButton, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { useAuth } from './AuthGate';
import { rolesText } from './roles';
import { ChangePasswordDialog } from './ChangePassword';

export function UserMenu() {
  const { me, signOut, lock } = useAuth();
  const [changing, setChanging] = useState(false);
  return (
    <div className="user-menu">
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <MenuButton appearance="subtle">
            <span className="user-name">
              {me.displayName}
              <span className="muted user-roles">{rolesText(me.roles)}</span>
              <span className="visually-hidden">, account menu</span>
            </span>
          </MenuButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem onClick={() => setChanging(true)}>Change password…</MenuItem>
            <MenuItem onClick={() => void lock()}>Lock the screen</MenuItem>
            <MenuItem onClick={() => void signOut()}>Sign out</MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      {/* Mounted only while open: a Fluent Dialog, even closed, starts tabster's modalizer, which puts hidden
          focusable guards around the whole page (axe aria-hidden-focus, docs/ux.md). */}
      {changing && <ChangePasswordDialog open onClose={() => setChanging(false)} />}
    </div>
  );
}
