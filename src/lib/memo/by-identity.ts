// Results of pure derivations remembered per input object (held weakly): coming back to a page whose
// data is still cached reuses what was derived from it instead of walking thousands of runs again.

export function byIdentity<K extends object, R>(derive: (input: K) => R): (input: K) => R {
  const results = new WeakMap<K, R>();
  return (input) => {
    if (results.has(input)) return results.get(input) as R;
    const result = derive(input);
    results.set(input, result);
    return result;
  };
}

export function byIdentityPair<A extends object, B extends object, R>(
  derive: (a: A, b: B) => R,
): (a: A, b: B) => R {
  const results = new WeakMap<A, WeakMap<B, R>>();
  return (a, b) => {
    let inner = results.get(a);
    if (!inner) {
      inner = new WeakMap();
      results.set(a, inner);
    }
    if (inner.has(b)) return inner.get(b) as R;
    const result = derive(a, b);
    inner.set(b, result);
    return result;
  };
}
