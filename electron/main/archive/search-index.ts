/**
 * The archive's search index: the message list plus one inverted index per field (sender,
 * recipients, subject, body). Everything is a few large values: each field's words are one string
 * (sorted, each followed by `\n`) with their postings in one flat typed array, and each text column
 * of the list is one string with the start of every entry, so 100k messages cost a few arrays, not
 * millions of small objects, cross from the worker without copying the arrays and load from the
 * cache without building anything.
 *
 * A query word matches every indexed word that contains it, so "票" finds "火车票" and a word
 * being typed finds its completions (results as you type); all query words must match.
 */
import type { ArchiveEntry } from './entry';
import { words } from './tokenize';

export const FIELDS = ['from', 'to', 'subject', 'body'] as const;
export type SearchField = (typeof FIELDS)[number];

export interface FieldIndex {
  /** The field's words, sorted, each followed by `\n`: indexOf over one string is much faster than includes() on each of 100k words. */
  joined: string;
  /** Where word i starts in `joined`; starts[n] is joined.length. */
  starts: Uint32Array;
  /** Postings of word i are ids[offsets[i] .. offsets[i+1]), ascending. */
  offsets: Uint32Array;
  ids: Uint32Array;
}

/**
 * The message list, by column: numbers in typed arrays, each text column one string in which every
 * entry is followed by NUL, with where each entry starts.
 */
export interface SerializedTable {
  count: number;
  folder: Uint32Array;
  date: Float64Array;
  size: Float64Array;
  attachments: Uint32Array;
  /** 1 seen, 2 flagged, 4 answered, 8 broken. */
  bits: Uint8Array;
  /** file, fromName, fromAddress, to, subject, and toAddresses (space-separated per entry). */
  text: Record<TextColumn, string>;
  /** Entry id's text in column c is text[c].slice(textStarts[c][id], textStarts[c][id + 1] - 1). */
  textStarts: Record<TextColumn, Uint32Array>;
}

const TEXT_COLUMNS = ['file', 'fromName', 'fromAddress', 'to', 'subject', 'toAddresses'] as const;
type TextColumn = (typeof TEXT_COLUMNS)[number];
const SEP = '\u0000';

export interface SerializedIndex {
  table: SerializedTable;
  fields: Record<SearchField, FieldIndex>;
  /** Entry ids, newest first (sorted once, by the worker). */
  byDate: Uint32Array;
}

export function dateOrder(dates: Float64Array): Uint32Array {
  const order = new Uint32Array(dates.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => dates[b]! - dates[a]! || a - b);
}

/** The list in memory: columns, with one entry made into an object only when asked for. */
export class EntryTable {
  readonly count: number;

  constructor(private readonly t: SerializedTable) {
    this.count = t.count;
  }

  private text(c: TextColumn, id: number): string {
    const starts = this.t.textStarts[c];
    return this.t.text[c].slice(starts[id]!, starts[id + 1]! - 1);
  }

  date(id: number): number {
    return this.t.date[id]!;
  }

  folder(id: number): number {
    return this.t.folder[id]!;
  }

  attachments(id: number): number {
    return this.t.attachments[id]!;
  }

  seen(id: number): boolean {
    return (this.t.bits[id]! & 1) !== 0;
  }

  broken(id: number): boolean {
    return (this.t.bits[id]! & 8) !== 0;
  }

  get(id: number): ArchiveEntry | undefined {
    if (!Number.isInteger(id) || id < 0 || id >= this.count) return undefined;
    const bits = this.t.bits[id]!;
    const toAddresses = this.text('toAddresses', id);
    return {
      folder: this.t.folder[id]!,
      file: this.text('file', id),
      date: this.t.date[id]!,
      fromName: this.text('fromName', id),
      fromAddress: this.text('fromAddress', id),
      to: this.text('to', id),
      toAddresses: toAddresses ? toAddresses.split(' ') : [],
      subject: this.text('subject', id),
      size: this.t.size[id]!,
      seen: (bits & 1) !== 0,
      flagged: (bits & 2) !== 0,
      answered: (bits & 4) !== 0,
      attachments: this.t.attachments[id]!,
      broken: (bits & 8) !== 0,
    };
  }

  *[Symbol.iterator](): IterableIterator<ArchiveEntry> {
    for (let id = 0; id < this.count; id++) yield this.get(id)!;
  }

  serialize(): SerializedTable {
    return this.t;
  }
}

/** A typed array that grows by doubling, as number[] would but at 4 or 8 bytes a value and no boxing. */
class Grow<A extends Uint32Array | Float64Array | Uint8Array> {
  length = 0;
  constructor(
    private a: A,
    private readonly make: (n: number) => A,
  ) {}

  push(v: number): void {
    if (this.length === this.a.length) {
      const bigger = this.make(this.a.length * 2);
      bigger.set(this.a);
      this.a = bigger;
    }
    this.a[this.length++] = v;
  }

  at(i: number): number {
    return this.a[i]!;
  }

