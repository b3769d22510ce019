// The version of kubenotes, from its package.json (the build inlines it).
import packageJson from '../package.json' with { type: 'json' };

export const VERSION: string = packageJson.version;
