// dist/app.js is one classic script, not an ES module, so that V8 can keep its compiled code between
// starts (source/app/launcher.ts). A script cannot hold top-level await, and two of dockpit's
// dependencies use it as they load; this esbuild plugin makes both synchronous:
// - yoga-layout (Ink's layout engine) awaits its WebAssembly's instantiation. Emscripten's loader takes an
//   `instantiateWasm` hook; given one that instantiates synchronously, the loader has finished before it
//   returns, so the module is ready without a wait. The binary is taken out of the loader's data: URL and
//   compiled from bytes directly (Node's Buffer decodes base64 natively).
// - Ink's reconciler awaits React DevTools and its own package.json, both only when DEV=true. dockpit
//   ships no DevTools (React's profiler is not a user feature), so both are dropped: with DEV=true the
//   dashboard runs as without it.
// Each replaced text must be found exactly once, so an upgrade that changes one fails the build loudly.
import {readFile} from 'node:fs/promises';

const yogaIndex = /yoga-layout[/\\]dist[/\\]src[/\\]index\.js$/;
const yogaBinary = /yoga-layout[/\\]dist[/\\]binaries[/\\]yoga-wasm-base64-esm\.js$/;
const inkReconciler = /ink[/\\]build[/\\]reconciler\.js$/;

const dataUrl = /H="data:application\/octet-stream;base64,([A-Za-z\d+/=]+)"/g;

/** `source` with each `from` replaced by its `to`; throws when one is not there exactly once. */
function replaceOnce(source, replacements, what) {
	let patched = source;
	for (const {from, to} of replacements) {
		const first = patched.indexOf(from);
		if (first === -1 || patched.includes(from, first + 1)) {
			throw new Error(
				`start-without-await: ${what} changed (${JSON.stringify(from.slice(0, 50))} found ${first === -1 ? 'nowhere' : 'twice'})`,
			);
		}

		patched = patched.replace(from, () => to);
	}

	return patched;
}

/** The base64 of the WebAssembly binary inside yoga's loader. */
function binaryOf(loader) {
	const found = [...loader.matchAll(dataUrl)];
	if (found.length !== 1) throw new Error(`start-without-await: yoga's loader holds ${found.length} embedded binaries, not 1`);
	return found[0];
}

/** yoga's entry, instantiating its WebAssembly synchronously instead of awaiting it. */
export function syncYogaIndex(index, loader) {
	replaceOnce(index, [{from: 'const Yoga = wrapAssembly(await loadYoga());', to: ''}], "yoga-layout's index.js");
	const [, base64] = binaryOf(loader);
	return `import loadYoga from '../binaries/yoga-wasm-base64-esm.js';
import wrapAssembly from './wrapAssembly.js';
const binary = new WebAssembly.Module(Buffer.from(${JSON.stringify(base64)}, 'base64'));
const assembly = {
	instantiateWasm(imports, receive) {
		const instance = new WebAssembly.Instance(binary, imports);
		receive(instance);
		return instance.exports;
	},
};
// The loader answers with a promise, but with this hook it has filled \`assembly\` before it returns.
void loadYoga(assembly);
if (!assembly.calledRun) throw new Error('yoga-layout did not start synchronously');
const Yoga = wrapAssembly(assembly);
export default Yoga;
export * from './generated/YGEnums.js';
`;
}

/** yoga's loader without its embedded binary (syncYogaIndex carries it), so the bytes are shipped once. */
export function loaderWithoutBinary(loader) {
	const [whole] = binaryOf(loader);
	return replaceOnce(loader, [{from: whole, to: 'H=""'}], "yoga-layout's loader");
}

/** Ink's reconciler without its DEV-only awaits. */
export function reconcilerWithoutAwait(source) {
	return replaceOnce(
		source,
		[
			{from: "        await import('./devtools.js');", to: '        // dockpit ships no React DevTools.'},
			{
				from: 'const packageJson = isDev()\n    ? await loadPackageJson()\n    : { name: undefined, version: undefined };',
				to: 'const packageJson = { name: undefined, version: undefined };',
			},
		],
		"Ink's reconciler.js",
	);
}

/** @type {import('esbuild').Plugin} */
export const startWithoutAwait = {
	name: 'start-without-await',
	setup(build) {
		build.onLoad({filter: yogaIndex}, async (args) => ({
			contents: syncYogaIndex(
				await readFile(args.path, 'utf8'),
				await readFile(args.path.replace(/src[/\\]index\.js$/, 'binaries/yoga-wasm-base64-esm.js'), 'utf8'),
			),
			loader: 'js',
		}));
		build.onLoad({filter: yogaBinary}, async (args) => ({
			contents: loaderWithoutBinary(await readFile(args.path, 'utf8')),
			loader: 'js',
		}));
		build.onLoad({filter: inkReconciler}, async (args) => ({
			contents: reconcilerWithoutAwait(await readFile(args.path, 'utf8')),
			loader: 'js',
		}));
	},
};
