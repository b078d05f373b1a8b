// Browser mode keeps the session token for this tab only (sessionStorage: gone when the tab closes, kept over a
// reload). In Electron the main process keeps it and the page never sees it.
const KEY = 'attendance.session';

export function readToken(): string | null {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function rememberToken(token: string | null): void {
  try {
    if (token) {
      window.sessionStorage.setItem(KEY, token);
    } else {
      window.sessionStorage.removeItem(KEY);
    }
  } catch {
    /* storage refused: the session lasts as long as the page */
  }
}

export const AUTH_EVENT = 'attendance:auth-changed';
export function authChanged(): void {
  window.dispatchEvent(new Event(AUTH_EVENT));
}
