// A property worked out when first read: so that what a command never reads (a file's text) is never read from disk.

/** Makes `object[key]` the value `get` gives when first read, then a plain property where it was (JSON keeps its order). */
export function lazily<T extends object>(object: T, key: keyof T & string, get: () => unknown): T {
  Object.defineProperty(object, key, {
    configurable: true,
    enumerable: true,
    get: () => settled(object, key, get()),
    set: (value: unknown) => settled(object, key, value),
  });
  return object;
}

/** What each shared accessor works its value out with (see sharedLazily), for a read that does not keep it (see readOnce). */
const workers = new WeakMap<object, (object: never) => unknown>();

/**
 * An accessor to define on many objects: `object[key]` worked out by `get` from the object when first read, then a
 * plain property where it was. One accessor for them all: one made per object (two closures, and a map of its own)
 * costs more than the rest of a section, and there are 100,000s of sections.
 */
export function sharedLazily<T extends object>(key: keyof T & string, get: (object: T) => unknown): PropertyDescriptor {
  function getter(this: T) {
    return settled(this, key, get(this));
  }
  workers.set(getter, get);
  return {
    configurable: true,
    enumerable: true,
    get: getter,
    set(this: T, value: unknown) {
      settled(this, key, value);
    },
  };
}

/**
 * `object[key]`, worked out afresh and not kept if it was not read yet: what a walk through every file's text reads
 * once, so that the texts are not all in memory at the end of it.
 */
export function readOnce<T extends object, K extends keyof T & string>(object: T, key: K): T[K] {
  const work = pendingWork(object, key);
  return work ? (work(object as never) as T[K]) : object[key];
}

/** Is `object[key]` a shared accessor's still, not read (nor set) yet? */
export const isPending = <T extends object>(object: T, key: keyof T & string): boolean => pendingWork(object, key) !== undefined;

/** What works out `object[key]` if that is a shared accessor's still (see sharedLazily). */
function pendingWork(object: object, key: string): ((object: never) => unknown) | undefined {
  const getter: unknown = Reflect.get(Object.getOwnPropertyDescriptor(object, key) ?? {}, 'get');
  return typeof getter === 'function' ? workers.get(getter) : undefined;
}

/** `value`, made `object[key]`'s plain value in place of the accessor that worked it out. */
export function settled<T extends object, V>(object: T, key: keyof T & string, value: V): V {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  return value;
}
