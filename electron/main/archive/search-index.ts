/**
 * The archive's search index: the message list plus one inverted index per field (sender,
 * recipients, subject, body). Each field keeps its words sorted with all postings in one flat
 * typed array, so 100k messages cost a few arrays, not millions of small objects.
 *
 * A query word matches every indexed word that contains it, so "票" finds "火车票" and a word
 * being typed finds its completions (results as you type); all query words must match.
 */
import type { ArchiveEntry } from './entry';
import { words } from './tokenize';

export const FIELDS = ['from', 'to', 'subject', 'body'] as const;
export type SearchField = (typeof FIELDS)[number];

export interface FieldIndex {
  words: string[];
  /** Postings of words[i] are ids[offsets[i] .. offsets[i+1]). */
  offsets: Uint32Array;
  ids: Uint32Array;
}

/**
 * The message list, by column: numbers in typed arrays, each text column one string joined with
 * NUL. This is what the worker hands to main (typed arrays are transferred, not copied) and what
 * the cache stores: a few large values instead of 100k objects, so it crosses threads and loads
 * from disk in a fraction of the time and memory.
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

function dateOrder(dates: Float64Array): Uint32Array {
  const order = new Uint32Array(dates.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => dates[b]! - dates[a]! || a - b);
}

/** The list in memory: columns, with one entry made into an object only when asked for. */
export class EntryTable {
  readonly count: number;
  private readonly text: Record<TextColumn, string[]>;

  constructor(private readonly t: SerializedTable) {
    this.count = t.count;
    this.text = {} as Record<TextColumn, string[]>;
    for (const c of TEXT_COLUMNS) this.text[c] = t.count === 0 ? [] : t.text[c].split(SEP);
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
    const toAddresses = this.text.toAddresses[id]!;
    return {
      folder: this.t.folder[id]!,
      file: this.text.file[id]!,
      date: this.t.date[id]!,
      fromName: this.text.fromName[id]!,
      fromAddress: this.text.fromAddress[id]!,
      to: this.text.to[id]!,
      toAddresses: toAddresses ? toAddresses.split(' ') : [],
      subject: this.text.subject[id]!,
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

export class IndexBuilder {
  // Columns grow as messages come; no per-message object is kept (that was most of the memory).
  private readonly num = {
    folder: [] as number[],
    date: [] as number[],
    size: [] as number[],
    attachments: [] as number[],
    bits: [] as number[],
  };
  private readonly text: Record<TextColumn, string[]> = {
    file: [],
    fromName: [],
    fromAddress: [],
    to: [],
    subject: [],
    toAddresses: [],
  };
  private count = 0;
  private readonly postings: Record<SearchField, Map<string, number[]>> = {
    from: new Map(),
    to: new Map(),
    subject: new Map(),
    body: new Map(),
  };

  add(entry: ArchiveEntry, fieldWords: Record<SearchField, Iterable<string>>): void {
    const id = this.count++;
    const clean = (v: string) => (v.includes(SEP) ? v.replaceAll(SEP, '') : v);
    this.num.folder.push(entry.folder);
    this.num.date.push(entry.date);
    this.num.size.push(entry.size);
    this.num.attachments.push(entry.attachments);
    this.num.bits.push(
      (entry.seen ? 1 : 0) | (entry.flagged ? 2 : 0) | (entry.answered ? 4 : 0) | (entry.broken ? 8 : 0),
    );
    this.text.file.push(clean(entry.file));
    this.text.fromName.push(clean(entry.fromName));
    this.text.fromAddress.push(clean(entry.fromAddress));
    this.text.to.push(clean(entry.to));
    this.text.subject.push(clean(entry.subject));
    this.text.toAddresses.push(clean(entry.toAddresses.join(' ')));
    for (const field of FIELDS) {
      const map = this.postings[field];
      for (const w of fieldWords[field]) {
        const list = map.get(w);
        if (list) list.push(id);
        else map.set(w, [id]);
      }
    }
  }

  finish(): SerializedIndex {
    const fields = {} as Record<SearchField, FieldIndex>;
    for (const field of FIELDS) {
      const map = this.postings[field];
      const sorted = [...map.keys()].sort();
      const offsets = new Uint32Array(sorted.length + 1);
      let total = 0;
      for (let i = 0; i < sorted.length; i++) {
        offsets[i] = total;
        total += map.get(sorted[i]!)!.length;
      }
      offsets[sorted.length] = total;
      const ids = new Uint32Array(total);
      for (let i = 0; i < sorted.length; i++) ids.set(map.get(sorted[i]!)!, offsets[i]!);
      map.clear();
      fields[field] = { words: sorted, offsets, ids };
    }
    const text = {} as Record<TextColumn, string>;
    for (const c of TEXT_COLUMNS) {
      text[c] = this.text[c].join(SEP);
      this.text[c].length = 0;
    }
    const table: SerializedTable = {
      count: this.count,
      folder: Uint32Array.from(this.num.folder),
      date: Float64Array.from(this.num.date),
      size: Float64Array.from(this.num.size),
      attachments: Uint32Array.from(this.num.attachments),
      bits: Uint8Array.from(this.num.bits),
      text,
    };
    return { table, fields, byDate: dateOrder(table.date) };
  }
}

/** The typed arrays of an index, to transfer them between threads instead of copying. */
export function transferables(index: SerializedIndex): ArrayBuffer[] {
  const t = index.table;
  return [
    ...Object.values(index.fields).flatMap((f) => [f.offsets.buffer, f.ids.buffer]),
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

/** A field's words as one string, `\n` between them, and where each starts: indexOf over one long string is much faster than includes() on each of 100k words. */
interface FieldScan {
  joined: string;
  starts: Uint32Array;
}

function scanOf(index: FieldIndex): FieldScan {
  const starts = new Uint32Array(index.words.length + 1);
  let at = 0;
  index.words.forEach((w, i) => {
    starts[i] = at;
    at += w.length + 1;
  });
  starts[index.words.length] = at;
  return { joined: index.words.join('\n'), starts };
}

export class ArchiveIndex {
  readonly entries: EntryTable;
  private readonly fields: Record<SearchField, FieldIndex>;
  private readonly scans: Record<SearchField, FieldScan>;
  /** Entry ids, newest first. */
  readonly byDate: Uint32Array;

  constructor(private readonly data: SerializedIndex) {
    this.entries = new EntryTable(data.table);
    this.fields = data.fields;
    this.scans = {
      from: scanOf(data.fields.from),
      to: scanOf(data.fields.to),
      subject: scanOf(data.fields.subject),
      body: scanOf(data.fields.body),
    };
    this.byDate = data.byDate?.length === data.table.count ? data.byDate : dateOrder(data.table.date);
  }

  serialize(): SerializedIndex {
    return this.data;
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
    const fields = !query.field || query.field === 'all' ? FIELDS : [query.field];
    for (const term of terms) {
      const hit = new Uint8Array(n);
      for (const f of fields) this.mark(this.fields[f], this.scans[f], term, hit);
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

  private mark(index: FieldIndex, scan: FieldScan, term: string, hit: Uint8Array): void {
    const { offsets, ids } = index;
    const { joined, starts } = scan;
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
