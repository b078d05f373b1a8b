// A progress bar on stderr for the commands that take more than a moment (rebuild-tallies). On a terminal it
// redraws one line; when stderr is a file or a pipe it writes a line at each tenth, so logs stay short.
export interface ProgressOut {
  err(s: string): void;
  tty?: boolean;
}

const WIDTH = 30;

function bar(label: string, done: number, total: number): string {
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * WIDTH);
  const pct = Math.floor(share * 100);
  return `${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${pct}% (${done} of ${total})`;
}

/** A `(done, total)` callback that draws the bar; call `end()` after the last step. */
export function progressBar(io: ProgressOut, label: string) {
  let shown = -1;
  let last = '';
  const step = (done: number, total: number) => {
    const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
    last = bar(label, done, total);
    if (io.tty) {
      io.err(`\r${last}`);
    } else if (tenth > shown) {
      shown = tenth;
      io.err(`${last}\n`);
    }
  };
  const end = () => {
    if (io.tty && last) {
      io.err('\n');
    }
  };
  return { step, end };
}
