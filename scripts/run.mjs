// `npm run web` and `npm run cli`: builds what changed since the last build (scripts/build.mjs --if-changed),
// then runs the built bundle in this same process, so nothing is left running when it ends and its exit code
// and signals are the command's own (npm passes on SIGINT and SIGTERM to this process and exits with its code).
//   node scripts/run.mjs web [server options]    browser mode (dist/web/server.cjs)
//   node scripts/run.mjs cli [command …]         the command line (dist/cli/attendance.cjs, docs/cli.md)
import { createRequire } from 'node:module';
import path from 'node:path';
import { runBuilds } from './build.mjs';
import { ROOT } from './build-stamp.mjs';

const require = createRequire(import.meta.url);
const [what, ...args] = process.argv.slice(2);

async function ensureBuilt(names, quiet) {
  try {
    await runBuilds(names, { ifChanged: true, quiet });
    return true;
  } catch (e) {
    // esbuild and vite have printed the errors; nothing has run.
    process.stderr.write(
      `The build failed, so nothing was run: ${e instanceof Error ? e.message : String(e)}\n`,
    );
    process.exitCode = 1;
    return false;
  }
}

if (what === 'web') {
  if (await ensureBuilt(['main', 'renderer'], false)) {
    require(path.join(ROOT, 'dist/web/server.cjs')).start(args);
  }
} else if (what === 'cli') {
  // Quiet: stdout is the command's (one JSON document with --json), stderr its problems.
  if (await ensureBuilt(['main'], true)) {
    require(path.join(ROOT, 'dist/cli/attendance.cjs')).main(args);
  }
} else {
  process.stderr.write('usage: node scripts/run.mjs web|cli [arguments]\n');
  process.exitCode = 2;
}
