// Start-up refusals of the built CLI, as a user meets them: special files given as the config, and flags
// or endpoints that are wrong. Each must end quickly with a clear message and the right exit code.
import assert from 'node:assert/strict';
import {execFile, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, symlinkSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {CLI_PATH} from '../helpers/pty.js';

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
