// What the desktop shell decides, without Electron: webPreferences, the trusted-sender predicate, the app://
// path guard and navigation.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  defaultDbPath,
  isAllowedNavigation,
  isTrustedSender,
  resolveAppUrl,
  secureWebPreferences,
} from '../../main/electron/security';

describe('Electron security decisions', () => {
  it('windows are isolated, sandboxed and have no Node', () => {
    const p = secureWebPreferences('/x/preload.cjs');
    expect(p).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('the CSP allows no inline scripts and no eval', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self';/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it("only the app's own main frame is a trusted rpc sender", () => {
    expect(isTrustedSender({ url: 'app://attendance/index.html#/pupils', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://attendance/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://other/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///C:/app/index.html', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('app:// URLs resolve inside the renderer folder only', () => {
    const root = path.resolve('/opt/app/renderer');
    expect(resolveAppUrl('app://attendance/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl('app://attendance/assets/a.js', root)).toBe(path.join(root, 'assets', 'a.js'));
    expect(resolveAppUrl('app://attendance/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl('app://attendance/../../etc/passwd', root)).toBe(path.join(root, 'etc', 'passwd'));
    expect(resolveAppUrl('app://attendance/%2e%2e/%2e%2e/secret', root)?.startsWith(root)).toBe(true);
    expect(resolveAppUrl('app://attendance/..%5c..%5csecret', root)?.startsWith(root)).toBe(true);
    expect(resolveAppUrl('app://attendance/a%00.js', root)).toBeNull();
    expect(resolveAppUrl('app://evil/index.html', root)).toBeNull();
    expect(resolveAppUrl('file:///etc/passwd', root)).toBeNull();
  });

  it('navigation stays inside the app', () => {
    expect(isAllowedNavigation('app://attendance/index.html#/pupils')).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('not a url')).toBe(false);
  });

  it('the database lives in the user data folder by default', () => {
    expect(defaultDbPath(path.join('/home', 'u', '.config', 'Attendance'))).toBe(
      path.join('/home', 'u', '.config', 'Attendance', 'attendance.sqlite'),
    );
  });
});
