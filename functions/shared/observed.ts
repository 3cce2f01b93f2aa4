/**
 * `target` with some of its methods replaced by `overrides`; every other method is the target's own,
 * called on the target itself, so adapters with private fields keep working behind the wrapper.
 */
export function overriding<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(wrapped, key) {
      if (Object.hasOwn(overrides, key)) return Reflect.get(overrides, key);
      const value: unknown = Reflect.get(wrapped, key, wrapped);
      return typeof value === 'function' ? value.bind(wrapped) : value;
    },
  });
}
