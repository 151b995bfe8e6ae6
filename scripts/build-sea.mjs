// Builds dist-sea/dockpit: one executable for linux-x64 that runs where Node is missing, with Node's
// single-executable-application support: everything (ssh2 included) is bundled into one ES module,
// dist-sea/dockpit.mjs, carried with a small start script in a blob that postject injects into a copy
// of the running node binary.
//
//   npm run build:sea            builds dist-sea/dockpit and prints its size
import {execFileSync} from 'node:child_process';
import {copyFile, chmod, mkdir, rm, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import {build} from 'esbuild';
import {inkOutputCache} from './ink-output-cache.mjs';
import {lazyModemSsh} from './lazy-modem-ssh.mjs';

const out = 'dist-sea';
const script = path.join(out, 'main.cjs');
const app = path.join(out, 'dockpit.mjs');
const blob = path.join(out, 'dockpit.blob');
const binary = path.join(out, 'dockpit');
// The fuse Node's single-executable support looks for; fixed by Node, given in its documentation.
const fuse = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

if (process.platform !== 'linux') {
	process.stderr.write('build:sea makes a linux executable; run it on linux\n');
	process.exit(2);
}

await rm(out, {recursive: true, force: true});
await mkdir(out, {recursive: true});

await build({
	entryPoints: ['cli.tsx'],
	outfile: app,
	bundle: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	minify: true,
	legalComments: 'none',
	define: {'process.env.NODE_ENV': '"production"', 'import.meta.url': 'importMetaUrl'},
	// meow reads import.meta.url, which for a module imported from a data: URL is that URL; the executable
	// is the only file there is, so it stands for every module's location.
	inject: ['scripts/sea-import-meta.mjs'],
	alias: {'react-devtools-core': './scripts/devtools-stub.mjs'},
	plugins: [lazyModemSsh, inkOutputCache],
	// ssh2's optional native parts: it falls back to its JavaScript code when they cannot load, as they
	// cannot inside a single executable.
	external: ['cpu-features', '*.node'],
	// CommonJS names some dependencies read (ssh2's agent code, dockerode's build session) stand for the
	// executable, as import.meta.url does.
	banner: {
		js: "import {createRequire as __dockpitRequire} from 'node:module';import {dirname as __dockpitDirname} from 'node:path';const require=__dockpitRequire(process.execPath),__filename=process.execPath,__dirname=__dockpitDirname(process.execPath);",
	},
	logLevel: 'warning',
});

// Node 20 starts a single executable with one CommonJS script; Ink and its layout engine use top-level
// await, which CommonJS cannot hold. So the script only imports the ESM application, carried in the
// blob as an asset, from a data: URL (dynamic import works inside a single executable).
await writeFile(
	script,
	[
		"'use strict';",
		"const code = require('node:sea').getAsset('dockpit.mjs', 'utf8');",
		"import('data:text/javascript;base64,' + Buffer.from(code).toString('base64')).catch((error) => {",
		"\tprocess.stderr.write('dockpit: ' + (error && error.message ? error.message : String(error)) + '\\n');",
		'\tprocess.exit(1);',
		'});',
		'',
	].join('\n'),
);

await writeFile(
	path.join(out, 'sea-config.json'),
	JSON.stringify({main: script, output: blob, disableExperimentalSEAWarning: true, assets: {'dockpit.mjs': app}}),
);
execFileSync(process.execPath, ['--experimental-sea-config', path.join(out, 'sea-config.json')], {stdio: 'inherit'});

await copyFile(process.execPath, binary);
await chmod(binary, 0o755);
// The node binary of some distributions carries debug symbols (Debian's: about a third of its size);
// they are not needed to run, so drop them when strip is at hand. Done before injecting: stripping after
// would drop the injected section.
try {
	execFileSync('strip', ['--strip-all', binary], {stdio: 'ignore'});
} catch {
	process.stderr.write('build:sea: strip is not available; the executable keeps its debug symbols\n');
}

execFileSync(
	process.execPath,
	[path.join('node_modules', 'postject', 'dist', 'cli.js'), binary, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', fuse],
	{stdio: ['ignore', 'ignore', 'inherit']},
);

const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const [binarySize, scriptSize] = await Promise.all([stat(binary), stat(app)]);
process.stdout.write(
	`build:sea: ${binary} ${mib(binarySize.size)} (the application script is ${mib(scriptSize.size)}; the rest is Node ${process.version})\n`,
);
