// Every property test's fast-check settings. A failure prints its seed and path; FC_SEED (and FC_PATH, to go straight
// to the failing case) run the same cases again: FC_SEED=-1819 FC_PATH=12:3 npm test -- test/x.test.ts -t 'name'.
import fc from 'fast-check';

const { FC_SEED, FC_PATH } = process.env;
if (FC_SEED !== undefined && FC_SEED !== '')
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(FC_SEED), ...(FC_PATH ? { path: FC_PATH } : {}) });
