// The built command line (dist/cli/attendance.cjs, the package's `attendance` bin). It answers `--help` from the
// usage text alone and loads the commands (dist/cli/commands.cjs: the contract, the core, zod, drizzle, docx)
// only when there is a command to run, so asking for help costs about a bare Node start (docs/performance.md).
import nodeModule from 'node:module';
import path from 'node:path';
import { assertNodeVersion } from '../core/node-version';
import { USAGE } from './usage';

type Commands = typeof import('./attendance');

/** What the entry does with these arguments before any command code loads: help, usage error, or run. */
export function plan(argv: string[]): 'help' | 'usage' | 'run' {
  const first = argv[0];
  if (first === undefined) {
    return 'usage';
  }
  return first === '--help' || first === 'help' ? 'help' : 'run';
}

export function main(argv: string[]): void {
  assertNodeVersion();
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') {
      process.exit(process.exitCode ?? 0);
    }
    throw e;
  });
  const next = plan(argv);
  if (next === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  if (next === 'usage') {
    process.stdout.write(USAGE); // as the commands do: the usage, exit 2
    process.exitCode = 2;
    return;
  }
  // V8 keeps the compiled bundle on disk between runs (Node 22.1 and later), so later commands start quicker.
  nodeModule.enableCompileCache?.();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const commands = require(path.join(__dirname, 'commands.cjs')) as Commands;
  void Promise.resolve(commands.runCli(argv)).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) {
  main(process.argv.slice(2));
}
