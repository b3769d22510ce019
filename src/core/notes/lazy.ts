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

/**
 * An accessor to define on many objects: `object[key]` worked out by `get` from the object when first read, then a
 * plain property where it was. One accessor for them all: one made per object (two closures, and a map of its own)
 * costs more than the rest of a section, and there are 100,000s of sections.
 */
export function sharedLazily<T extends object>(key: keyof T & string, get: (object: T) => unknown): PropertyDescriptor {
  return {
    configurable: true,
    enumerable: true,
    get(this: T) {
      return settled(this, key, get(this));
    },
    set(this: T, value: unknown) {
      settled(this, key, value);
    },
  };
}

/** `value`, made `object[key]`'s plain value in place of the accessor that worked it out. */
export function settled<T extends object, V>(object: T, key: keyof T & string, value: V): V {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  return value;
}
