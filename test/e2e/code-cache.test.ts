// The launcher's code cache (source/app/launcher.ts), as the shipped dist/cli.js runs against the real
// engine in a pty: the first start compiles and saves the cache after its first frame, the next one runs
// from it, a damaged file is refused and replaced, and a folder others may write is never used. Each
// start reports what it did in its start-up trace (DOCKPIT_TRACE_STARTUP).
import assert from 'node:assert/strict';
import {chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {startDockpit} from '../helpers/pty.js';
import {SCOPE_FILTER, after, before, createContainer, engineSuite, it, uniqueName, waitFor} from '../helpers/engine.js';

engineSuite('the code cache', () => {
	const home = mkdtempSync(path.join(os.tmpdir(), 'dockpit-code-cache-'));
	const cacheHome = path.join(home, 'cache');
	const folder = path.join(cacheHome, 'dockpit');
	const trace = path.join(home, 'trace.json');
	const name = uniqueName('code-cache');
	const codeFiles = () => {
		try {
			return readdirSync(folder).filter((file) => file.startsWith('code-'));
		} catch {
			return [];
		}
	};

	/** Starts dockpit, waits for the container, optionally for `until`, quits; returns the trace's codeCache. */
	async function start(env: Record<string, string> = {}, until?: () => boolean): Promise<string> {
		rmSync(trace, {force: true});
		const session = await startDockpit({
			args: ['--filter', SCOPE_FILTER],
			env: {XDG_CACHE_HOME: cacheHome, DOCKPIT_TRACE_STARTUP: trace, ...env},
			cols: 120,
			rows: 30,
		});
		await session.waitForText(name, {timeout: 20_000});
		if (until) await waitFor(until, {timeout: 15_000, what: 'the code cache written'});
		await session.press('q');
		assert.equal((await session.exited).exitCode, 0, 'q exits with 0');
		return (JSON.parse(readFileSync(trace, 'utf8')) as {codeCache: string}).codeCache;
	}

	before(async () => {
		await createContainer({name});
	});
	after(() => rmSync(home, {recursive: true, force: true}));

	it('is written after the first start, private, and used by the next', async () => {
		assert.equal(await start({}, () => codeFiles().length === 1), 'absent');
		const [file] = codeFiles();
		assert.equal(statSync(folder).mode & 0o777, 0o700, 'the folder is private');
		assert.equal(statSync(path.join(folder, file!)).mode & 0o777, 0o600, 'the file is private');
		assert.ok(statSync(path.join(folder, file!)).size > 100_000, 'the file holds compiled code');
		assert.equal(await start(), 'used');
	});

	it('refuses a damaged file, starts anyway and replaces it', async () => {
		const file = path.join(folder, codeFiles()[0]!);
		const damaged = Buffer.alloc(statSync(file).size, 0x5a);
		writeFileSync(file, damaged);
		assert.equal(await start({}, () => !readFileSync(file).equals(damaged)), 'refused');
		assert.equal(await start(), 'used');
	});

	it('is neither read nor written with DOCKPIT_CODE_CACHE=off', async () => {
		rmSync(folder, {recursive: true, force: true});
		assert.equal(await start({DOCKPIT_CODE_CACHE: 'off'}), 'off');
		assert.deepEqual(codeFiles(), []);
	});

	it('never uses a folder that others may write', async () => {
		mkdirSync(folder, {recursive: true});
		chmodSync(folder, 0o777);
		assert.equal(await start(), 'untrusted');
		// Time for a save that must not happen (the launcher saves 3 s after the first frame).
		const session = await startDockpit({args: ['--filter', SCOPE_FILTER], env: {XDG_CACHE_HOME: cacheHome}, cols: 120, rows: 30});
		await session.waitForText(name, {timeout: 20_000});
		await new Promise((resolve) => setTimeout(resolve, 4000));
		await session.press('q');
		await session.exited;
		assert.deepEqual(codeFiles(), [], 'nothing written there');
	});
});
