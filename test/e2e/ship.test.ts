// The two artefacts a user gets, run as a user runs them against the real engine: the npm package
// (packed, installed globally into a private prefix with no compiler) and the single executable (run
// with a PATH that holds no node). Each lists a labelled container and quits with 0, leaving the
// terminal as it found it.
import assert from 'node:assert/strict';
import {execFile, spawnSync} from 'node:child_process';
import {chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {packAndInstall, type Installed} from '../../scripts/package-install.js';
import {REPO_ROOT, isAlternateScreen, isCursorHidden, startDockpit} from '../helpers/pty.js';
import {sshdStatus, startSshd, type Sshd} from '../helpers/sshd.js';
import {SCOPE_FILTER, after, before, createContainer, engineSuite, it, uniqueName} from '../helpers/engine.js';

const run = promisify(execFile);
const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {version: string}).version;

/** Starts `command` in a pty, waits for `name` in the list, quits with q and checks the exit and the terminal. */
async function listsAndQuits(
	command: string,
	name: string,
	env: Record<string, string | undefined> = {},
	args: readonly string[] = [],
): Promise<void> {
	const session = await startDockpit({command: [command], args: [...args, '--filter', SCOPE_FILTER], env, cols: 120, rows: 30});
	await session.waitForScreen((screen) => screen.includes(name) && screen.includes('running'), {
		what: `${name} listed as running`,
		timeout: 20_000,
	});
	await session.press('q');
	const status = await session.exited;
	assert.equal(status.exitCode, 0, 'q exits with 0');
	assert.equal(isAlternateScreen(session), false, 'the main screen is back');
	assert.equal(isCursorHidden(session), false, 'the cursor is shown');
}

engineSuite('the npm package, as installed from its tarball', () => {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'dockpit-ship-'));
	const name = uniqueName('ship-npm');
	let installed: Installed;

	before(async () => {
		await createContainer({name});
		installed = await packAndInstall(REPO_ROOT, folder);
	});
	after(() => rmSync(folder, {recursive: true, force: true}));

	it('holds the bundle and nothing of the sources or tests', async () => {
		const {stdout} = await run('tar', ['-tzf', installed.tarball]);
		const files = stdout.trim().split('\n');
		assert.ok(files.includes('package/dist/cli.js'), 'the shipped entry');
		assert.ok(files.includes('package/README.md') && files.includes('package/CHANGELOG.md'));
		assert.deepEqual(
			files.filter((file) => /^package\/(source|test|bench|scripts)\/|\.tsx?$/.test(file)),
			[],
			'no sources, tests or scripts',
		);
	});

	it('installs with no compiler and runs: --version, then the dashboard lists the container and q exits 0', async () => {
		const {stdout} = await run(installed.bin, ['--version']);
		assert.match(stdout, new RegExp(`^dockpit ${version.replaceAll('.', '\\.')}\\n.*Engine`));
		await listsAndQuits(installed.bin, name);
	});
});

