// dist/cli.js, the file the `dockpit` command runs (scripts/bundle-options.mjs builds it). It compiles the
// application, dist/app.js (cli.tsx and everything it imports, as one function), with V8's code cache and
// calls it. Compiling is most of what a start spends on dockpit's own code: without the cache, V8 parses
// the script and then every function the first frame calls; with it, it reads back the code a previous
// start compiled (docs/performance.md: the first frame 25 % sooner).
//
// The cache is kept in $XDG_CACHE_HOME/dockpit/ (default ~/.cache/dockpit/), one file per build of
// app.js, Node version and flags, written a few seconds after the first frame of a start that had none
// (or whose cache V8 refused), so it holds the code the start-up ran. V8 runs what it reads there as
// code, so it is read only from a folder and file of this user that no one else may write, and is
// written beside and renamed into place. DOCKPIT_CODE_CACHE=off neither reads nor writes it.
import {lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import vm from 'node:vm';

/** app.js's build id, set by the build (a hash of the file). */
declare const DOCKPIT_BUILD: string;

/** What became of the code cache in this start; the start-up trace reports it. */
export type CodeCacheStatus = 'used' | 'absent' | 'refused' | 'written' | 'off' | 'untrusted';

/** What the launcher tells the application (source/app/startup-trace.ts reads it). */
export type LauncherNote = {
	/** 'written' once a start that had none ('absent') or whose file V8 refused ('refused') has saved it. */
	codeCache: CodeCacheStatus;
	/** Called by the application when its first frame is out. */
	readonly firstFrame: () => void;
};

/** Where the note is found: a global, because the launcher and the application are separate files. */
const launcherKey = Symbol.for('dockpit.launcher');

/** How long after the first frame the cache is written: past the start's own work and the first engine data. */
const saveDelayMs = 3000;

/** A 32-bit FNV-1a hash, in hex: names the cache per Node version and flags without loading node:crypto. */
function shortHash(text: string): string {
	let hash = 0x81_1c_9d_c5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01_00_01_93) >>> 0;
	}

	return hash.toString(16).padStart(8, '0');
}

/** Whether `file` is this user's and no one else may write it (a folder or a regular file, as asked). */
function isPrivate(file: string, kind: 'folder' | 'file'): boolean {
	const info = lstatSync(file, {throwIfNoEntry: false});
	if (!info || (kind === 'folder' ? !info.isDirectory() : !info.isFile())) return false;
	return (process.getuid === undefined || info.uid === process.getuid()) && (info.mode & 0o022) === 0;
}

function cacheFolder(): string {
	const xdg = process.env['XDG_CACHE_HOME'];
	return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(homedir(), '.cache'), 'dockpit');
}

const app = path.join(__dirname, 'app.js');
// ASCII (the build checks): Latin-1 is a plain copy into a one-byte string, with no UTF-8 decoding.
const source = readFileSync(app, 'latin1');
const enabled = process.env['DOCKPIT_CODE_CACHE'] !== 'off';
const folder = cacheFolder();
const prefix = `code-${DOCKPIT_BUILD}-`;
const cacheFile = path.join(folder, `${prefix}${shortHash([process.version, process.arch, ...process.execArgv].join('\0'))}.bin`);

let cachedData: Buffer | undefined;
let status: CodeCacheStatus = 'off';
if (enabled) {
	try {
		status = 'absent';
		if (isPrivate(folder, 'folder') && isPrivate(cacheFile, 'file')) cachedData = readFileSync(cacheFile);
		else if (lstatSync(folder, {throwIfNoEntry: false}) && !isPrivate(folder, 'folder')) status = 'untrusted';
	} catch {
		// No cache, or none readable: compiled from source, as without one.
	}
}

const script = new vm.Script(source, {
	filename: app,
	cachedData,
	// The application imports nothing dynamically (the build turns such imports into requires); should a
	// dependency still do it, it loads as from an ES module.
	importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
if (cachedData) status = script.cachedDataRejected ? 'refused' : 'used';
// The file's bytes (about 1 MB) are not needed once V8 has read them.
cachedData = undefined;

/** Writes the code compiled so far, for the next start; any failure leaves the cache as it was. */
function save(): void {
	try {
		mkdirSync(folder, {recursive: true, mode: 0o700});
		if (!isPrivate(folder, 'folder')) {
			note.codeCache = 'untrusted';
			return;
		}

		const partial = `${cacheFile}.${process.pid}.partial`;
		writeFileSync(partial, script.createCachedData(), {mode: 0o600});
		renameSync(partial, cacheFile);
		note.codeCache = 'written';
		// Other builds' caches are of no use any more (this build's for another Node version stay).
		for (const name of readdirSync(folder)) {
			if (name.startsWith('code-') && !name.startsWith(prefix)) rmSync(path.join(folder, name), {force: true});
		}
	} catch {
		// A cache that cannot be written costs the next start its compile, nothing else.
	}
}

const note: LauncherNote = {
	codeCache: status,
	firstFrame() {
		if (status === 'absent' || status === 'refused') setTimeout(save, saveDelayMs).unref();
	},
};
(globalThis as Record<symbol, unknown>)[launcherKey] = note;

const run = script.runInThisContext() as (...parameters: unknown[]) => void;
const url = pathToFileURL(app).href;
// CommonJS's own names, for the bundled code that reads them: this file's require resolves from dist/.
run({}, require, {exports: {}}, app, __dirname, url, {url});
