// A path as the shell would expand its leading `~`, so typed and configured paths mean what they say.

export const expandHome = (path: string, home: string): string => path.replace(/^~(?=\/|$)/, home);
