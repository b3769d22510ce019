// Looking a number up among ascending numbers, where there are thousands and a search looks up thousands.

/** The last place up to `last` in `sorted` (ascending) whose number is at most `value`, found by halving; 0 if none is. */
export function lastAtMost(sorted: ArrayLike<number>, value: number, last = sorted.length - 1): number {
  // two lets, not `[low, high] = [0, last]`: until V8 optimizes a function, array destructuring allocates an array
  // and an iterator, and this runs thousands of times a search
  let low = 0;
  let high = last;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (sorted[middle] <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}
