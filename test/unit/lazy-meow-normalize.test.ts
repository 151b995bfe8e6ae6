// The bundle-time change to meow (scripts/lazy-meow-normalize.mjs) loads normalize-package-data on its first
// call instead of at every start; meow must parse the command line exactly as before, and an upgrade of meow
// that moves the replaced text must fail the build.
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import type {Plugin} from 'esbuild';
import {lazyMeowNormalize, patchMeowDependencies} from '../../scripts/lazy-meow-normalize.mjs';
import {bundleAndImport, projectRoot as root} from '../helpers/bundle.js';

const dependencies = path.join(root, 'node_modules/meow/build/dependencies.js');
const folder = mkdtempSync(path.join(os.tmpdir(), 'dockpit-lazy-meow-'));
after(() => {
	rmSync(folder, {recursive: true, force: true});
});

type Parse = (argv: readonly string[], readPackage: boolean) => unknown;

/** meow, bundled with or without the plugin, as a function of the command line (and of `cli.pkg` read or not). */
const program = `import meow from 'meow';
				export default (argv, readPackage) => {
					const cli = meow('Usage: demo', {
						importMeta: import.meta, argv, autoHelp: false, autoVersion: false,
						pkg: {name: 'demo', version: '1.0.0', license: 'mit', repository: 'github:owner/demo'},
						flags: {host: {type: 'string', shortFlag: 'H', isMultiple: true}, readOnly: {type: 'boolean'}, logLines: {type: 'number'}},
					});
					return {input: cli.input, flags: cli.flags, pkg: readPackage ? cli.pkg : undefined};
				};`;

async function bundled(name: string, plugins: Plugin[]): Promise<Parse> {
	return (await bundleAndImport<{default: Parse}>(folder, name, program, plugins)).default;
}

describe('meow with normalize-package-data loaded on first use', () => {
	it('parses command lines and normalises a package as meow unpatched does', async () => {
		const [plain, lazy] = await Promise.all([bundled('plain', []), bundled('lazy', [lazyMeowNormalize])]);
		const lines = [
			[],
			['-H', 'unix:///a.sock', '--host', 'ssh://me@box', '--read-only'],
			['--log-lines', '200', 'extra'],
			['--unknown=1'],
		];
		for (const argv of lines) assert.deepEqual(lazy(argv, false), plain(argv, false), argv.join(' '));
		// Reading cli.pkg is the one path that calls it: the normalised package is the same.
		assert.deepEqual(lazy([], true), plain([], true));
		assert.equal((lazy([], true) as {pkg: {_id: string}}).pkg._id, 'demo@1.0.0', 'normalize-package-data ran');
	});

	it('refuses a dependencies.js whose replaced text is not there, so a meow upgrade fails the build', () => {
		const source = readFileSync(dependencies, 'utf8');
		assert.ok(!patchMeowDependencies(source).includes('var normalizeExports = requireNormalize();'));
		assert.throws(() => patchMeowDependencies(source.replace('var normalizeExports', 'let normalizeExports')), /changed/);
		assert.ok(!patchMeowDependencies(source).includes('child_process'));
	});
});
