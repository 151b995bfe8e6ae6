// A terminal that goes away without a SIGHUP, and output piped into a reader that stopped: dockpit
// ends quietly (exit 129), with no crash log and no stack trace (issue 12, item 8).
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, it as plainIt} from 'node:test';
import {after, it, engineSuite, SCOPE_FILTER, waitFor} from '../helpers/engine.js';
import {CLI_PATH, startDockpit} from '../helpers/pty.js';
import {startSocketProxy} from '../helpers/socket-proxy.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'dockpit-gone-'));
after(() => {
	rmSync(scratch, {recursive: true, force: true});
});

const crashLogs = (stateHome: string) => {
	const folder = path.join(stateHome, 'dockpit');
	return existsSync(folder) ? readdirSync(folder) : [];
};

/** Runs dockpit in a session of its own (setsid), recording its pid, its stderr and its exit status. */
async function startDetached(folder: string, args: readonly string[], env: Record<string, string> = {}) {
	const files = {status: path.join(folder, 'status'), errors: path.join(folder, 'stderr'), pid: path.join(folder, 'pid')};
	const session = await startDockpit({
		command: [
			'sh',
			'-c',
			`trap "" HUP; setsid -w sh -c 'echo $$ >"$PIDFILE"; exec "$0" "$@"' "$0" "$@" 2>"$ERRORS"; echo $? >"$STATUS"`,
			CLI_PATH,
		],
		args,
		env: {...env, STATUS: files.status, ERRORS: files.errors, PIDFILE: files.pid},
	});
	const exitStatus = async () => {
		await waitFor(() => existsSync(files.status) && readFileSync(files.status, 'utf8').endsWith('\n'), {
			what: 'dockpit to exit',
			timeout: 20_000,
		});
		return readFileSync(files.status, 'utf8').trim();
	};

	return {session, files, exitStatus};
}

engineSuite('terminal gone', () => {
	it('ends quietly with 143 on a SIGTERM after the terminal vanished while start-up waits on a frozen engine', async (t) => {
		const folder = mkdtempSync(path.join(scratch, 'term-'));
		const stateHome = path.join(folder, 'state');
		const proxy = await startSocketProxy();
		t.after(() => proxy.close());
		proxy.freeze();
		const {session, files, exitStatus} = await startDetached(folder, ['--filter', SCOPE_FILTER], {
			DOCKER_HOST: `unix://${proxy.socketPath}`,
			XDG_STATE_HOME: stateHome,
		});
		const pid = () => Number(readFileSync(files.pid, 'utf8'));
		t.after(() => {
			try {
				process.kill(pid(), 'SIGKILL');
			} catch {
				// Never started, or already gone.
			}
		});
		// Its first request is held by the frozen proxy: dockpit has loaded and waits for the engine.
		await waitFor(() => proxy.accepted() > 0, {what: 'dockpit to ask the engine', timeout: 20_000});
		session.closeTerminal();
		process.kill(pid(), 'SIGTERM');
		// Before the fix Node's own exit put back the modes of the dead terminal: a native assertion, 134 or 139.
		assert.equal(await exitStatus(), '143');
		assert.doesNotMatch(readFileSync(files.errors, 'utf8'), /error|Error|Assertion|stack/);
		assert.deepEqual(crashLogs(stateHome), [], 'no crash log');
	});

	it('ends quietly with 129 and no crash log when the terminal vanishes without a SIGHUP', async (t) => {
		const stateHome = path.join(scratch, 'state');
		const status = path.join(scratch, 'status');
		const errors = path.join(scratch, 'stderr');
		const pidFile = path.join(scratch, 'pid');
		// A dockpit that does not notice (as before this fix) runs on without a terminal: end it here.
		t.after(() => {
			try {
				process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
			} catch {
				// Never started, or already gone.
			}
		});
		// setsid puts dockpit in a session of its own, without this terminal as its controlling one, so
		// closing the terminal sends it no SIGHUP (the shell around it ignores the one it gets).
		const session = await startDockpit({
			command: [
				'sh',
				'-c',
				`trap "" HUP; setsid -w sh -c 'echo $$ >"$PIDFILE"; exec "$0" "$@"' "$0" "$@" 2>"$ERRORS"; echo $? >"$STATUS"`,
				CLI_PATH,
			],
			args: ['--filter', SCOPE_FILTER],
			env: {XDG_STATE_HOME: stateHome, STATUS: status, ERRORS: errors, PIDFILE: pidFile},
		});
		await session.waitForText('Containers', {timeout: 20_000});
		session.closeTerminal();
		await waitFor(() => existsSync(status) && readFileSync(status, 'utf8').endsWith('\n'), {
			what: 'dockpit to exit',
			timeout: 20_000,
		});
		assert.equal(readFileSync(status, 'utf8').trim(), '129');
		// stderr is a file here, so the cursor-showing sequence Ink's exit hook writes lands in it; on a real
		// dead terminal that write fails silently. No message, stack trace or native assertion, though.
		assert.doesNotMatch(readFileSync(errors, 'utf8'), /error|Error|Assertion|stack/);
		assert.deepEqual(crashLogs(stateHome), [], 'no crash log');
	});
});

describe('output piped into a reader that stopped', () => {
	plainIt('ends dockpit --version quietly with 129 (EPIPE), and --help too', {timeout: 60_000}, () => {
		for (const flag of ['--version', '--help']) {
			const result = spawnSync('bash', ['-c', 'set -o pipefail; "$0" "$1" | true', CLI_PATH, flag], {
				encoding: 'utf8',
				timeout: 30_000,
				env: {...process.env, XDG_STATE_HOME: path.join(scratch, 'pipe-state')},
			});
			assert.doesNotMatch(result.stderr, /EPIPE|Error|internal error/, flag);
			assert.ok(result.status === 129 || result.status === 0, `${flag} exited ${result.status}`);
		}
	});
});
