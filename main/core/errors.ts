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

/** A pupil id that names no pupil (a stale screen, a hand-made call). People read this, so it carries no id. */
export function noSuchPupil(): AppError {
  return new AppError(
    'not_found',
    'That pupil is not on the admission register: reload the list and choose the pupil again.',
  );
}
