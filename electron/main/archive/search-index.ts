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

export interface SerializedIndex {
  entries: ArchiveEntry[];
  fields: Record<SearchField, FieldIndex>;
}

export class IndexBuilder {
  private readonly entries: ArchiveEntry[] = [];
  private readonly postings: Record<SearchField, Map<string, number[]>> = {
    from: new Map(),
    to: new Map(),
    subject: new Map(),
    body: new Map(),
  };

  add(entry: ArchiveEntry, fieldWords: Record<SearchField, Iterable<string>>): void {
    const id = this.entries.length;
    this.entries.push(entry);
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
    return { entries: this.entries, fields };
  }
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
  readonly entries: ArchiveEntry[];
  private readonly fields: Record<SearchField, FieldIndex>;
  /** Entry ids, newest first. */
  readonly byDate: Uint32Array;

  constructor(data: SerializedIndex) {
    this.entries = data.entries;
    this.fields = data.fields;
    const order = Uint32Array.from(data.entries.keys());
    const dates = Float64Array.from(data.entries, (e) => e.date);
    order.sort((a, b) => dates[b]! - dates[a]! || a - b);
    this.byDate = order;
  }

  serialize(): SerializedIndex {
    return { entries: this.entries, fields: this.fields };
  }

  /** Ids of the matching messages, newest first. */
  search(query: SearchQuery): Uint32Array {
    const n = this.entries.length;
    const terms = [...words(query.text ?? '')];
    let mask: Uint8Array | null = null;
    const fields = !query.field || query.field === 'all' ? FIELDS : [query.field];
    for (const term of terms) {
      const hit = new Uint8Array(n);
      for (const f of fields) this.mark(this.fields[f], term, hit);
      if (mask) for (let i = 0; i < n; i++) mask[i]! &= hit[i]!;
      else mask = hit;
    }
    const folders = query.folders?.length ? new Set(query.folders) : null;
    const from = query.from ?? -Infinity;
    const to = query.to ?? Infinity;
    const out: number[] = [];
    for (const id of this.byDate) {
      if (mask && !mask[id]) continue;
      const e = this.entries[id]!;
      if (folders && !folders.has(e.folder)) continue;
      if (e.date < from || e.date > to) continue;
      if (query.hasAttachment && e.attachments === 0) continue;
      out.push(id);
    }
    return Uint32Array.from(out);
  }

  private mark(index: FieldIndex, term: string, hit: Uint8Array): void {
    const { words: list, offsets, ids } = index;
    for (let w = 0; w < list.length; w++) {
      if (!list[w]!.includes(term)) continue;
      for (let k = offsets[w]!; k < offsets[w + 1]!; k++) hit[ids[k]!] = 1;
    }
  }
}