  /** The values, in an array of their exact size; the builder's buffer is let go. */
  take(): A {
    const out = this.a.slice(0, this.length) as A;
    this.a = this.make(1);
    this.length = 0;
    return out;
  }
}

const u32 = (n: number) => new Uint32Array(n);
const f64 = (n: number) => new Float64Array(n);
const u8 = (n: number) => new Uint8Array(n);

/**
 * A copy of `w` that does not point into the text it was cut from: V8 keeps a slice of a string
 * as a view of the whole, so a word kept from a 20 KB body would keep the body alive.
 */
function own(w: string): string {
  return w.length < 13 ? w : (w + ' ').slice(0, -1);
}

/** One field's postings while indexing: words numbered as first seen, one word number per posting. */
class FieldBuilder {
  private readonly numbers = new Map<string, number>();
  private readonly postings = new Grow(u32(4096), u32);
  /** Where each entry's postings end. */
  private readonly ends = new Grow(u32(4096), u32);

  add(fieldWords: Iterable<string>): void {
    for (const w of fieldWords) {
      let n = this.numbers.get(w);
      if (n === undefined) {
        n = this.numbers.size;
        this.numbers.set(own(w), n);
      }
      this.postings.push(n);
    }
    this.ends.push(this.postings.length);
  }

  finish(): FieldIndex {
    const list = [...this.numbers.keys()];
    this.numbers.clear();
    const sorted = new Uint32Array(list.length);
    for (let i = 0; i < sorted.length; i++) sorted[i] = i;
    sorted.sort((a, b) => (list[a]! < list[b]! ? -1 : list[a]! > list[b]! ? 1 : 0));
    const rank = new Uint32Array(list.length);
    const starts = new Uint32Array(list.length + 1);
    let at = 0;
    for (let r = 0; r < sorted.length; r++) {
      rank[sorted[r]!] = r;
      starts[r] = at;
      at += list[sorted[r]!]!.length + 1;
    }
    starts[sorted.length] = at;
    const joined = Array.from(sorted, (n) => list[n]!).join('\n') + (list.length ? '\n' : '');
    list.length = 0;
    const postings = this.postings.take();
    const ends = this.ends.take();
    const offsets = new Uint32Array(rank.length + 1);
    for (const n of postings) offsets[rank[n]! + 1]!++;
    for (let r = 0; r < rank.length; r++) offsets[r + 1]! += offsets[r]!;
    const next = offsets.slice(0, rank.length);
    const ids = new Uint32Array(postings.length);
    let k = 0;
    for (let id = 0; id < ends.length; id++)
      for (const end = ends[id]!; k < end; k++) ids[next[rank[postings[k]!]!]!++] = id;
    return { joined, starts, offsets, ids };
  }
}

/** One text column while indexing: values joined in chunks of a few thousand, so the column is a few hundred strings, not one per message. */
class TextBuilder {
  private readonly chunks: string[] = [];
  private part: string[] = [];
  private readonly starts = new Grow(u32(4096), u32);
  private length = 0;

  add(value: string): void {
    const v = value.includes(SEP) ? value.replaceAll(SEP, '') : value;
    this.starts.push(this.length);
    this.length += v.length + 1;
    this.part.push(v);
    if (this.part.length === 4096) this.flush();
  }

  private flush(): void {
    if (this.part.length) this.chunks.push(this.part.join(SEP) + SEP);
    this.part = [];
  }

  finish(): { text: string; starts: Uint32Array } {
    this.flush();
    this.starts.push(this.length);
    const text = this.chunks.join('');
    this.chunks.length = 0;
    return { text, starts: this.starts.take() };
  }
}

export class IndexBuilder {
  // Columns grow as messages come; no per-message object is kept.
  private readonly folder = new Grow(u32(4096), u32);
  private readonly date = new Grow(f64(4096), f64);
  private readonly size = new Grow(f64(4096), f64);
  private readonly attachments = new Grow(u32(4096), u32);
  private readonly bits = new Grow(u8(4096), u8);
  private readonly text = Object.fromEntries(TEXT_COLUMNS.map((c) => [c, new TextBuilder()])) as Record<
    TextColumn,
    TextBuilder
  >;
  private readonly fields = Object.fromEntries(FIELDS.map((f) => [f, new FieldBuilder()])) as Record<
    SearchField,
    FieldBuilder
  >;
  private count = 0;

  add(entry: ArchiveEntry, fieldWords: Record<SearchField, Iterable<string>>): void {
    this.count++;
    this.folder.push(entry.folder);
    this.date.push(entry.date);
    this.size.push(entry.size);
    this.attachments.push(entry.attachments);
    this.bits.push(
      (entry.seen ? 1 : 0) | (entry.flagged ? 2 : 0) | (entry.answered ? 4 : 0) | (entry.broken ? 8 : 0),
    );
    this.text.file.add(entry.file);
    this.text.fromName.add(entry.fromName);
    this.text.fromAddress.add(entry.fromAddress);
    this.text.to.add(entry.to);
    this.text.subject.add(entry.subject);
    this.text.toAddresses.add(entry.toAddresses.join(' '));
    for (const field of FIELDS) this.fields[field].add(fieldWords[field]);
  }

