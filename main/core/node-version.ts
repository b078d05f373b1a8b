// better-sqlite3 13 crashes (SIGSEGV) on Node 20: refuse to start there with a message instead.
export function assertNodeVersion(): void {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 12)) {
    process.stderr.write(
      `This app needs Node 22.12 or newer (this is Node ${process.versions.node}). See README.md.\n`,
    );
    process.exit(1);
  }
}
