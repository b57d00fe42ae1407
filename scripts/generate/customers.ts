/** Who places each order: mostly new customers, some coming back. */
import type { Random } from './random.js';
import { Q3_START } from './scenario.js';

export interface CustomerBook {
  /** Customers so far, numbered from 1. */
  count: number;
  /** The first customer whose first order falls in Q3. */
  firstInQ3?: number;
  /** Whether the e-mail written in other letter case has been used. */
  caseQuirkDone: boolean;
}

export interface Customer {
  readonly id: number;
  readonly returning: boolean;
}

const RETURNING = 0.3;
/** Returning customers come from the most recent ones, so repeats fall within a quarter. */
const RECENT = 40;

export function pickCustomer(book: CustomerBook, created: number, random: Random): Customer {
  if (book.count > 0 && random.chance(RETURNING)) {
    return { id: random.int(Math.max(1, book.count - RECENT + 1), book.count), returning: true };
  }
  book.count += 1;
  if (book.firstInQ3 === undefined && created >= Q3_START) book.firstInQ3 = book.count;
  return { id: book.count, returning: false };
}

/**
 * `customer-7@example.com`; the first customer who comes back for a second
 * order within Q3 types it as `Customer-7@Example.com`, which must still
 * count as one person (the framework lower-cases the column).
 */
export function customerEmail(book: CustomerBook, customer: Customer): string {
  const email = `customer-${customer.id}@example.com`;
  const repeatWithinQ3 = customer.returning && book.firstInQ3 !== undefined && customer.id >= book.firstInQ3;
  if (book.caseQuirkDone || !repeatWithinQ3) return email;
  book.caseQuirkDone = true;
  return `Customer-${customer.id}@Example.com`;
}
