/** A rule's verdict: either the value, or the problem that a person can be shown. */
export type Result<T, P> = { ok: true; value: T } | { ok: false; problem: P };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <P>(problem: P): { ok: false; problem: P } => ({ ok: false, problem });
