// The program's files compiled with V8's code cache, kept in the cache folder (boot.ts starts it), so that a run
// compiles none of the functions an earlier run of the same build compiled. Node 20 has no compile cache of its own
// (module.enableCompileCache came with Node 22). What V8 is given is guarded: the entry is trusted as the notes' are
// (cache-store.ts: the user's own folder and file, written whole); a file's data is used only for the very source it
// was made from (its SHA-256: V8 itself compares a source's length only, and would run old code for a rebuilt file of
// the same length); and the data is sealed with the cache's key (an HMAC), since V8 reads damaged data as it is, and
// aborts.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { cacheFolder } from './cache-folder.js';
import { CacheStore } from './cache-store.js';
import { sha256 } from './sha256.js';

/** A file's place in the entry: the SHA-256 of the source its data was made from, where the data is, its seal. */
interface CodePlace {
  source: string;
  at: number;
  length: number;
  seal: string;
}

/** A file of dist/ this run loaded: its name, its source's hash, its script. */
interface Loaded {
  name: string;
  source: string;
  script: Script;
}

/** A source's hash, and the seal of its data (keyed with the cache's key). */
interface Hashing {
  hash: (text: string) => string;
  seal: (source: string, data: Buffer) => string;
}

/** The sets of files earlier runs loaded, which the entry was written after (see the exit handler); the newest are kept. */
const MAX_RUNS_KEPT = 64;

/**
 * The entry of this install of the program run by this Node, with these flags: installs sharing a cache folder, or
 * one run by two Nodes, keep their code apart rather than write over each other's on every run (V8 refuses another's).
 */
const entryName = (dist: string, { hash }: Hashing): string =>
  `${hash(JSON.stringify([dist, process.version, process.arch, process.execArgv, process.env.NODE_OPTIONS ?? ''])).slice(0, 32)}.code`;

/**
 * The code entry, open: a header's length (32 bits); the header (JSON: `files`, name → [source, at, length, seal];
 * `runs`); then the data. A file's data is read as the file is loaded: a run reads what it needs of the entry.
 */
function openCode(store: CacheStore, name: string, { seal }: Hashing) {
  const places = new Map<string, CodePlace>();
  let runs: string[] = [];
  const entry = store.open(name);
  const read = (place: CodePlace): Buffer | undefined => {
    const data = entry?.readAt(body + place.at, place.length);
    return data && seal(place.source, data) === place.seal ? data : undefined;
  };
  const head = entry?.readAt(0, 4);
  const body = head ? 4 + head.readUInt32LE(0) : 0;
  try {
    const header = JSON.parse(entry?.readAt(4, body - 4)?.toString('utf8') ?? '') as {
      files: Record<string, [string, number, number, string]>;
      runs: string[];
    };
    for (const [file, [source, at, length, fileSeal]] of Object.entries(header.files)) {
      if (typeof source !== 'string' || typeof fileSeal !== 'string') continue;
      if (!Number.isSafeInteger(at) || !Number.isSafeInteger(length)) continue;
      if (at >= 0 && length > 0 && body + at + length <= entry!.size) places.set(file, { source, at, length, seal: fileSeal });
    }
    if (Array.isArray(header.runs)) runs = header.runs.filter((run) => typeof run === 'string');
  } catch {
    places.clear(); // no entry, or not one this build can read: compiled afresh, and written anew
  }
  return { places, runs, read, close: () => entry?.close() };
}

type OpenCode = ReturnType<typeof openCode>;

/**
 * The entry anew, made only once the store has a file open to write it to (a folder that cannot be written costs
 * nothing): the code of every file this run loaded, made now, so that it holds every function the run compiled, not
 * only the top levels; and the code kept before of files this run did not load and still of this build.
 */
