// meow's bundled dependencies evaluate normalize-package-data when they load: its validators, the SPDX
// licence lists it sorts, hosted-git-info and the rest, at every start of dockpit. meow calls it only when
// a program reads `cli.pkg`, which dockpit never does (cli.tsx hands meow its package.json). This esbuild
// plugin makes that one binding load on its first call instead; what a call returns is unchanged. The
// replaced text must be found exactly once, so a meow upgrade that changes it fails the build loudly.
import {readFile} from 'node:fs/promises';

const eager = `var normalizeExports = requireNormalize();
const normalizePackageData = getDefaultExportFromCjs(normalizeExports);`;
const lazy = `const normalizePackageData = (...args) => getDefaultExportFromCjs(requireNormalize())(...args);`;

/** meow's dependencies.js with normalize-package-data loaded on first use; throws when the text is not there once. */
export function patchMeowDependencies(source) {
	const first = source.indexOf(eager);
	if (first === -1 || source.includes(eager, first + 1)) {
		throw new Error(
			`lazy-meow-normalize: meow's dependencies.js changed (expected text found ${first === -1 ? 'nowhere' : 'twice'})`,
		);
	}

	return source.replace(eager, () => lazy);
}

/** @type {import('esbuild').Plugin} */
export const lazyMeowNormalize = {
	name: 'lazy-meow-normalize',
	setup(build) {
		build.onLoad({filter: /[/\\]meow[/\\]build[/\\]dependencies\.js$/}, async (args) => ({
			contents: patchMeowDependencies(await readFile(args.path, 'utf8')),
			loader: 'js',
		}));
	},
};
