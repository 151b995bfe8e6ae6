// The shipped bundle (dist/), built by build.mjs and by the test that checks what start-up loads
// (test/unit/lazy-requires.test.ts), so the test reads the bundle users get:
//   dist/cli.js      the launcher (source/app/launcher.ts): compiles app.js with V8's code cache and runs it
//   dist/app.js      the whole application as one classic script: a function the launcher calls
//   dist/<leaf>.js   libraries only some actions need (RE2, dockerode's BuildKit parts), required on first use
//   dist/package.json  {"type": "commonjs"}: the package itself is ESM, these files are not
// One script rather than ES module chunks because Node 20 keeps compiled code (vm.Script's cachedData) only
// for scripts; docs/performance.md has the measurements.
import {readFileSync} from 'node:fs';
import {chmod, mkdir, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {createHash} from 'node:crypto';
import {build} from 'esbuild';
import {bundlePlugins} from './bundle-plugins.mjs';
import {startWithoutAwait} from './start-without-await.mjs';

/** The parameters of the function dist/app.js holds, in the order the launcher passes them. */
export const appParameters = ['exports', 'require', 'module', '__filename', '__dirname', '__dockpitUrl', '__dockpitMeta'];

/**
 * Modules imported dynamically that stay out of app.js, each as a file of its own in dist/: `test` matches
 * the import's request. A `file` of undefined is a dependency left outside the bundle (`external`).
 */
const leaves = [
	// The logs pane's regex engine (~130 KB), loaded when the pane opens (source/hooks/regex-engine.ts).
	{test: /^re2js$/, file: 're2.js', entry: 're2js'},
	// dockerode's BuildKit session (gRPC, protobufjs) and progress decoder, behind scripts/lazy-requires.mjs'
	// stand-ins: never needed by the classic builder dockpit uses.
	{test: /dockerode[/\\]lib[/\\]session\.js$/, file: 'buildkit-session.js', entry: 'dockerode/lib/session.js'},
	{test: /dockerode[/\\]lib[/\\]buildkit\.js$/, file: 'buildkit-progress.js', entry: 'dockerode/lib/buildkit.js'},
	// ssh2 (external: its optional native parts must load from node_modules), for ssh:// engines.
	{test: /^ssh2$/, file: undefined},
];

/**
 * A script has no import(): each dynamic import of a leaf becomes a require of its file (or of the external
 * dependency), made through the launcher's `require`, which resolves from dist/.
 */
const leafRequires = {
	name: 'leaf-requires',
	setup(built) {
		built.onResolve({filter: /.*/}, (args) => {
			if (args.kind !== 'dynamic-import') return undefined;
			const leaf = leaves.find((each) => each.test.test(args.path));
			if (!leaf) return undefined;
			return {path: leaf.file ? `./${leaf.file}` : args.path, namespace: 'dockpit-leaf'};
		});
		built.onResolve({filter: /.*/, namespace: 'dockpit-leaf'}, (args) => ({path: args.path, external: true}));
		built.onLoad({filter: /.*/, namespace: 'dockpit-leaf'}, (args) => ({
			contents: `module.exports = require(${JSON.stringify(args.path)});`,
			loader: 'js',
		}));
	},
};

const shared = /** @type {const} */ ({
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'cjs',
	minify: !process.env['DOCKPIT_NO_MINIFY'],
	legalComments: 'none',
	// The launcher reads app.js as Latin-1 (a copy, no UTF-8 decoding): esbuild escapes anything beyond ASCII.
	charset: 'ascii',
	logLevel: 'warning',
});

/** The esbuild options of dist/app.js, before it is wrapped in its function (buildDist). */
export const distOptions = () => ({
	...shared,
	entryPoints: ['cli.tsx'],
	write: false,
	outfile: 'app.js',
	define: {'process.env.NODE_ENV': '"production"', 'import.meta.url': '__dockpitUrl', 'import.meta': '__dockpitMeta'},
	// Ink imports react-devtools-core only when DEV is set; never ship it.
	alias: {'react-devtools-core': './scripts/devtools-stub.mjs'},
	plugins: [leafRequires, startWithoutAwait, ...bundlePlugins],
	// Native or optional modules stay outside the bundle: ssh2 loads them only for ssh:// engines.
	external: ['ssh2', 'cpu-features'],
});

/** The first line of cli.tsx (#!/usr/bin/env -S node <flags>): the launcher starts Node as cli.tsx says. */
const hashbang = () => readFileSync('cli.tsx', 'utf8').split('\n', 1)[0];

/** Builds the shipped files into `outdir`; `minify` as for dist/ unless given. Returns app.js's build id. */
export async function buildDist(outdir, {minify = shared.minify} = {}) {
	await rm(outdir, {recursive: true, force: true});
	await mkdir(outdir, {recursive: true});
	const app = await build({...distOptions(), minify});
	const code = app.outputFiles[0].text.replace(/^#!.*\n/, '');
	if (/[^\u0000-\u007F]/.test(code)) throw new Error('app.js holds text beyond ASCII: the launcher reads it as Latin-1');
	const text = `(function (${appParameters.join(', ')}) {${code}\n})`;
	const id = createHash('sha256').update(text).digest('hex').slice(0, 16);
	await writeFile(path.join(outdir, 'app.js'), text);
	await writeFile(path.join(outdir, 'package.json'), '{"type": "commonjs"}\n');
	for (const leaf of leaves.filter((each) => each.file)) {
		await build({...shared, minify, entryPoints: [leaf.entry], outfile: path.join(outdir, leaf.file)});
	}

	await build({
		...shared,
		minify,
		entryPoints: ['source/app/launcher.ts'],
		outfile: path.join(outdir, 'cli.js'),
		banner: {js: hashbang()},
		define: {DOCKPIT_BUILD: JSON.stringify(id)},
	});
	await chmod(path.join(outdir, 'cli.js'), 0o755);
	return id;
}
