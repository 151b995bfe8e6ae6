// Builds dist-sea/dockpit: one executable for linux-x64 that runs where Node is missing, with Node's
// single-executable-application support. The application is bundled as for dist/ (an ES module entry plus
// chunks loaded when needed; ssh2 included), and every file goes into the blob as an asset, with a small
// start script; postject injects the blob into a copy of the running node binary.
//
// At its first start the executable unpacks those files into $XDG_CACHE_HOME/dockpit/sea-<hash>/ (or
// ~/.cache/…; folders 0700), and every start imports the entry from there: Node then loads only the chunks a
// run needs, as from a clone, instead of compiling the whole application from a data: URL at each start
// (measured: twice the start-up of the clone). Where that folder cannot be written it unpacks into a new
// private temporary folder, removed at exit.
//
//   npm run build:sea            builds dist-sea/dockpit and prints its size
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {copyFile, chmod, mkdir, readdir, readFile, rm, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import {build} from 'esbuild';
import {bundlePlugins} from './bundle-plugins.mjs';

const out = 'dist-sea';
const script = path.join(out, 'main.cjs');
const app = path.join(out, 'app');
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
	entryPoints: {cli: 'cli.tsx'},
	outdir: app,
	outExtension: {'.js': '.mjs'},
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
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
	plugins: bundlePlugins,
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

// The application's files, by path under app/, and a hash of them all: the name of the folder they unpack to.
const files = (await readdir(app, {recursive: true, withFileTypes: true}))
	.filter((entry) => entry.isFile())
	.map((entry) => path.relative(app, path.join(entry.parentPath ?? entry.path, entry.name)))
	.sort();
const hash = createHash('sha256');
for (const file of files)
	hash
		.update(file)
		.update('\0')
		.update(await readFile(path.join(app, file)))
		.update('\0');
const manifest = {hash: hash.digest('hex').slice(0, 16), entry: 'cli.mjs', files};

// Node 20 starts a single executable with one CommonJS script; Ink and its layout engine use top-level
// await, which CommonJS cannot hold. So the script unpacks the ESM application (see the top of this file)
// and imports it.
await writeFile(
	script,
	`'use strict';
const sea = require('node:sea');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const {pathToFileURL} = require('node:url');
const manifest = JSON.parse(sea.getAsset('manifest.json', 'utf8'));
const marker = 'complete-' + manifest.hash;
function unpackInto(folder) {
	for (const file of manifest.files) {
		const target = path.join(folder, file);
		fs.mkdirSync(path.dirname(target), {recursive: true, mode: 0o700});
		fs.writeFileSync(target, Buffer.from(sea.getAsset('app/' + file)), {mode: 0o600});
	}
	fs.writeFileSync(path.join(folder, marker), '', {mode: 0o600});
}
function cached() {
	const xdg = process.env.XDG_CACHE_HOME;
	const base = path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache'), 'dockpit');
	const folder = path.join(base, 'sea-' + manifest.hash);
	fs.mkdirSync(base, {recursive: true, mode: 0o700});
	// Code is run from there: only a folder of this user's that no one else may write is trusted.
	for (const checked of [base, folder]) {
		const info = fs.existsSync(checked) ? fs.lstatSync(checked) : undefined;
		if (info && (!info.isDirectory() || info.uid !== process.getuid() || (info.mode & 0o022) !== 0)) {
			throw new Error(checked + ' is not a private folder of this user');
		}
	}
	if (fs.existsSync(path.join(folder, marker))) return folder;
	// Unpacked beside, then renamed: a second dockpit starting meanwhile never sees half the files.
	const temporary = fs.mkdtempSync(folder + '.partial-');
	try {
		unpackInto(temporary);
		fs.renameSync(temporary, folder);
	} catch (error) {
		fs.rmSync(temporary, {recursive: true, force: true});
		if (!fs.existsSync(path.join(folder, marker))) throw error;
	}
	return folder;
}
function temporary() {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dockpit-sea-'));
	process.on('exit', () => fs.rmSync(folder, {recursive: true, force: true}));
	unpackInto(folder);
	return folder;
}
let folder;
try {
	folder = cached();
} catch {
	folder = temporary();
}
import(pathToFileURL(path.join(folder, manifest.entry)).href).catch((error) => {
	process.stderr.write('dockpit: ' + (error && error.message ? error.message : String(error)) + '\\n');
	process.exit(1);
});
`,
);

await writeFile(path.join(out, 'manifest.json'), JSON.stringify(manifest));
await writeFile(
	path.join(out, 'sea-config.json'),
	JSON.stringify({
		main: script,
		output: blob,
		disableExperimentalSEAWarning: true,
		assets: Object.fromEntries([
			['manifest.json', path.join(out, 'manifest.json')],
			...files.map((file) => [`app/${file}`, path.join(app, file)]),
		]),
	}),
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
const binarySize = (await stat(binary)).size;
let appSize = 0;
for (const file of files) appSize += (await stat(path.join(app, file))).size;
process.stdout.write(
	`build:sea: ${binary} ${mib(binarySize)} (the application is ${mib(appSize)} in ${files.length} files, unpacked once to sea-${manifest.hash}; the rest is Node ${process.version})\n`,
);
