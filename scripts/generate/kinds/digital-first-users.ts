/**
 * Who opens the app: each user installs once and keeps using the app for a
 * while: weeks or months for those the app wins over, days for the rest. Lifetimes
 * come from their own seeded stream, so the events' stream draws the same
 * numbers whoever the sessions belong to.
 */
import { DAY } from '../clock.js';
import type { Random } from '../random.js';

interface User {
  readonly id: string;
  readonly until: number;
}

export class Audience {
  private readonly users: User[] = [];

  constructor(private readonly lifetimes: Random) {}

  get size(): number {
    return this.users.length;
  }

  /** A new user installing at `at`; `stays` is the chance the app wins it over. */
  install(at: number, stays: number): string {
    const days = this.lifetimes.chance(stays) ? this.lifetimes.int(8, 180) : this.lifetimes.int(0, 6);
    const user = { id: `u${this.users.length + 1}`, until: at + days * DAY + this.lifetimes.int(0, 23) * 3_600_000 };
    this.users.push(user);
    return user.id;
  }

  /** One of the users still using the app at `at` (one draw of `random`), or the latest one when none is. */
  pick(at: number, random: Random): string {
    const active = this.users.filter((user) => user.until > at);
    const roll = random.next();
    return (active[Math.floor(roll * active.length)] ?? this.users[this.users.length - 1]!).id;
  }
}
