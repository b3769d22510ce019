// The build of kubenotes that wrote an entry of the cache: what another build wrote is not read (it may parse,
// render or lay out differently).
import { VERSION } from '../version.js';

// when the build was made: set by the build in every file it makes, so that a rebuild of the same version differs
declare const KUBENOTES_BUILD: number | undefined;

/** The version, and when it was built (run from its sources, as the tests do, the version alone). */
export const buildStamp = (): string => (typeof KUBENOTES_BUILD === 'number' ? `${VERSION} ${KUBENOTES_BUILD}` : VERSION);
