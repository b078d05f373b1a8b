// The command line's progress bar (main/cli/progress.ts): on a terminal one redrawn line ended by a newline; to a
// file or pipe, one line per tenth so that logs stay short.
import { describe, expect, it } from 'vitest';
import { progressBar } from '../../main/cli/progress';

function drive(tty: boolean, total: number): string {
  let err = '';
  const bar = progressBar({ err: (s) => (err += s), tty }, 'Counting');
  for (let done = 0; done <= total; done++) {
    bar.step(done, total);
  }
  bar.end();
  return err;
}

describe('the command-line progress bar', () => {
  it('redraws one line on a terminal and ends it with a newline', () => {
    const err = drive(true, 4);
    expect(err.split('\r')).toHaveLength(6);
    expect(err.endsWith('Counting [' + '#'.repeat(30) + '] 100% (4 of 4)\n')).toBe(true);
    expect(err.split('\n')).toHaveLength(2);
  });

  it('writes at most one line per tenth when stderr is not a terminal', () => {
    const lines = drive(false, 1000).trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('Counting [' + '.'.repeat(30) + '] 0% (0 of 1000)');
    expect(lines[5]).toBe('Counting [' + '#'.repeat(15) + '.'.repeat(15) + '] 50% (500 of 1000)');
    expect(lines[10]).toBe('Counting [' + '#'.repeat(30) + '] 100% (1000 of 1000)');
  });

  it('an empty job shows as done', () => {
    expect(drive(false, 0)).toBe('Counting [' + '#'.repeat(30) + '] 100% (0 of 0)\n');
  });
});
