// Modules that dockpit's dependencies require as they load, for features a local engine's start-up never
// uses. This esbuild plugin hands each importer a stand-in that loads the real module on its first call,
// so start-up neither evaluates them nor waits for them:
// - docker-modem's ssh agent, and with it all of ssh2 and its crypto (100–400 ms here); dockpit's ssh://
//   engines go through source/docker/ssh/, which imports ssh2 itself, and only for ssh:// engines.
// - dockerode's BuildKit session (`buildImage` with version "2"), and with it @grpc/grpc-js, proto-loader
//   and protobufjs (~400 KB of the engine chunk, evaluated at every start before); dockpit builds with the
//   classic builder. Its stand-in imports the session dynamically, so those modules are a chunk of their
//   own, not even parsed at start-up; the session reports through its callback, so a failed import does too.
// - Node built-in modules a local engine never uses, each required as its importer loads: docker-modem's
//   `https` (with it tls and ~15 crypto modules), dockerode's `zlib` (gzip for a build context),
//   ink-table's object-hash's `crypto`, and terminal-size's `child_process` (Ink's fallback when stdout is
//   not a terminal). Each compiled at every start (Node's built-ins: ~20 ms of a start's profile for ~70
//   modules); their stand-ins require them on first use.
import {fileURLToPath} from 'node:url';
import path from 'node:path';

const modules = path.join(fileURLToPath(new URL('..', import.meta.url)), 'node_modules');

/**
 * Each stand-in: who requires it and by which request, then what it stands for: a file of the dependency
 * (`real`, a module exporting one function, or the named `functions`; for one called with a node-style
 * callback, `callbackArgument` says which argument that is, and the file is then imported asynchronously),
 * or a Node built-in (no `real`): `proxy` stands for the whole module (any property read loads it),
 * `functions` for the named functions its importer takes from it.
 */
const lazy = [
	{name: 'modem-ssh', importer: /docker-modem[/\\]lib[/\\]modem\.js$/, request: './ssh', real: 'docker-modem/lib/ssh.js'},
	{
		name: 'dockerode-session',
		importer: /dockerode[/\\]lib[/\\]docker\.js$/,
		request: './session',
		real: 'dockerode/lib/session.js',
		callbackArgument: 2,
	},
	// dockerode's BuildKit progress decoder (Docker#followProgress, which dockpit does not call), and with it
	// protobufjs (~100 KB read at every start before).
	{
		name: 'dockerode-buildkit',
		importer: /dockerode[/\\]lib[/\\]docker\.js$/,
		request: './buildkit',
		real: 'dockerode/lib/buildkit.js',
		functions: ['followProgress'],
		callbackArgument: 1,
	},
	{name: 'modem-https', importer: /docker-modem[/\\]lib[/\\]http\.js$/, request: 'https', proxy: true},
	{name: 'dockerode-zlib', importer: /dockerode[/\\]lib[/\\]util\.js$/, request: 'zlib', proxy: true},
	// ink-table's object-hash reads crypto.getHashes() as it loads; without it, it accepts sha1 and md5 (ink-table
	// asks for its default, sha1) and requires crypto when it first hashes, at the first table drawn.
	{name: 'object-hash-crypto', importer: /object-hash[/\\]index\.js$/, request: 'crypto', functions: ['createHash']},
	{
		name: 'terminal-size-child-process',
		importer: /terminal-size[/\\]index\.js$/,
		request: 'node:child_process',
		functions: ['execFileSync'],
	},
];

/** Every request some stand-in answers, exactly. */
const requests = new RegExp(`^(${lazy.map((entry) => entry.request.replaceAll(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);

/** The stand-in's code, and the folder its own requires resolve from. */
function standIn(entry) {
	if (entry.real === undefined) {
		const builtin = JSON.stringify(entry.request);
		const contents = entry.proxy
			? `module.exports = new Proxy({}, {get: (_, key) => require(${builtin})[key]});`
			: `module.exports = {${entry.functions.map((name) => `${name}: (...args) => require(${builtin}).${name}(...args)`).join(', ')}};`;
		return {contents};
	}

	const file = path.join(modules, entry.real);
	const real = JSON.stringify(file);
	/** A call of `member` (a named function of the module, or the module itself) with the caller's arguments. */
	const call = (member) =>
		entry.callbackArgument === undefined
			? `return require(${real})${member}(...args);`
			: `import(${real}).then((loaded) => (loaded.default ?? loaded)${member}(...args), (error) => args[${entry.callbackArgument}](error));`;
	const contents = entry.functions
		? `module.exports = {${entry.functions.map((name) => `${name}: function (...args) { ${call(`.${name}`)} }`).join(', ')}};`
		: `module.exports = function (...args) { ${call('')} };`;
	return {contents, resolveDir: path.dirname(file)};
}

/** @type {import('esbuild').Plugin} */
export const lazyRequires = {
	name: 'lazy-requires',
	setup(build) {
		build.onResolve({filter: requests}, (args) => {
			const entry = lazy.find((item) => item.request === args.path && item.importer.test(args.importer));
			return entry ? {path: entry.name, namespace: 'dockpit-lazy'} : undefined;
		});
		build.onLoad({filter: /.*/, namespace: 'dockpit-lazy'}, (args) => ({
			...standIn(lazy.find((item) => item.name === args.path)),
			loader: 'js',
		}));
	},
};
