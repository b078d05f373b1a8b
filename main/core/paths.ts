// Where the app's shipped resources are, and which database paths are refused.
import fs from 'node:fs';
import path from 'node:path';

let override: string | null = null;

/** The Electron shell sets this to process.resourcesPath in a packaged app. */
export function setResourcesDir(dir: string): void {
  override = dir;
}

/** The resources/ folder: set explicitly, from ATTENDANCE_RESOURCES, or found above this module or the cwd. */
export function resourcesDir(): string {
  if (override) {
    return override;
  }
  if (process.env.ATTENDANCE_RESOURCES) {
    return process.env.ATTENDANCE_RESOURCES;
  }
  for (const start of [__dirname, process.cwd()]) {
    let dir = start;
    for (;;) {
      const candidate = path.join(dir, 'resources', 'migrations', 'meta', '_journal.json');
      if (fs.existsSync(candidate)) {
        return path.join(dir, 'resources');
      }
      const parent = path.dirname(dir);
      if (parent === dir) {
        break;
      }
      dir = parent;
    }
  }
  throw new Error('cannot find the resources folder (set ATTENDANCE_RESOURCES)');
}

/**
 * SQLite's locking and WAL do not work over network file systems (sqlite.org/wal.html, "WAL does not work over a
 * network filesystem"), so a database there could be corrupted when two PCs open it. Returns the reason, or null.
 * `driveTypeOf` lets the Windows shell report mapped network drives (GetDriveType DRIVE_REMOTE); tests pass a stub.
 */
export function networkShareReason(
  p: string,
  driveTypeOf?: (drive: string) => 'remote' | 'local' | 'unknown',
): string | null {
  const why =
    'SQLite cannot safely share a database file over a network (its locking and write-ahead log need a local ' +
    "disk). Keep the database on this PC's own disk; backups can go to the network.";
  if (/^(\\\\|\/\/)(?![?.][\\/])/.test(p) || /^\\\\\?\\UNC\\/i.test(p)) {
    return `${p} is on a network share. ${why}`;
  }
  const drive = /^([A-Za-z]):/.exec(p)?.[1];
  if (drive && driveTypeOf?.(drive.toUpperCase()) === 'remote') {
    return `${p} is on the mapped network drive ${drive.toUpperCase()}:. ${why}`;
  }
  if (process.platform === 'linux' && path.isAbsolute(p)) {
    try {
      const mounts = fs
        .readFileSync('/proc/mounts', 'utf8')
        .split('\n')
        .map((l) => l.split(' '));
      const abs = path.resolve(p);
      let best: string[] | undefined;
      for (const m of mounts) {
        if (
          m[1] &&
          (abs === m[1] || abs.startsWith(m[1].endsWith('/') ? m[1] : m[1] + '/')) &&
          (!best || m[1].length > best[1].length)
        ) {
          best = m;
        }
      }
      if (best && /^(nfs4?|cifs|smb3?|smbfs|sshfs|fuse\.sshfs|9p)$/.test(best[2])) {
        return `${p} is on a network file system (${best[2]}). ${why}`;
      }
    } catch {
      /* no /proc: nothing to check */
    }
  }
  return null;
}
