/**
 * A bounded memo for pure string functions. Mail repeats itself (one sender's From line, the
 * user's own To line, templated subjects), so most header values are parsed once per scan; the
 * cache is dropped when full, which keeps memory flat on a mailbox of random senders.
 */
export function memo<V>(fn: (key: string) => V, max = 4096): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as V;
    const value = fn(key);
    if (cache.size >= max) cache.clear();
    cache.set(key, value);
    return value;
  };
}
