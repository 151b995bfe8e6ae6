// docker-modem requires its ssh agent (and so all of ssh2 and its crypto) when it loads, for every engine;
// dockpit never uses that agent (ssh:// goes through source/docker/ssh/, which imports ssh2 itself, and only
// for ssh:// engines). This esbuild plugin hands modem.js a stand-in that requires the real agent on its
// first call, so a local engine's start-up no longer loads ssh2 (measured: 100–400 ms on this machine).
import {fileURLToPath} from 'node:url';
import path from 'node:path';

const real = path.join(fileURLToPath(new URL('..', import.meta.url)), 'node_modules/docker-modem/lib/ssh.js');

/** @type {import('esbuild').Plugin} */
export const lazyModemSsh = {
	name: 'lazy-docker-modem-ssh',
	setup(build) {
		build.onResolve({filter: /^\.\/ssh$/}, (args) =>
			/docker-modem[/\\]lib[/\\]modem\.js$/.test(args.importer) ? {path: 'lazy-modem-ssh', namespace: 'dockpit'} : undefined,
		);
		build.onLoad({filter: /^lazy-modem-ssh$/, namespace: 'dockpit'}, () => ({
			contents: `module.exports = function (options) { return require(${JSON.stringify(real)})(options); };`,
			loader: 'js',
			resolveDir: path.dirname(real),
		}));
	},
};
