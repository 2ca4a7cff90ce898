/** The source of "now", injected so that tests can travel in time (session timeouts, code expiry, lockouts). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
