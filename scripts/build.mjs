// Emits the shipped bundle: one minified ESM entry (dist/cli.js) plus lazily loaded chunks,
// so start-up pays for neither a compiler nor thousands of module look-ups.
import {build} from 'esbuild';
import {distOptions} from './bundle-options.mjs';
import {rm, chmod} from 'node:fs/promises';

await rm('dist', {recursive: true, force: true});
await build(distOptions('dist'));
await chmod('dist/cli.js', 0o755);
