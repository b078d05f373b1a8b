// The command line of docs/cli.md: the same core and rules as the app, for the IT technician and for
// automated tools. Exit 0 success; 1 input refused (nothing written; problems on stderr as "line N:
// message"); 2 usage error.
import { parseArgs } from 'node:util';
import type { Issue } from '../../shared/contract';
import { openStore, type Store } from '../core/db/connection';
import { dispatch } from '../core/dispatch';
import { AppError } from '../core/errors';
import { makeCtx } from '../core/context';
import { KEY_ENV, keyFromOptions } from '../core/db/cipher';
import { damagedMessage } from '../core/db/health';
import { runLettersCli } from './letters';
import { USAGE } from './usage';
import { runGovernorsCli } from './governors';
import {
  CLI_SESSION,
  UsageError,
  emitter,
  unwrap,
  type Command,
  type CommandArgs,
  type Io,
  type OptionSpec,
  type StoreCommand,
  type Values,
} from './command-kit';
import { SETUP_COMMANDS } from './setup-commands';
import { EXPORT_COMMANDS } from './export-commands';
import { STORE_COMMANDS } from './store-commands';

export { CLI_SESSION, type Io } from './command-kit';

const stdio: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  tty: process.stderr.isTTY === true,
};

/** The command table: each command's name (two words for import, export and report) to its options and handler. */
const COMMANDS: Record<string, Command> = { ...SETUP_COMMANDS, ...EXPORT_COMMANDS, ...STORE_COMMANDS };

/** Every command, the letters ones included (they render asynchronously). */
export function runCli(argv: string[], io: Io = stdio): number | Promise<number> {
  if (argv[0] === 'report' && argv[1] === 'governors') {
    return runGovernorsCli(argv.slice(2), io, CLI_SESSION, USAGE);
  }
  return argv[0] === 'letters' ? runLettersCli(argv.slice(1), io, CLI_SESSION, USAGE) : run(argv, io);
}

/** The command's name and the arguments after it. */
function splitCommand(argv: string[]): { command: string | undefined; rest: string[] } {
  const [first, second] = argv;
  const twoWords = first === 'import' || first === 'export' || first === 'report';
  return {
    command: twoWords ? `${first} ${second ?? ''}`.trim() : first,
    rest: argv.slice(twoWords ? 2 : 1),
  };
}

/** The command's options and FILE argument, checked: --db is always required, and only imports take a FILE. */
function parseCommandArgs(command: string, rest: string[], spec: OptionSpec) {
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: spec, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values as Values;
  const pos = parsed.positionals;
  const db = v.db as string | undefined;
  if (!db) {
    throw new UsageError('--db FILE is required');
  }
  const expectPositionals = command.startsWith('import ') ? 1 : 0;
  if (pos.length !== expectPositionals) {
    throw new UsageError(
      expectPositionals ? 'exactly one FILE is expected' : `unexpected argument: ${pos[0]}`,
    );
  }
  return { v, pos, db };
}

/** The store a command runs on; a new file is refused if damaged, and warned about if not encrypted. */
function openCommandStore(cmd: StoreCommand, db: string, key: string | null, io: Io): Store {
  const creates = cmd.creates === true;
  const store = openStore(db, { create: creates, key });
  if (!store.health.ok && creates) {
    store.db.close();
    throw new AppError('refused', damagedMessage(store.health));
  }
  if (creates && !key) {
    io.err(`${db} is not encrypted: give a key (--key-file FILE or ${KEY_ENV}) to encrypt it.\n`);
  }
  return store;
}

function printIssues(io: Io, message: string, issues?: Issue[]) {
  if (issues?.length) {
    for (const i of issues) {
      io.err(i.line !== undefined ? `line ${i.line}: ${i.message}\n` : `${i.message}\n`);
    }
  }
  if (!issues?.length || issues.every((i) => i.line !== undefined)) {
    io.err(`${message}\n`);
  }
}

/** The exit code of a failed command: 2 with the usage for a usage error, 1 for the rest. */
function reportFailure(e: unknown, io: Io): number {
  if (e instanceof UsageError) {
    io.err(`${e.message}\n${USAGE}`);
    return 2;
  }
  if (e instanceof AppError) {
    printIssues(io, e.message, e.issues);
    return 1;
  }
  io.err(`${e instanceof Error ? e.message : String(e)}\n`);
  return 1;
}

export function run(argv: string[], io: Io = stdio): number {
  let store: Store | undefined;
  try {
    const { command, rest } = splitCommand(argv);
    if (!command || command === '--help' || command === 'help') {
      io.out(USAGE);
      return command ? 0 : 2;
    }
    const cmd = COMMANDS[command];
    if (!cmd) {
      throw new UsageError(`unknown command: ${command}`);
    }
    const { v, pos, db } = parseCommandArgs(command, rest, cmd.options);
    const key = keyFromOptions(v['key-file'] as string | undefined);
    const emit = emitter(io, v.json === true);
    if ('runOnFile' in cmd) {
      return cmd.runOnFile({ db, v, key, emit });
    }
    const open = openCommandStore(cmd, db, key, io);
    store = open;
    const ctx = makeCtx(open, CLI_SESSION);
    const call: CommandArgs['call'] = (c, input) => unwrap(dispatch(open, c, input, CLI_SESSION));
    return cmd.run({ db, v, pos, store: open, ctx, io, emit, call });
  } catch (e) {
    return reportFailure(e, io);
  } finally {
    store?.db.close();
  }
}