  finish(): SerializedIndex {
    const fields = {} as Record<SearchField, FieldIndex>;
    for (const field of FIELDS) fields[field] = this.fields[field].finish();
    const text = {} as Record<TextColumn, string>;
    const textStarts = {} as Record<TextColumn, Uint32Array>;
    for (const c of TEXT_COLUMNS) {
      const done = this.text[c].finish();
      text[c] = done.text;
      textStarts[c] = done.starts;
    }
    const table: SerializedTable = {
      count: this.count,
      folder: this.folder.take(),
      date: this.date.take(),
      size: this.size.take(),
      attachments: this.attachments.take(),
      bits: this.bits.take(),
      text,
      textStarts,
    };
    return { table, fields, byDate: dateOrder(table.date) };
  }
}

/** The typed arrays of an index, to transfer them between threads instead of copying. */
export function transferables(index: SerializedIndex): ArrayBuffer[] {
  const t = index.table;
  return [
    ...Object.values(index.fields).flatMap((f) => [f.starts.buffer, f.offsets.buffer, f.ids.buffer]),
    ...Object.values(t.textStarts).map((s) => s.buffer),
    t.folder.buffer,
    t.date.buffer,
    t.size.buffer,
    t.attachments.buffer,
    t.bits.buffer,
    index.byDate.buffer,
  ] as ArrayBuffer[];
}

export interface SearchQuery {
  text?: string;
  /** Which fields the words are looked for in; all four when absent. */
  field?: SearchField | 'all';
  /** Folder ids; all folders when absent or empty. */
  folders?: number[];
  /** Inclusive range, ms since the epoch. */
  from?: number;
  to?: number;
  hasAttachment?: boolean;
}

export class ArchiveIndex {
  readonly entries: EntryTable;
  /** Null while a cached index's words are still being read: the list is there, searching by words is not yet. */
  private fields: Record<SearchField, FieldIndex> | null;
  /** Entry ids, newest first. */
  readonly byDate: Uint32Array;

  constructor(
    private readonly table: SerializedTable,
    byDate: Uint32Array | undefined,
    fields: Record<SearchField, FieldIndex> | null,
  ) {
    this.entries = new EntryTable(table);
    this.fields = fields;
    this.byDate = byDate?.length === table.count ? byDate : dateOrder(table.date);
  }

  static of(data: SerializedIndex): ArchiveIndex {
    return new ArchiveIndex(data.table, data.byDate, data.fields);
  }

  get searchable(): boolean {
    return this.fields !== null;
  }

  setFields(fields: Record<SearchField, FieldIndex>): void {
    this.fields = fields;
  }

  serialize(): SerializedIndex | null {
    return this.fields ? { table: this.table, fields: this.fields, byDate: this.byDate } : null;
  }

  /** Ids of the matching messages, newest first. */
  search(query: SearchQuery): Uint32Array {
    const n = this.entries.count;
    const terms = [...words(query.text ?? '')];
    const folders = query.folders?.length ? new Set(query.folders) : null;
    const filtered =
      terms.length > 0 ||
      folders ||
      query.from !== undefined ||
      query.to !== undefined ||
      query.hasAttachment;
    if (!filtered) return this.byDate.slice();
    let mask: Uint8Array | null = null;
    const index = this.fields;
    if (terms.length > 0 && !index) throw new Error('The words are not read yet');
    const fields = !query.field || query.field === 'all' ? FIELDS : [query.field];
    for (const term of terms) {
      const hit = new Uint8Array(n);
      for (const f of fields) this.mark(index![f], term, hit);
      if (mask) for (let i = 0; i < n; i++) mask[i]! &= hit[i]!;
      else mask = hit;
    }
    const from = query.from ?? -Infinity;
    const to = query.to ?? Infinity;
    const out = new Uint32Array(n);
    let count = 0;
    const t = this.entries;
    for (const id of this.byDate) {
      if (mask && !mask[id]) continue;
      if (folders && !folders.has(t.folder(id))) continue;
      const date = t.date(id);
      if (date < from || date > to) continue;
      if (query.hasAttachment && t.attachments(id) === 0) continue;
      out[count++] = id;
    }
    return out.slice(0, count);
  }

  private mark(index: FieldIndex, term: string, hit: Uint8Array): void {
    const { joined, starts, offsets, ids } = index;
    for (let pos = joined.indexOf(term); pos >= 0;) {
      // The word holding this position: the last start at or before it.
      let lo = 0;
      let hi = starts.length - 2;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (starts[mid]! <= pos) lo = mid;
        else hi = mid - 1;
      }
      for (let k = offsets[lo]!; k < offsets[lo + 1]!; k++) hit[ids[k]!] = 1;
      pos = joined.indexOf(term, starts[lo + 1]!);
    }
  }
}
