// Node's built-in modules that only some engines need, loaded on first use rather than at every start:
// crypto (a docker context's folder name, hashed known_hosts entries) and https (TLS engines). Each
// brings a dozen more of Node's own modules with it; a local engine needs none of them.
import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);

export const loadCrypto = (): typeof import('node:crypto') => require('node:crypto') as typeof import('node:crypto');
export const loadHttps = (): typeof import('node:https') => require('node:https') as typeof import('node:https');
