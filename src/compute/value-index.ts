/**
 * Dense numbers 0, 1, 2… for distinct values, by value and type ('1' and 1
 * are two values): the groups of a count_distinct. A plain Map does the
 * same, but a big one (a quarter's sessions) costs far more to grow and to
 * trace in every collection than an open-addressing table of int32s and an
 * array of the values.
 */
import type { Value } from '../core/values.js';

const FIRST_SLOTS = 1024;

/** An index's values in the order of their numbers, with their hashes. */
export interface IndexEntries {
  readonly values: readonly Value[];
  readonly hashes: Int32Array;
}

export class ValueIndex {
  /** Per slot: 0 when empty, else the value's number + 1. */
  private slots = new Int32Array(FIRST_SLOTS);
  /** Per number: its value's hash, so that growing does not hash again. */
  private hashes = new Int32Array(FIRST_SLOTS / 2);
  /** Per number: its value. */
  readonly values: Value[] = [];

  get size(): number {
    return this.values.length;
  }

  /** The number of `value`, a new one when it is met first. */
  numberOf(value: Value): number {
    return this.numberWithHash(value, hashOf(value));
  }

  /** The values with their hashes, for another index to take in without hashing them again. */
  entries(): IndexEntries {
    return { values: this.values, hashes: this.hashes.slice(0, this.values.length) };
  }

  /** The number of value `index` of another index's entries. */
  numberOfEntry(entries: IndexEntries, index: number): number {
    return this.numberWithHash(entries.values[index] as Value, entries.hashes[index] as number);
  }

  private numberWithHash(value: Value, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] as number;
      if (entry === 0) return this.add(value, hash, slot);
      if (this.values[entry - 1] === value) return entry - 1;
    }
  }

  private add(value: Value, hash: number, slot: number): number {
    const number = this.values.length;
    this.values.push(value);
    if (number === this.hashes.length) this.grow();
    this.hashes[number] = hash;
    // Half full at most, so that probes stay short.
    if ((number + 1) * 2 > this.slots.length) this.rehash();
    else this.slots[slot] = number + 1;
    return number;
  }

  private grow(): void {
    const hashes = new Int32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
  }

  /** Twice the slots, every value placed again (the newest too). */
  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let number = 0; number < this.values.length; number++) {
      let slot = (this.hashes[number] as number) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = number + 1;
    }
  }
}

const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer);

/** FNV-1a over a text's UTF-16 code units; a number's two words mixed; true and false fixed. */
function hashOf(value: Value): number {
  if (typeof value === 'string') {
    let hash = 0x811c9dc5;
    for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
    return hash;
  }
  if (typeof value === 'number') {
    // 0 and -0 are one value, as in a Map.
    bits[0] = value === 0 ? 0 : value;
    return Math.imul((words[0] as number) ^ Math.imul(words[1] as number, 0x9e3779b1), 0x85ebca6b) ^ 0x5bd1e995;
  }
  return value === true ? 0x2f6b1e4d : 0x6e1d3c5a;
}
