import type { Clock } from '../functions/domain/ports';

/** A clock that starts at a chosen instant and then ticks in real time (CONTACT_ROUTER_NOW). */
export class ShiftedClock implements Clock {
  private readonly offsetMs: number;

  constructor(
    startAt?: Date,
    private readonly realNow: () => number = Date.now,
  ) {
    this.offsetMs = startAt ? startAt.getTime() - realNow() : 0;
  }

  now(): Date {
    return new Date(this.realNow() + this.offsetMs);
  }
}