function* codePieces(dist: string, code: OpenCode, loaded: Loaded[], run: string, hashing: Hashing): Generator<Buffer> {
  const files = new Map<string, { source: string; data: Buffer; seal: string }>();
  for (const { name, source, script } of loaded) {
    const data = script.createCachedData();
    files.set(name, { source, data, seal: hashing.seal(source, data) });
  }
  for (const [name, place] of code.places) {
    if (files.has(name)) continue;
    let current: string | undefined;
    try {
      current = hashing.hash(readFileSync(join(dist, name), 'utf8'));
    } catch {
      continue; // a file of another build
    }
    const data = current === place.source ? code.read(place) : undefined;
    if (data) files.set(name, { source: place.source, data, seal: place.seal });
  }
  const header = { files: {} as Record<string, [string, number, number, string]>, runs: [...code.runs, run].slice(-MAX_RUNS_KEPT) };
  let at = 0;
  for (const [name, { source, data, seal }] of files) {
    header.files[name] = [source, at, data.length, seal];
    at += data.length;
  }
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length, 0);
  yield length;
  yield json;
  for (const { data } of files.values()) yield data;
}

/**
 * Loads the program's entry (a file of dist/) and every file of dist/ it requires as Node's CommonJS loader would, each
 * compiled from its kept code where V8 takes it, with a `require` of its own for them (Node's for the rest).
 */
export function loadWithKeptCode(entry: URL): void {
  const main = fileURLToPath(entry);
  const dist = dirname(main);
  const nodeRequire = createRequire(main);
  let store: CacheStore | undefined;
  try {
    store = new CacheStore(cacheFolder(process.env), () => {}); // the program says what is wrong with the folder
  } catch {
    // no home folder to keep a cache in
  }
  const key = store?.key();
  if (!store || !key) {
    nodeRequire(main); // no cache to keep code in: Node's own loader
    return;
  }
  const hashing: Hashing = {
    hash: (text) => sha256(text),
    seal: (source, data) => createHmac('sha256', key).update(source).update(data).digest('hex'),
  };
  const name = entryName(dist, hashing);
  const code = openCode(store, name, hashing);
  const modules = new Map<string, { exports: unknown }>();
  const loaded: Loaded[] = [];
  let fresh = false;

  // the build's chunks ask for each other as `./name.js`, all in dist/: named without path.join's normalizing
  const requireFromDist = (id: string): unknown => (id.startsWith('./') ? load(`${dist}${sep}${id.slice(2)}`) : nodeRequire(id));

  /** A file of dist/ as Node would load it (CommonJS), compiled with its kept code where V8 takes it. */
  function load(file: string): unknown {
    const known = modules.get(file) ?? nodeRequire.cache[file];
    if (known) return known.exports;
    const source = readFileSync(file, 'utf8');
    const fileName = basename(file);
    const sourceHash = hashing.hash(source);
    const place = code.places.get(fileName);
    const cachedData = place?.source === sourceHash ? code.read(place) : undefined;
    // Node's own wrapper, on the source's first line, so that lines keep their numbers in a stack trace
    const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, {
      filename: file,
      cachedData,
    });
    fresh ||= cachedData === undefined || script.cachedDataRejected === true;
    loaded.push({ name: fileName, source: sourceHash, script });
    const module = { exports: {} };
    modules.set(file, module);
    try {
      (script.runInThisContext() as (...args: unknown[]) => void).call(
        module.exports,
        module.exports,
        requireFromDist,
        module,
        file,
        dirname(file),
      );
    } catch (error) {
      modules.delete(file); // required again, it throws again, as with Node's loader
      throw error;
    }
    return module.exports;
  }

  const cache = store;
  process.on('exit', () => {
    // written when this run compiled a file, or loaded a set of files no run before it did: a command's functions
    // in the files it shares with others (the CLI, the cache) are then compiled, and kept
    const run = hashing.hash(loaded.map((file) => file.name).join('\n')).slice(0, 16);
    try {
      if (fresh || !code.runs.includes(run)) cache.write(name, codePieces(dist, code, loaded, run, hashing));
    } catch {
      // best effort, as every write to the cache
    }
    code.close();
  });
  load(main);
}
