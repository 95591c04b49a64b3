// Answers to reads kept while the store's change mark stays the same: the API key records every request
// looks up, and the scan lists clients poll (listing 20 of an account's 100 000 scans was half the time of
// GET /api/v1/scan, docs/performance.md). Any write, by this runner or another process (`keys revoke`),
// changes the mark and so retires every entry at once. Stores that cannot give a mark are always read.

export class ReadCache<T> {
  readonly #entries = new Map<string, { mark: string; value: T }>();

  /** At most `max` answers are kept (each a page of at most 50 scans, about 16 KB). */
  constructor(readonly max = 500) {}

  async read(key: string, mark: string | undefined, load: () => Promise<T>): Promise<T> {
    if (mark === undefined) return load();
    const hit = this.#entries.get(key);
    this.#entries.delete(key);
    if (hit !== undefined && hit.mark === mark) {
      // Most recently used goes last; the first entry is the one evicted.
      this.#entries.set(key, hit);
      return hit.value;
    }
    // `mark` was read before loading: a write during the load leaves the entry stale at once, never wrong.
    const value = await load();
    this.#entries.set(key, { mark, value });
    if (this.#entries.size > this.max) this.#entries.delete(this.#entries.keys().next().value as string);
    return value;
  }

  get size(): number {
    return this.#entries.size;
  }
}
