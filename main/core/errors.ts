// The one error type the core throws on purpose; dispatch turns it (and anything else) into an envelope.
import type { ErrorKind, Issue } from '../../shared/contract';

export class AppError extends Error {
  constructor(
    public readonly kind: ErrorKind,
    message: string,
    public readonly issues?: Issue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}
