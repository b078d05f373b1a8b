// What the commands of main/cli/attendance.ts share: the input/output, the usage error, the option and file
// readers, and the shape of a command in the command table (docs/cli.md).
import fs from 'node:fs';
import type { Channel, Input, Output, Result, Session } from '../../shared/contract';
import { parseInputDate } from '../../shared/dates';
import type { Ctx } from '../core/context';
import type { Store } from '../core/db/connection';
import { AppError } from '../core/errors';

export const CLI_SESSION: Session = {
  userName: 'command line',
  position: 'IT technician',
  roles: ['office', 'lead', 'head', 'admin'],
};

export class UsageError extends Error {}

export interface Io {
  out(s: string): void;
  err(s: string): void;
  /** Whether stderr is a terminal (a progress bar redraws its line there). */
  tty?: boolean;
}

export type Emit = (human: string, json: unknown) => void;

export function emitter(io: Io, json: boolean): Emit {
  return (human: string, value: unknown) => io.out(json ? JSON.stringify(value) + '\n' : human + '\n');
}

export function dateOption(v: unknown, name: string): string {
  if (typeof v !== 'string') {
    throw new UsageError(`${name} D is required`);
  }
  const d = parseInputDate(v);
  if (!d) {
    throw new AppError('invalid', `${name} ${v} is not a date (YYYY-MM-DD).`);
  }
  return d;
}

/** An optional date option: undefined when not given, else checked as `dateOption` checks it. */
export function optionalDate(v: unknown, name: string): string | undefined {
  return v === undefined ? undefined : dateOption(v, name);
}

export function unwrap<C extends Channel>(r: Result<Output<C>>): Output<C> {
  if (!r.ok) {
    throw new AppError(r.error.kind, r.error.message, r.error.issues);
  }
  return r.value;
}

export function readInput(file: string | undefined): string {
  if (!file) {
    throw new UsageError('a FILE argument is required');
  }
  if (!fs.existsSync(file)) {
    throw new AppError('not_found', `There is no file ${file}.`);
  }
  const buf = fs.readFileSync(file);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  if (text.includes('\uFFFD')) {
    throw new AppError('invalid', `${file} is not UTF-8 text. Save it from the spreadsheet as "CSV UTF-8".`);
  }
  return text;
}

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; default?: string | boolean }>;
export type Values = Record<string, string | boolean | undefined>;

export const COMMON = {
  db: { type: 'string' },
  'key-file': { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

/** What a command on an open store is given: its options, its FILE argument, the store and its helpers. */
export interface CommandArgs {
  db: string;
  v: Values;
  pos: string[];
  store: Store;
  ctx: Ctx;
  io: Io;
  emit: Emit;
  /** A channel called as the app calls it (the same checks), its error thrown as an AppError. */
  call<C extends Channel>(c: C, input: Input<C>): Output<C>;
}

/** A command on an open store; `creates` for the two that make a new file (init, demo). */
export interface StoreCommand {
  options: OptionSpec;
  creates?: true;
  run(a: CommandArgs): number;
}

/** What a command on the file itself is given: the file, its options and its key. */
export interface FileArgs {
  db: string;
  v: Values;
  key: string | null;
  emit: Emit;
}

/** A command on the file itself, which is not opened first (restore). */
export interface FileCommand {
  options: OptionSpec;
  runOnFile(a: FileArgs): number;
}

export type Command = StoreCommand | FileCommand;
