/**
 * The class a twilio submodule exports as `exports.default`. Bundlers and vitest hand it as the default
 * import; Node's own ESM loader (npm start, the benches under tsx) hands the whole exports object, whose
 * `default` is the class. Without this, `new Domain(…)` and `instanceof RestException` throw there.
 */
export function cjsDefault<T>(imported: T): T {
  if (typeof imported === 'function') return imported;
  // The exports object of a CommonJS module compiled from TypeScript: the class is its `default`.
  return (imported as { readonly default?: T }).default ?? imported;
}
