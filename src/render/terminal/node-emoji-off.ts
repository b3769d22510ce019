// node-emoji for marked-terminal with emoji codes off (`emoji: false`): the build aliases `node-emoji` to this module,
// so the bundle leaves out emojilib's 320 KB of data that no output uses.

/** No emoji for any code; marked-terminal asks only when its emoji option is on. */
export const get = (): undefined => undefined;
