// Values made in the last round of a computation done again and again (the
// preview server makes the site again after every edit), reused by key in
// the next round; what a round does not use is let go after it.

export class MadeLastTime<V> {
  private before = new Map<string, V>();
  private now = new Map<string, V>();

  /** Starts a round: what the last round made can be reused, the rest of the older ones is dropped. */
  round(): void {
    this.before = this.now;
    this.now = new Map();
  }

  set(key: string, value: V): void {
    this.now.set(key, value);
  }

  get(key: string, make: () => V): V {
    let value = this.now.get(key) ?? this.before.get(key);
    if (value === undefined) value = make();
    this.now.set(key, value);
    return value;
  }
}
