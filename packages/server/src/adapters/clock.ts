/** The source of "now", injected so that tests can travel in time (session timeouts, code expiry, lockouts). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The system clock moved by whole days (CLOCK_OFFSET_DAYS, never in production). */
export function offsetClock(days: number): Clock {
  return days === 0 ? systemClock : { now: () => new Date(Date.now() + days * 86_400_000) };
}
