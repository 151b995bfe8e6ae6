// Start-up refusals of the built CLI, as a user meets them: special files given as the config, and flags
// or endpoints that are wrong. Each must end quickly with a clear message and the right exit code.
import assert from 'node:assert/strict';
import {execFile, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {CLI_PATH, startDockpit} from '../helpers/pty.js';
import {engineSuite, it as engineIt} from '../helpers/engine.js';

type Outcome = {readonly code: number | null; readonly stdout: string; readonly stderr: string; readonly timedOut: boolean};

/** Runs the CLI without a terminal; a run past `timeout` is killed and reported as timed out. */
function dockpit(args: readonly string[], env: Readonly<Record<string, string>> = {}, timeout = 20_000): Promise<Outcome> {
	return new Promise((resolve) => {
		const child = execFile(
			process.execPath,
			[CLI_PATH, ...args],
			{env: {...process.env, ...env}, timeout, killSignal: 'SIGKILL', maxBuffer: 1024 * 1024},
			(error, stdout, stderr) => {
				resolve({
					code: child.exitCode,
					stdout,
					stderr,
					timedOut: Boolean(error && (error as {killed?: boolean}).killed),
				});
			},
		);
	});
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'dockpit-start-up-'));
after(() => rmSync(scratch, {recursive: true, force: true}));

/** An XDG_CONFIG_HOME whose dockpit/config.json is made by `place`. */
function configHome(name: string, place: (file: string) => void): string {
	const home = path.join(scratch, name);
	mkdirSync(path.join(home, 'dockpit'), {recursive: true});
	place(path.join(home, 'dockpit', 'config.json'));
	return home;
}

describe('special files as the config', () => {
	it('a FIFO does not hang start-up: exit 2, saying it is not a regular file', async () => {
		const home = configHome('fifo', (file) => {
			assert.equal(spawnSync('mkfifo', [file]).status, 0, 'mkfifo');
		});
		const outcome = await dockpit(['--print-config'], {XDG_CONFIG_HOME: home});
		assert.equal(outcome.timedOut, false, 'start-up ended by itself');
		assert.equal(outcome.code, 2, outcome.stderr);
		assert.match(outcome.stderr, /config\.json: not a regular file \(a FIFO\)/);
	});

	it('/dev/zero does not fill memory: exit 2, saying it is not a regular file', async () => {
		const home = configHome('zero', (file) => symlinkSync('/dev/zero', file));
		const outcome = await dockpit(['--print-config'], {XDG_CONFIG_HOME: home});
		assert.equal(outcome.timedOut, false, 'start-up ended by itself');
		assert.equal(outcome.code, 2, outcome.stderr);
		assert.match(outcome.stderr, /config\.json: not a regular file \(a character device\)/);
	});
});

/** An environment where nothing but the flags picks the engine. */
const plain = {DOCKER_HOST: '', DOCKER_CONTEXT: '', XDG_CONFIG_HOME: path.join(scratch, 'none')};

describe('messages that say what is wrong', () => {
	it('--log-lines abc is bad usage quoting "abc", never NaN', async () => {
		const outcome = await dockpit(['--log-lines', 'abc', '--print-config'], plain);
		assert.equal(outcome.code, 2, outcome.stderr);
		assert.match(outcome.stderr, /^dockpit: --log-lines abc: expected a whole number/);
		assert.doesNotMatch(outcome.stderr + outcome.stdout, /NaN/);
	});

	it('--host without a value is bad usage, not silently the default engine', async () => {
		for (const args of [
			['--print-config', '--host'],
			['--host=', '--print-config'],
			['--print-config', '-H'],
		]) {
			const outcome = await dockpit(args, plain);
			assert.equal(outcome.code, 2, `${args.join(' ')}: ${outcome.stderr}`);
			assert.match(outcome.stderr, /^dockpit: --host needs a value/, args.join(' '));
		}
	});

	it('a regular file given as the socket is reported as such, not as nothing listening', async () => {
		const file = path.join(scratch, 'not-a-socket');
		writeFileSync(file, '');
		const outcome = await dockpit(['-H', `unix://${file}`], plain);
		assert.equal(outcome.code, 1, outcome.stderr);
		assert.match(outcome.stderr, new RegExp(`ENOTSOCK: ${file} is a regular file, not a socket`));
		assert.doesNotMatch(outcome.stderr, /nothing is listening|ECONNREFUSED/);
	});

	it('an HTTP server answering HTML is reported as not a Docker engine, without its page', async () => {
		const server = http.createServer((_request, response) => {
			response.writeHead(404, {'content-type': 'text/html'});
			response.end('<!DOCTYPE html>\n<html><body><h1>Not Found</h1>\u001B]0;pwned\u0007</body></html>\n');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const {port} = server.address() as AddressInfo;
			const outcome = await dockpit(['-H', `tcp://127.0.0.1:${port}`], plain);
			assert.equal(outcome.code, 1, outcome.stderr);
			assert.match(outcome.stderr, /an HTTP server that is not a Docker engine answered \(HTTP 404, a web page\)/);
			assert.match(outcome.stderr, /but it is not a Docker engine: check the host and port/);
			assert.doesNotMatch(outcome.stderr, /ECONNREFUSED|<html|\u001B/);
		} finally {
			server.close();
		}
	});
});

engineSuite('a filter the engine refuses', () => {
	engineIt('--filter status=nonsense is bad usage (exit 2) with the engine’s message', async () => {
		const outcome = await dockpit(['--filter', 'status=nonsense'], plain);
		assert.equal(outcome.code, 2, outcome.stderr);
		assert.match(outcome.stderr, /^dockpit: --filter: the engine refused it: Invalid filter 'status=nonsense'/);
		assert.doesNotMatch(outcome.stderr, /could not reach/);
	});
});

// Node's built-ins a local engine never uses (scripts/lazy-requires.mjs, source/docker/node-builtins.ts):
// each would be compiled at every start, and https alone brings tls and a dozen crypto modules.
engineSuite('what a start loads', () => {
	engineIt('showing the list and quitting loads no crypto, https, tls, zlib or child_process', async () => {
		const preload = path.join(scratch, 'builtins.mjs');
		const list = path.join(scratch, 'builtins.txt');
		writeFileSync(
			preload,
			`import {writeFileSync} from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));\n`,
		);
		const session = await startDockpit({command: [process.execPath, '--import', preload, CLI_PATH], cols: 120, rows: 30});
		await session.waitForText('Containers');
		await session.press('q');
		assert.equal((await session.exited).exitCode, 0);
		const loaded = readFileSync(list, 'utf8').split('\n');
		assert.ok(loaded.includes('NativeModule http'), 'the list is read (the record works)');
		for (const name of ['crypto', 'https', 'tls', 'zlib', 'child_process']) {
			assert.ok(!loaded.includes(`NativeModule ${name}`), `${name} was loaded`);
		}
	});
});
