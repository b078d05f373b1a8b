// The desktop shell: one window with the security baseline, the app:// protocol with a strict CSP, and the rpc
// relay to dispatch. Everything the app does happens in main/core; this file only decides and relays.
import fs from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  ipcMain,
  protocol,
  safeStorage,
  session as electronSession,
  shell,
  dialog,
} from 'electron';
import { Worker } from 'node:worker_threads';
import { hasContent, isPlainDatabase, KEY_ENV } from '../core/db/cipher';
import { formatRecoveryKey, loadOrCreateKey } from './key-store';
import { CoreClient } from './core-client';
import { CHANNELS, type Channel } from '../../shared/contract';
import {
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  defaultDbPath,
  isAllowedExternal,
  isAllowedNavigation,
  isTrustedSender,
  resolveAppUrl,
  secureWebPreferences,
} from './security';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false } },
]);

/** The core (store, dispatch, hashing, imports, backups) runs in a worker thread: the window never waits on it. */
let core: CoreClient | null = null;

// en-GB dates in date inputs and spellcheck, whatever the PC's own locale.
app.commandLine.appendSwitch('lang', 'en-GB');

if (!app.requestSingleInstanceLock()) {
  app.quit();
}

app.on('second-instance', () => {
  const w = BrowserWindow.getAllWindows()[0];
  if (w) {
    if (w.isMinimized()) {
      w.restore();
    }
    w.focus();
  }
});

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (ev, url) => {
    if (!isAllowedNavigation(url)) {
      ev.preventDefault();
    }
  });
  contents.on('will-redirect', (ev, url) => {
    if (!isAllowedNavigation(url)) {
      ev.preventDefault();
    }
  });
  contents.on('will-attach-webview', (ev) => ev.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) {
      void shell.openExternal(url);
    }
    return { action: 'deny' };
  });
});

/** The content types of the files the renderer is built into; anything else is served as bytes. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

app.whenReady().then(async () => {
  electronSession.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  electronSession.defaultSession.setPermissionCheckHandler(() => false);
  serveRenderer(path.join(__dirname, '..', 'renderer'));
  try {
    core = await startCore();
  } catch (e) {
    dialog.showErrorBox('The database cannot be opened', e instanceof Error ? e.message : String(e));
    app.quit();
    return;
  }
  relayToCore();
  openWindow();
});

/** app:// serves the built renderer's files, each with the strict CSP; nothing outside `rendererDir`. */
function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (req) => {
    const file = resolveAppUrl(req.url, rendererDir);
    if (!file || !fs.existsSync(file)) {
      return new Response('Not found', { status: 404 });
    }
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    return new Response(fs.readFileSync(file), {
      headers: { 'Content-Type': type, 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
    });
  });
}

/** The two things the window may ask of the main process: an rpc call to the core (a known channel, from the
 * app's own page) and a folder chosen in the system dialog. */
function relayToCore(): void {
  ipcMain.handle('rpc', (event, channel: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame)) {
      return { ok: false, error: { kind: 'forbidden', message: 'untrusted sender' } };
    }
    if (typeof channel !== 'string' || !CHANNELS.includes(channel as Channel)) {
      return { ok: false, error: { kind: 'not_found', message: 'unknown channel' } };
    }
    return core!.call(event.sender.id, channel as Channel, input);
  });
  ipcMain.handle('choose-folder', async (event, defaultPath: unknown) => {
    if (!isTrustedSender(event.senderFrame)) {
      return null;
    }
    const r = await dialog.showOpenDialog({
      title: 'Save the letters in',
      defaultPath: typeof defaultPath === 'string' ? defaultPath : undefined,
      properties: ['openDirectory', 'createDirectory'],
    });
    return r.canceled ? null : (r.filePaths[0] ?? null);
  });
}

/** The one window, shown when it has painted; the core forgets its sign-in when it closes. */
function openWindow(): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    show: false,
    title: 'Attendance',
    webPreferences: secureWebPreferences(path.join(__dirname, '..', 'preload', 'preload.cjs')),
  });
  win.once('ready-to-show', () => win.show());
  const windowId = win.webContents.id;
  win.webContents.once('destroyed', () => {
    core?.forget(windowId);
  });
  void win.loadURL(`${APP_SCHEME}://attendance/index.html`);
}

/**
 * The desktop database is always encrypted: the key is sealed by the OS; a plain file is converted on open. The
 * key is unsealed here (safeStorage needs the main process) and handed to the core worker, which opens the store.
 */
async function startCore(): Promise<CoreClient> {
  const dbPath = process.env.ATTENDANCE_DB ?? defaultDbPath(app.getPath('userData'));
  const sealedFile = path.join(app.getPath('userData'), 'database-key.sealed');
  const choice = loadOrCreateKey(
    safeStorage,
    {
      read: () => (fs.existsSync(sealedFile) ? fs.readFileSync(sealedFile) : null),
      write: (b) => fs.writeFileSync(sealedFile, b, { mode: 0o600 }),
    },
    { databaseIsEncrypted: hasContent(dbPath) && !isPlainDatabase(dbPath), recovery: process.env[KEY_ENV] },
  );
  const worker = new Worker(path.join(__dirname, 'core-worker.cjs'), {
    workerData: { dbPath, key: choice.key, resourcesDir: app.isPackaged ? process.resourcesPath : null },
  });
  const client = new CoreClient(worker);
  await client.ready;
  if (choice.created) {
    dialog.showMessageBoxSync({
      type: 'info',
      title: 'Your recovery key',
      message: 'Print this recovery key and keep it somewhere safe, away from this PC.',
      detail:
        `${formatRecoveryKey(choice.key)}\n\nThe database and its backups are encrypted. ` +
        'If this PC is replaced or its Windows account is lost, the backups can only be opened with this key. It will not be shown again.',
      buttons: ['I have printed it'],
    });
  }
  return client;
}

app.on('window-all-closed', () => {
  core?.close();
  app.quit();
});
