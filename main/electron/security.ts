// The decisions of the desktop shell, kept free of 'electron' imports so tests can check them.
import path from 'node:path';
import { contentSecurityPolicy } from '../../shared/content-security-policy';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://attendance';

/** webPreferences for every window: the Electron security baseline (electronjs.org/docs/latest/tutorial/security). */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    spellcheck: true,
  } as const;
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy("'none'");

/** Only our own top frame, loaded from app://attendance, may call rpc. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined): boolean {
  if (!frame || frame.parent !== null) {
    return false;
  }
  try {
    const u = new URL(frame.url);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'attendance';
  } catch {
    return false;
  }
}

/** Maps an app:// URL to a file inside the renderer folder, or null when it would escape it. */
export function resolveAppUrl(url: string, rendererDir: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== 'attendance') {
    return null;
  }
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0')) {
    return null;
  }
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, '.' + path.posix.normalize('/' + rel.replace(/\\/g, '/')));
  if (file !== root && !file.startsWith(root + path.sep)) {
    return null;
  }
  return file === root ? path.join(root, 'index.html') : file;
}

/** Navigation is allowed only within the app itself (hash routes). */
export function isAllowedNavigation(url: string): boolean {
  try {
    return new URL(url).origin === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}

/** The database file of the desktop app: in the user's data folder unless the school sets another local path. */
export function defaultDbPath(userDataDir: string): string {
  return path.join(userDataDir, 'attendance.sqlite');
}

/**
 * The sites the app links to (DfE guidance on GOV.UK, the statistics service, local authorities' *.gov.uk pages):
 * only these open in the browser, over https, from a link in the app. Anything else is refused.
 */
export const EXTERNAL_HOSTS = [
  'www.gov.uk',
  'explore-education-statistics.service.gov.uk',
  'get-information-schools.service.gov.uk',
  'www.legislation.gov.uk',
];

export function isAllowedExternal(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username || u.password || (u.port && u.port !== '443')) {
    return false;
  }
  const host = u.hostname.toLowerCase();
  return EXTERNAL_HOSTS.includes(host) || (host.endsWith('.gov.uk') && !host.startsWith('.'));
}
