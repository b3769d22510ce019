// A folder's walk kept between runs: the files it found are used again while every folder it read and every .gitignore
// it followed has the stamp it had — adding, removing or renaming a file or folder changes its folder's times, so a
// run looks at the folders, not at every entry of them. A walk that met a symbolic link (whose target may change with
// no folder's knowing), a name that is not UTF-8 or an unreadable entry is not kept, nor one whose folders changed too
// recently (or on a file system too coarse) for their times to tell a later change.
import { resolve } from 'node:path';
import { seal, unseal } from './sealed.js';
import { arrayOf, isRecord, isString } from './cache-schema.js';
import type { CacheStore } from './cache-store.js';
import { anyRacy, folderStampsHold, type FolderStamp } from './stamps.js';
import { markdownFilesBelow, type FolderWalk } from './walk.js';

interface StoredWalk {
  build: string;
  folders: Array<[string, FolderStamp]>;
  gitignores: Array<[string, FolderStamp]>;
  files: string[];
}

const isStamped = arrayOf(
  (pair) => Array.isArray(pair) && pair.length === 2 && isString(pair[0]) && arrayOf((n) => typeof n === 'number')(pair[1]),
);

/** A walk of a folder that uses the kept one while it holds and keeps a new one where it may; `name` names its entry. */
export function cachedWalk(store: CacheStore, build: string, name: (root: string) => string): (root: string) => Promise<FolderWalk> {
  return async (root) => {
    const entry = `${name(resolve(root))}.walk`;
    try {
      const stored = JSON.parse(unseal(store.read(entry))?.bytes.toString('utf8') ?? 'null') as StoredWalk;
      if (
        isRecord(stored) &&
        stored.build === build &&
        isStamped(stored.folders) &&
        isStamped(stored.gitignores) &&
        arrayOf(isString)(stored.files)
      ) {
        if (stored.folders[0]?.[0] === root && folderStampsHold(stored.folders) && folderStampsHold(stored.gitignores)) {
          return {
            files: stored.files,
            unreadable: [],
            onDisk: new Map(),
            seen: { folders: stored.folders, gitignores: stored.gitignores, links: false },
          };
        }
      }
    } catch {
      // not a walk: walk again
    }
    const walk = await markdownFilesBelow(root);
    const { folders, gitignores, links } = walk.seen;
    const now = Date.now();
    if (!links && walk.unreadable.length === 0 && walk.onDisk.size === 0 && !anyRacy(folders, now) && !anyRacy(gitignores, now)) {
      store.write(entry, seal([JSON.stringify({ build, folders, gitignores, files: walk.files } satisfies StoredWalk)]));
    }
    return walk;
  };
}
