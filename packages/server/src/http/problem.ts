import { ERRORS, type ErrorCode, type FieldError, type Problem } from '@yunzheng/domain';

/**
 * An error the service layer raises on purpose: a registry code, an optional detail for the person, and per-field
 * messages. The error handler turns it into application/problem+json.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly fieldErrors?: FieldError[],
  ) {
    super(detail ?? ERRORS[code].title);
    this.name = 'AppError';
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}

/** The "not found" every outsider gets: the same answer for what does not exist and what they may not see. */
export const notFound = (detail?: string) => new AppError('YZ-GEN-404', detail);

/** A 422 about one field: the message on the field, and (unless a shorter summary is given) in the summary too. */
export const fieldError = (field: string, message: string, detail = message) => new AppError('YZ-GEN-422', detail, [{ field, message }]);

export function problemOf(code: ErrorCode, extra: { detail?: string; requestId?: string; errors?: FieldError[] } = {}): Problem {
  const spec = ERRORS[code];
  return {
    type: `https://yunzheng.example/problems/${code}`,
    code,
    title: spec.title,
    status: spec.status,
    ...(extra.detail !== undefined && { detail: extra.detail }),
    ...(extra.requestId !== undefined && { requestId: extra.requestId }),
    ...(extra.errors !== undefined && { errors: extra.errors }),
  };
}
