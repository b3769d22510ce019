// The built CLI's start (bin/kubenotes.js loads it): the program's files are compiled with V8's code cache, kept in
// the cache folder, so that a run compiles none of the functions an earlier run of the same build compiled. Node 20
// has no compile cache of its own (module.enableCompileCache came with Node 22). The entry is trusted as the notes'
// are (cache-store.ts: the user's own folder and file, written whole), and each file's data is checked against its
// SHA-256 before V8 sees it: V8 refuses data made by another Node or with other flags, but reads damaged data as it
// is, and crashes. A file of the build that changed since (its size, time or inode) is compiled afresh: for a source
// of the same length V8 would take the old code.
import { readFileSync, statSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { asksForHelp } from './help-request.js';
import type { CacheStore } from './io/cache-store.js';

/** The cache entry that holds the compiled code of every file of dist/ a run has loaded. */
const CODE_ENTRY = 'code';

/** A file's code to keep: for which file (its identity), and V8's data. */
interface KeptCode {
  identity: string;
  data: Buffer;
}

/** A file of dist/ as this run compiled it. */
interface Compiled {
  name: string;
  identity: string;
  script: Script;
}

const dist = fileURLToPath(new URL('.', import.meta.url));
/** What is not the program's own (Node's modules, highlight.js) is Node's to load, from dist/. */
const nodeRequire = createRequire(join(dist, 'main.js'));

const identity = (stats: Stats): string => `${stats.size} ${stats.mtimeMs} ${stats.ino}`;

/** Where a file's code is in the entry, for which file (its identity), and its SHA-256. */
interface CodePlace {
  identity: string;
  at: number;
  length: number;
  hash: string;
}

type Hash = (data: Buffer) => string;

/**
 * The code entry, open: a header's length (32 bits), the header (JSON: name → [identity, at, length, hash]), then
 * the data. A file's data is read as the file is loaded: a run reads what it needs of the entry, not all of it.
 */
function openCode(
  store: CacheStore | undefined,
  hash: Hash,
): {
  places: Map<string, CodePlace>;
  read: (place: CodePlace) => Buffer | undefined;
  close: () => void;
} {
  const places = new Map<string, CodePlace>();
  const entry = store?.open(CODE_ENTRY);
  const none = { places, read: () => undefined, close: () => entry?.close() };
  const head = entry?.readAt(0, 4);
  if (!entry || !head) return none;
  const body = 4 + head.readUInt32LE(0);
  try {
    const files = JSON.parse(entry.readAt(4, body - 4)?.toString('utf8') ?? '') as Record<string, [string, number, number, string]>;
    for (const [name, [identity, at, length, dataHash]] of Object.entries(files)) {
      if (typeof identity !== 'string' || typeof dataHash !== 'string') continue;
      if (!Number.isSafeInteger(at) || !Number.isSafeInteger(length)) continue;
      if (at >= 0 && length > 0 && body + at + length <= entry.size) places.set(name, { identity, at, length, hash: dataHash });
    }
  } catch {
    return none; // not an entry this build can read: compiled afresh, and written anew
  }
  const read = (place: CodePlace) => {
    const data = entry.readAt(body + place.at, place.length);
    return data && hash(data) === place.hash ? data : undefined;
  };
  return { places, read, close: () => entry.close() };
}

/** The entry anew: the code this run compiled, and what was kept that still stands for a file of dist/. */
function writeCode(store: CacheStore, code: ReturnType<typeof openCode>, compiled: Compiled[], hash: Hash): void {
  const files = new Map<string, KeptCode>();
  for (const [name, place] of code.places) {
    try {
      const data = identity(statSync(join(dist, name))) === place.identity ? code.read(place) : undefined;
      if (data) files.set(name, { identity: place.identity, data });
    } catch {
      // a file of another build
    }
  }
  for (const { name, identity: fileIdentity, script } of compiled)
    files.set(name, { identity: fileIdentity, data: script.createCachedData() });
  const header: Record<string, [string, number, number, string]> = {};
  let at = 0;
  for (const [name, code] of files) {
    header[name] = [code.identity, at, code.data.length, hash(code.data)];
    at += code.data.length;
  }
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length, 0);
  store.write(CODE_ENTRY, [length, json, ...[...files.values()].map((code) => code.data)]);
}

async function start(): Promise<void> {
  // help is answered from the two files that hold it, before the cache is even looked for
  if (asksForHelp(process.argv.slice(2))) {
    nodeRequire('./main.js');
    return;
  }
  const [{ CacheStore }, { cacheFolder }, { createHash }] = await Promise.all([
    import('./io/cache-store.js'),
    import('./io/cache-folder.js'),
    import('node:crypto'),
  ]);
  const hash: Hash = (data) => createHash('sha256').update(data).digest('hex');
  let store: CacheStore | undefined;
  try {
    store = new CacheStore(cacheFolder(process.env), () => {}); // the program says what is wrong with the folder
  } catch {
    // no home folder to keep a cache in
  }
  const code = openCode(store, hash);
  const modules = new Map<string, { exports: unknown }>();
  const compiled: Compiled[] = [];

  const requireFromDist = (id: string): unknown => (id.startsWith('./') ? load(join(dist, id)) : nodeRequire(id));

  /** A file of dist/ as Node would load it (CommonJS), compiled with its kept code where V8 takes it. */
  function load(file: string): unknown {
    const loaded = modules.get(file) ?? nodeRequire.cache[file];
    if (loaded) return loaded.exports;
    const source = readFileSync(file, 'utf8');
    const name = basename(file);
    const fileIdentity = identity(statSync(file));
    const place = code.places.get(name);
    const cachedData = place?.identity === fileIdentity ? code.read(place) : undefined;
    // Node's own wrapper, on the source's first line, so that lines keep their numbers in a stack trace
    const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, {
      filename: file,
      cachedData,
    });
    const module = { exports: {} };
    modules.set(file, module);
    if (cachedData === undefined || script.cachedDataRejected) compiled.push({ name, identity: fileIdentity, script });
    (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, requireFromDist, module, file, dist);
    return module.exports;
  }

  // at exit, the functions this run compiled are in the data too, not only the files' top levels
  if (store) {
    process.on('exit', () => {
      try {
        if (compiled.length > 0) writeCode(store, code, compiled, hash);
      } catch {
        // best effort, as every write to the cache
      }
      code.close();
    });
  }
  load(join(dist, 'main.js'));
}

// what cannot start fails the process, as main.ts's own failures do
start().catch((error: unknown) =>
  setImmediate(() => {
    throw error;
  }),
);
