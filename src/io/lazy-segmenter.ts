// Intl.Segmenter made when it is first used, not when it is constructed. Making the first one loads ICU's
// break-iteration data, which costs about as much as a cached `list` does beyond `node -e 0`; wrap-ansi and slice-ansi
// (and our own fit) construct one as they load, so every command but --version paid for it, although most never
// segment anything (ASCII text is wrapped and measured without it).

type Segmenter = Pick<Intl.Segmenter, 'segment' | 'resolvedOptions'>;

/** Intl.Segmenter's own constructor, which made segmenters call once they are used. */
const Eager = Intl.Segmenter;

/** A Segmenter that makes the real one on its first `segment` (or `resolvedOptions`). */
export class LazySegmenter implements Segmenter {
  static supportedLocalesOf = Eager.supportedLocalesOf.bind(Eager);
  #made?: Intl.Segmenter;
  readonly #args: ConstructorParameters<typeof Intl.Segmenter>;

  constructor(...args: ConstructorParameters<typeof Intl.Segmenter>) {
    this.#args = args;
  }

  #real(): Intl.Segmenter {
    this.#made ??= new Eager(...this.#args);
    return this.#made;
  }

  segment(input: string): Intl.Segments {
    return this.#real().segment(input);
  }

  resolvedOptions(): Intl.ResolvedSegmenterOptions {
    return this.#real().resolvedOptions();
  }
}

/** From now on `new Intl.Segmenter(…)` anywhere in this process is lazy (the libraries only ever call `segment`). */
export function makeSegmentersLazy(): void {
  Object.defineProperty(Intl, 'Segmenter', { value: LazySegmenter, writable: true, configurable: true });
}
