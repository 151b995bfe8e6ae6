// meow's bundled dependencies evaluate normalize-package-data when they load: its validators, the SPDX
// licence lists it sorts, hosted-git-info and the rest, at every start of dockpit. meow calls it only when
// a program reads `cli.pkg`, which dockpit never does (cli.tsx hands meow its package.json). This esbuild
// plugin makes that one binding load on its first call instead (what a call returns is unchanged), and drops
// an unused execFile that loaded node:child_process. Each replaced text must be found exactly once, so a
// meow upgrade that changes one fails the build loudly.
import {readFile} from 'node:fs/promises';

const eager = `var normalizeExports = requireNormalize();
const normalizePackageData = getDefaultExportFromCjs(normalizeExports);`;
const lazy = `const normalizePackageData = (...args) => getDefaultExportFromCjs(requireNormalize())(...args);`;

const replacements = [
	{from: eager, to: lazy},
	// read-package-up makes a promisified execFile it never uses: loading node:child_process for nothing.
	{from: "import { execFile } from 'node:child_process';", to: ''},
	{from: 'promisify(execFile);', to: ''},
];

/** meow's dependencies.js with normalize-package-data loaded on first use; throws when a text is not there once. */
export function patchMeowDependencies(source) {
	let patched = source;
	for (const {from, to} of replacements) {
		const first = patched.indexOf(from);
		if (first === -1 || patched.includes(from, first + 1)) {
			throw new Error(
				`lazy-meow-normalize: meow's dependencies.js changed (${JSON.stringify(from.slice(0, 40))} found ${first === -1 ? 'nowhere' : 'twice'})`,
			);
		}

		patched = patched.replace(from, () => to);
	}

	return patched;
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
