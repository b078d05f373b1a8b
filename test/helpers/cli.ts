// Runs the command line in-process, capturing what it prints.
import { run } from '../../main/cli/attendance';

export function cli(args: string[]): { code: number; out: string; err: string } {
  let out = '',
    err = '';
  const code = run(args, {
    out: (s) => {
      out += s;
    },
    err: (s) => {
      err += s;
    },
  });
  return { code, out, err };
}
