// The esbuild options of the shipped bundle (dist/), shared by build.mjs and the test that checks what
// start-up loads (test/unit/lazy-requires.test.ts), so the test reads the bundle users get.
import {bundlePlugins} from './bundle-plugins.mjs';

/** @param {string} outdir @returns {import('esbuild').BuildOptions} */
export const distOptions = (outdir) => ({
	entryPoints: {cli: 'cli.tsx'},
	outdir,
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