engineSuite('the single executable, where no node is on the PATH', () => {
	const binary = path.join(REPO_ROOT, 'dist-sea', 'dockpit');
	const emptyPath = mkdtempSync(path.join(os.tmpdir(), 'dockpit-no-node-'));
	const name = uniqueName('ship-sea');

	before(async () => {
		await createContainer({name});
		// Builds dist-sea/ beside dist/, which the other suites run from: nothing of theirs changes.
		await run(process.execPath, ['scripts/build-sea.mjs'], {cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024});
	});
	after(() => rmSync(emptyPath, {recursive: true, force: true}));

	it('the PATH given to it holds no node', () => {
		const found = spawnSync('sh', ['-c', 'command -v node'], {env: {PATH: emptyPath}});
		assert.notEqual(found.status, 0, 'node is not found on that PATH');
	});

	it('prints the same version as the package, and the engine', async () => {
		const {stdout} = await run(binary, ['--version'], {env: {PATH: emptyPath}});
		assert.match(stdout, new RegExp(`^dockpit ${version.replaceAll('.', '\\.')}\\n.*Engine`));
	});

	it('unpacks its application once, into a private cache folder, and runs from a temporary one without it', async () => {
		const scratch = mkdtempSync(path.join(os.tmpdir(), 'dockpit-sea-cache-'));
		try {
			const cache = path.join(scratch, 'cache');
			await run(binary, ['--version'], {env: {PATH: emptyPath, XDG_CACHE_HOME: cache}});
			const folders = readdirSync(path.join(cache, 'dockpit'));
			assert.equal(folders.length, 1, `one unpacked version: ${folders.join(', ')}`);
			assert.match(folders[0]!, /^sea-[\da-f]{16}$/);
			const folder = path.join(cache, 'dockpit', folders[0]!);
			assert.equal(statSync(folder).mode & 0o777, 0o700, 'only its user reads it');
			assert.equal(statSync(path.join(cache, 'dockpit')).mode & 0o777, 0o700);
			const entry = path.join(folder, 'cli.mjs');
			const unpacked = statSync(entry).mtimeMs;
			await run(binary, ['--version'], {env: {PATH: emptyPath, XDG_CACHE_HOME: cache}});
			assert.equal(statSync(entry).mtimeMs, unpacked, 'the second start uses the files already there');
			// A cache folder others may write is not trusted: the files are not run from there.
			const shared = path.join(scratch, 'shared');
			mkdirSync(path.join(shared, 'dockpit'), {recursive: true, mode: 0o777});
			chmodSync(path.join(shared, 'dockpit'), 0o777);
			const fromShared = path.join(scratch, 'tmp-shared');
			mkdirSync(fromShared);
			await run(binary, ['--version'], {env: {PATH: emptyPath, XDG_CACHE_HOME: shared, TMPDIR: fromShared}});
			assert.deepEqual(readdirSync(path.join(shared, 'dockpit')), [], 'nothing unpacked where others may write');
			// A cache that cannot be made (a file stands where its folder would go): a private temporary
			// folder instead, gone when dockpit exits.
			const blocked = path.join(scratch, 'blocked');
			writeFileSync(blocked, '');
			const temporary = path.join(scratch, 'tmp');
			mkdirSync(temporary);
			const {stdout} = await run(binary, ['--version'], {env: {PATH: emptyPath, XDG_CACHE_HOME: blocked, TMPDIR: temporary}});
			assert.match(stdout, /^dockpit /);
			assert.deepEqual(readdirSync(temporary), [], 'the temporary folder is removed at exit');
		} finally {
			rmSync(scratch, {recursive: true, force: true});
		}
	});

	// The harness passes its own environment on; these replace it (undefined removes a variable).
	const bare = (extra: Record<string, string> = {}) => ({
		...Object.fromEntries(Object.keys(process.env).map((key) => [key, undefined])),
		PATH: emptyPath,
		TERM: 'xterm-256color',
		LANG: 'C.UTF-8',
		...extra,
	});

	it('lists the container and q exits 0, with only PATH, TERM and LANG set', async () => {
		await listsAndQuits(binary, name, bare());
	});

	const sshd = sshdStatus();
	it('reaches an ssh:// engine the same way (ssh2 is inside it)', sshd.ok ? {} : {skip: sshd.reason}, async () => {
		let server: Sshd | undefined;
		const home = mkdtempSync(path.join(os.tmpdir(), 'dockpit-ship-home-'));
		try {
			server = await startSshd();
			mkdirSync(path.join(home, '.ssh'));
			writeFileSync(path.join(home, '.ssh', 'known_hosts'), server.knownHosts);
			await listsAndQuits(binary, name, bare({HOME: home}), [
				'--host',
				`ssh://root@127.0.0.1:${server.port}`,
				'--identity',
				server.keyFile,
			]);
		} finally {
			await server?.stop();
			rmSync(home, {recursive: true, force: true});
		}
	});
});
