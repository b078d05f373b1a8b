// better-sqlite3-multiple-ciphers ships its own index.d.ts but its package.json "exports" hides it from
// moduleResolution "Bundler". It is a drop-in for better-sqlite3 (same API; the key is set with PRAGMA key), so it
// is typed as better-sqlite3.
declare module 'better-sqlite3-multiple-ciphers' {
  import Database from 'better-sqlite3';
  export = Database;
}
