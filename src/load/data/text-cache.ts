/**
 * The strings of one CSV column's short ASCII fields, kept so that a value
 * met again comes back as the same string instead of a new one: event names,
 * channels and ids that repeat within a few thousand rows. Fewer strings to
 * make and collect, and one string object per value lets the maps and sets
 * downstream reuse its hash. A direct-mapped cache (the newest value wins a
 * slot) keeps the memory fixed; a column whose values rarely repeat (times,
 * order numbers) stops being looked up after a while.
 */
const SLOTS = 4096;
const LONGEST = 48;
/** Lookups before judging the hit rate, and the hits a column needs to keep its cache. */
const TRIAL = 8192;
const ENOUGH_HITS = TRIAL / 8;

interface Slicer {
  latin1Slice(start: number, end: number): string;
}

export class TextCache {
  private readonly hashes = new Int32Array(SLOTS);
  private readonly texts: (string | undefined)[] = new Array<string | undefined>(SLOTS);
  private lookups = 0;
  private hits = 0;
  private useful = true;

  /** The text of `buf[start, end)`, which holds only ASCII (so latin1 is its UTF-8 reading). */
  text(buf: Buffer, start: number, end: number): string {
    if (!this.useful || end - start > LONGEST) return (buf as unknown as Slicer).latin1Slice(start, end);
    if (++this.lookups === TRIAL) this.judge();
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ (buf[i] as number), 0x01000193);
    const slot = hash & (SLOTS - 1);
    const cached = this.texts[slot];
    if (cached !== undefined && this.hashes[slot] === hash && sameText(cached, buf, start, end)) {
      this.hits++;
      return cached;
    }
    const text = (buf as unknown as Slicer).latin1Slice(start, end);
    this.texts[slot] = text;
    this.hashes[slot] = hash;
    return text;
  }

  private judge(): void {
    this.useful = this.hits >= ENOUGH_HITS;
    if (!this.useful) this.texts.fill(undefined);
  }
}

function sameText(text: string, buf: Buffer, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== buf[start + i]) return false;
  return true;
}
