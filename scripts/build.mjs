// Emits the shipped bundle: one minified ESM entry (dist/cli.js) plus lazily loaded chunks,
// so start-up pays for neither a compiler nor thousands of module look-ups.
import {build} from 'esbuild';
import {bundlePlugins} from './bundle-plugins.mjs';
import {rm, chmod} from 'node:fs/promises';

await rm('dist', {recursive: true, force: true});
await build({
	entryPoints: {cli: 'cli.tsx'},
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	minify: !process.env['DOCKPIT_NO_MINIFY'],
	legalComments: 'none',
	chunkNames: 'chunks/[name]-[hash]',
	define: {'process.env.NODE_ENV': '"production"'},
	// Ink imports react-devtools-core only when DEV is set; never ship it.
	alias: {'react-devtools-core': './scripts/devtools-stub.mjs'},
	plugins: bundlePlugins,
	// Native or optional modules stay outside the bundle: ssh2 loads them only for ssh:// engines.
	external: ['ssh2', 'cpu-features'],
	banner: {
		js: "import {createRequire as __dockpitRequire} from 'node:module';const require=__dockpitRequire(import.meta.url);",
	},
	logLevel: 'warning',
});
await chmod('dist/cli.js', 0o755);
