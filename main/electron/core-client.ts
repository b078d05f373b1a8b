// The desktop shell's side of the core worker (docs/data-safety.md, "The desktop shell"): the store, dispatch,
// password hashing, imports and backups run in a worker thread, so the window's main process never waits on them.
// Each call is a message with an id; the answer with the same id settles it. Free of 'electron' so tests can
// drive it with a fake port.
import type { Channel, Result } from '../../shared/contract';

export type ToWorker =
  | { op: 'call'; id: number; windowId: number; channel: Channel; input: unknown }
  | { op: 'forget'; windowId: number }
  | { op: 'close' };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; result: Result<unknown> };

export interface Port {
  postMessage(m: ToWorker): void;
  on(event: 'message', fn: (m: FromWorker) => void): unknown;
  on(event: 'error', fn: (e: Error) => void): unknown;
  on(event: 'exit', fn: (code: number) => void): unknown;
}

export class CoreClient {
  private next = 1;
  private readonly pending = new Map<number, (r: Result<unknown>) => void>();
  private stopped: string | null = null;
  readonly ready: Promise<void>;

  constructor(private readonly port: Port) {
    this.ready = new Promise((resolve, reject) => {
      port.on('message', (m) => {
        if (m.type === 'ready') {
          resolve();
        } else if (m.type === 'failed') {
          reject(new Error(m.message));
        } else {
          this.pending.get(m.id)?.(m.result);
          this.pending.delete(m.id);
        }
      });
      const stop = (why: string) => {
        this.stopped = why;
        reject(new Error(why));
        for (const settle of this.pending.values()) {
          settle({ ok: false, error: { kind: 'internal', message: why } });
        }
        this.pending.clear();
      };
      port.on('error', (e) =>
        stop(`The app's core stopped: ${e.message}. Close the app and start it again.`),
      );
      port.on('exit', () => stop("The app's core stopped. Close the app and start it again."));
    });
  }

  call(windowId: number, channel: Channel, input: unknown): Promise<Result<unknown>> {
    if (this.stopped) {
      return Promise.resolve({ ok: false, error: { kind: 'internal', message: this.stopped } });
    }
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.port.postMessage({ op: 'call', id, windowId, channel, input });
    });
  }

  forget(windowId: number): void {
    if (!this.stopped) {
      this.port.postMessage({ op: 'forget', windowId });
    }
  }

  close(): void {
    if (!this.stopped) {
      this.port.postMessage({ op: 'close' });
    }
  }
}
