// Modules that dockpit's dependencies require as they load, for features a local engine's start-up never
// uses. This esbuild plugin hands each importer a stand-in that loads the real module on its first call,
// so start-up neither evaluates them nor waits for them:
// - docker-modem's ssh agent, and with it all of ssh2 and its crypto (100–400 ms here); dockpit's ssh://
//   engines go through source/docker/ssh/, which imports ssh2 itself, and only for ssh:// engines.
// - dockerode's BuildKit session (`buildImage` with version "2"), and with it @grpc/grpc-js, proto-loader
//   and protobufjs (~400 KB of the engine chunk, evaluated at every start before); dockpit builds with the
//   classic builder. Its stand-in imports the session dynamically, so those modules are a chunk of their
//   own, not even parsed at start-up; the session reports through its callback, so a failed import does too.
import {fileURLToPath} from 'node:url';
import path from 'node:path';

const modules = path.join(fileURLToPath(new URL('..', import.meta.url)), 'node_modules');

/**
 * Each stand-in: who requires it, by which request, the file it stands for (a module exporting one function),
 * and, for one called with a node-style callback, which argument that is (then it is loaded asynchronously).
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
];

const standIn = (entry, real) =>
	entry.callbackArgument === undefined
		? `module.exports = function (...args) { return require(${real})(...args); };`
		: `module.exports = function (...args) { import(${real}).then((loaded) => (loaded.default ?? loaded)(...args), (error) => args[${entry.callbackArgument}](error)); };`;

/** @type {import('esbuild').Plugin} */
export const lazyRequires = {
	name: 'lazy-requires',
	setup(build) {
		build.onResolve({filter: /^\.\/(ssh|session)$/}, (args) => {
			const entry = lazy.find((item) => item.request === args.path && item.importer.test(args.importer));
			return entry ? {path: entry.name, namespace: 'dockpit-lazy'} : undefined;
		});
		build.onLoad({filter: /.*/, namespace: 'dockpit-lazy'}, (args) => {
			const entry = lazy.find((item) => item.name === args.path);
			const real = path.join(modules, entry.real);
			return {
				contents: standIn(entry, JSON.stringify(real)),
				loader: 'js',
				resolveDir: path.dirname(real),
			};
		});
	},
};
