/** A property worked out on first read and then kept as a plain value: for text few readers need. */

/**
 * Defines `key` on `target` as an enumerable getter that computes once, then replaces itself with a
 * plain data property; JSON.stringify, spreading and equality checks all see an ordinary value.
 */
export function defineLazy<T extends object, K extends PropertyKey, V>(
  target: T,
  key: K,
  compute: () => V,
): T & Record<K, V> {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute();
      Object.defineProperty(target, key, { value, enumerable: true, writable: true });
      return value;
    },
  });
  return target as T & Record<K, V>;
}
