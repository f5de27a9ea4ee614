import "server-only";

/** A bounded map that forgets the least recently used entry first. */
export class LruCache<V> {
  private map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V) {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }
  delete(key: string) {
    this.map.delete(key);
  }
}

const reads = new LruCache<Promise<unknown>>(2_000);

/** Memoises a read of an immutable dataset version; a failed read is not kept, so a retry reaches the database again. */
export function memo<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = reads.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const p = load();
  reads.set(key, p);
  p.catch(() => reads.delete(key));
  return p;
}
