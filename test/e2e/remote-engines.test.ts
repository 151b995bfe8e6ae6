// dockpit against engines that are not the local socket: tcp:// through a socat bridge to the local
// engine, a docker context naming it, and ssh:// through an OpenSSH server on a loopback port with a
// throwaway key. Each test acts through the dashboard, then checks the engine.
import assert from 'node:assert/strict';
import {spawn, spawnSync, execFile, type ChildProcess} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {describe} from 'node:test';
import {promisify} from 'node:util';
import stripAnsi from 'strip-ansi';
import {contextId} from '../../source/docker/connect/endpoint.js';
import {
	after,
	before,
	containerState,
	createContainer,
	it,
	engineSuite,
	SCOPE_FILTER,
	uniqueName,
	waitFor,
} from '../helpers/engine.js';
import {CLI_PATH, startDockpit, type Session} from '../helpers/pty.js';
import {sshdStatus, startSshd, type Sshd} from '../helpers/sshd.js';

const run = promisify(execFile);

/** Without a tool the suite is skipped with the reason, except under CI, where it must fail. */
function needs(reason: string | undefined): {skip?: string} {
	if (!reason) return {};
	if (process.env['CI'] === 'true') throw new Error(`${reason} (required when CI=true; scripts/provision-engine.sh installs it)`);
	return {skip: reason};
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const {port} = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

const rowOf = (screen: string, name: string) => screen.split('\n').find((line) => line.includes(` ${name} `)) ?? '';

/** A HOME with nothing in it, so the user's docker contexts and ssh config stay out of the test. */
function emptyHome(): string {
	return mkdtempSync(path.join(os.tmpdir(), 'dockpit-home-'));
}

const socatMissing = spawnSync('socat', ['-V']).error ? 'socat is not installed (apt-get install socat)' : undefined;

engineSuite('tcp:// engines and docker contexts', () => {
	let bridge: ChildProcess | undefined;
	let port: number;
	let home: string;

	before(async () => {
		if (socatMissing) return;
		port = await freePort();
		bridge = spawn('socat', [`TCP-LISTEN:${port},bind=127.0.0.1,reuseaddr,fork`, 'UNIX-CONNECT:/var/run/docker.sock'], {
			stdio: 'ignore',
		});
		await waitFor(
			() =>
				new Promise<boolean>((resolve) => {
					const socket = net.connect(port, '127.0.0.1', () => {
						socket.destroy();
						resolve(true);
					});
					socket.once('error', () => resolve(false));
				}),
			{what: `socat listening on ${port}`},
		);
		home = emptyHome();
	});
	after(() => {
		bridge?.kill();
		if (home) rmSync(home, {recursive: true, force: true});
	});

	it('works over tcp://127.0.0.1:PORT given with --host', needs(socatMissing), async () => {
		const name = uniqueName('tcp');
		await createContainer({name});
		const session = await startDockpit({
			args: ['--host', `tcp://127.0.0.1:${port}`, '--filter', SCOPE_FILTER],
			env: {HOME: home, DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined},
		});
		try {
			const screen = await session.waitForScreen((s) => rowOf(s, name).includes('running'), {what: `${name} running`});
			assert.match(screen.split('\n')[0] ?? '', new RegExp(`tcp://127\\.0\\.0\\.1:${port}`));
			await session.press('/');
			await session.type(name);
			await session.press('enter', 's');
			await session.waitForText(`Stopped ${name}`, {timeout: 20_000});
			const state = await containerState(name);
			assert.ok(state.exists && !state.state.Running);
		} finally {
			await session.close();
		}
	});

	it('follows DOCKER_CONTEXT to a context file, and shows the context in the header', needs(socatMissing), async () => {
		const meta = path.join(home, '.docker', 'contexts', 'meta', contextId('loop'));
		mkdirSync(meta, {recursive: true});
		writeFileSync(
			path.join(meta, 'meta.json'),
			JSON.stringify({Name: 'loop', Metadata: {}, Endpoints: {docker: {Host: `tcp://127.0.0.1:${port}`, SkipTLSVerify: false}}}),
		);
		const name = uniqueName('ctx');
		await createContainer({name});
		const session = await startDockpit({
			args: ['--filter', SCOPE_FILTER],
			env: {HOME: home, DOCKER_HOST: undefined, DOCKER_CONTEXT: 'loop'},
		});
		try {
			const screen = await session.waitForText(name);
			assert.match(screen.split('\n')[0] ?? '', new RegExp(`tcp://127\\.0\\.0\\.1:${port} \\(context loop\\)`));
		} finally {
			await session.close();
		}

		const {stdout} = await run(process.execPath, [CLI_PATH, '--print-config'], {
			env: {...process.env, HOME: home, DOCKER_HOST: '', DOCKER_CONTEXT: 'loop'},
		});
		assert.match(stdout, new RegExp(`^engine\\s+tcp://127\\.0\\.0\\.1:${port} \\(context loop\\)\\s+\\(DOCKER_CONTEXT\\)$`, 'm'));
	});
});

engineSuite('switching contexts inside dockpit', () => {
	let bridge: ChildProcess | undefined;
	let port: number;
	let home: string;

	before(async () => {
		if (socatMissing) return;
		port = await freePort();
		bridge = spawn('socat', [`TCP-LISTEN:${port},bind=127.0.0.1,reuseaddr,fork`, 'UNIX-CONNECT:/var/run/docker.sock'], {
			stdio: 'ignore',
		});
		home = emptyHome();
		const meta = path.join(home, '.docker', 'contexts', 'meta', contextId('bridge'));
		mkdirSync(meta, {recursive: true});
		writeFileSync(
			path.join(meta, 'meta.json'),
			JSON.stringify({Name: 'bridge', Metadata: {Description: 'socat'}, Endpoints: {docker: {Host: `tcp://127.0.0.1:${port}`}}}),
		);
	});
	after(() => {
		bridge?.kill();
		if (home) rmSync(home, {recursive: true, force: true});
	});

	it('lists the contexts with c and moves every pane to the chosen engine, then back', needs(socatMissing), async () => {
		const name = uniqueName('sw');
		await createContainer({name});
		const session = await startDockpit({
			args: ['--filter', SCOPE_FILTER],
			env: {HOME: home, DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined},
		});
		try {
			await session.waitForText(name);
			await session.press('c');
			const list = await session.waitForText('Docker contexts');
			assert.match(list, /▶ default \*\s+unix:\/\/\/var\/run\/docker\.sock/);
			assert.match(list, new RegExp(`bridge\\s+tcp://127\\.0\\.0\\.1:${port} · socat`));
			await session.press('j', 'enter');
			const switched = await session.waitForScreen(
				(screen) => screen.includes(`Now on context bridge`) && rowOf(screen, name).includes('running'),
				{what: 'the list re-read through the bridge', timeout: 20_000},
			);
			assert.match(switched.split('\n')[0] ?? '', new RegExp(`^dockpit tcp://127\\.0\\.0\\.1:${port} \\(context bridge\\)`));
			// The new engine's feed is live: a stop is seen through it.
			await session.press('/');
			await session.type(name);
			await session.press('enter', 's');
			await session.waitForScreen((screen) => /exited/.test(rowOf(screen, name)), {what: `${name} exited`, timeout: 20_000});
			const state = await containerState(name);
			assert.ok(state.exists && !state.state.Running);
			await session.press('c', 'k', 'enter');
			const back = await session.waitForText('Now on context default', {timeout: 20_000});
			assert.match(back.split('\n')[0] ?? '', /^dockpit unix:\/\/\/var\/run\/docker\.sock /);
		} finally {
			await session.close();
		}
	});
});

const sshdMissing = (() => {
	const status = sshdStatus();
	return status.ok ? undefined : status.reason;
})();

engineSuite('ssh:// engines', () => {
	let sshd: Sshd | undefined;
	let home: string;

	before(async () => {
		if (sshdMissing) return;
		sshd = await startSshd();
		home = emptyHome();
		// The server's host key, as `ssh` would have recorded it: dockpit refuses unknown hosts.
		mkdirSync(path.join(home, '.ssh'));
		writeFileSync(path.join(home, '.ssh', 'known_hosts'), sshd.knownHosts);
	});
	after(async () => {
		await sshd?.stop();
		if (home) rmSync(home, {recursive: true, force: true});
	});

	const sshEnv = () => ({HOME: home, SSH_AUTH_SOCK: undefined, DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined});

	it(
		'lists and restarts through ssh://root@127.0.0.1:PORT with the IdentityFile from ~/.ssh/config, silently',
		needs(sshdMissing),
		async () => {
			mkdirSync(path.join(home, '.ssh'), {recursive: true});
			writeFileSync(path.join(home, '.ssh', 'config'), `Host 127.0.0.1\n  IdentityFile ${sshd!.keyFile}\n`);
			const name = uniqueName('ssh');
			const {container} = await createContainer({name});
			const startedAt = (await container.inspect()).State.StartedAt;
			const session = await startDockpit({
				args: ['--host', `ssh://root@127.0.0.1:${sshd!.port}`, '--filter', SCOPE_FILTER],
				env: sshEnv(),
			});
			try {
				const screen = await session.waitForScreen((s) => rowOf(s, name).includes('running'), {
					timeout: 30_000,
					what: `${name} listed over ssh`,
				});
				assert.match(screen.split('\n')[0] ?? '', new RegExp(`ssh://root@127\\.0\\.0\\.1:${sshd!.port}`));
				await session.press('/');
				await session.type(name);
				await session.press('enter', 'r');
				await session.waitForText(`Restarted ${name}`, {timeout: 30_000});
				await waitFor(
					async () => {
						const state = await containerState(name);
						return state.exists && state.state.Running && state.state.StartedAt !== startedAt;
					},
					{what: `${name} restarted on the engine`},
				);
				// ssh2's DEP0170 and any other library warning would be drawn over the dashboard.
				assert.doesNotMatch(session.raw(), /DeprecationWarning|DEP0\d+|Warning:|\(node:\d+\)/);
			} finally {
				await session.close();
			}
		},
	);

	it('--version prints the engine version over ssh with --identity', needs(sshdMissing), async () => {
		const {stdout, stderr} = await run(
			process.execPath,
			[CLI_PATH, '--version', '-H', `ssh://root@127.0.0.1:${sshd!.port}`, '--identity', sshd!.keyFile],
			{env: {...process.env, HOME: home, SSH_AUTH_SOCK: ''}},
		);
		assert.match(
			stdout,
			/^dockpit \d+\.\d+\.\d+\nDocker Engine \d+\.\d+\.\d+\S* \(API 1\.\d+\) at ssh:\/\/root@127\.0\.0\.1:\d+\n$/,
		);
		assert.equal(stderr, '', 'nothing on stderr: no deprecation warning');
	});

	it('says clearly when the remote host has no docker CLI, and exits 1', needs(sshdMissing), async () => {
		const session: Session = await startDockpit({
			args: ['--host', `ssh://root@127.0.0.1:${sshd!.port}`, '--identity', sshd!.noDockerKeyFile, '--filter', SCOPE_FILTER],
			env: sshEnv(),
		});
		const {exitCode} = await session.exited;
		assert.equal(exitCode, 1);
		const printed = stripAnsi(session.raw()).replaceAll(/\s+/g, ' ');
		assert.match(
			printed,
			/ssh:\/\/root@127\.0\.0\.1:\d+: ENODOCKERCLI: the host has no docker command: .*install the docker CLI there/,
		);
		assert.doesNotMatch(printed, /systemctl/, 'no advice about a local engine');
	});

	it('refuses a host whose key is not in known_hosts, and one whose key changed', needs(sshdMissing), async () => {
		const stranger = emptyHome();
		try {
			const args = [CLI_PATH, '--version', '-H', `ssh://root@127.0.0.1:${sshd!.port}`, '-i', sshd!.keyFile];
			const unknown = await run(process.execPath, args, {env: {...process.env, HOME: stranger, SSH_AUTH_SOCK: ''}});
			assert.match(unknown.stdout, /not reachable .*\[127\.0\.0\.1\]:\d+ is not in .*known_hosts: connect once with ssh/);
			mkdirSync(path.join(stranger, '.ssh'));
			const otherKey = sshd!.knownHosts.replace(/ssh-ed25519 \S+/, `ssh-ed25519 ${Buffer.alloc(51, 7).toString('base64')}`);
			writeFileSync(path.join(stranger, '.ssh', 'known_hosts'), otherKey);
			const changed = await run(process.execPath, args, {env: {...process.env, HOME: stranger, SSH_AUTH_SOCK: ''}});
			assert.match(changed.stdout, /host key of \[127\.0\.0\.1\]:\d+ does not match/);
			assert.doesNotMatch(changed.stdout, /Docker Engine \d/);
		} finally {
			rmSync(stranger, {recursive: true, force: true});
		}
	});

	it('names the identity file when it cannot be read, and exits 1', needs(sshdMissing), async () => {
		const missing = path.join(home, 'no-such-key');
		await assert.rejects(
			run(process.execPath, [CLI_PATH, '-H', `ssh://root@127.0.0.1:${sshd!.port}`, '-i', missing], {
				env: {...process.env, HOME: home},
			}),
			(error: {code?: number; stderr?: string}) =>
				error.code === 1 && new RegExp(`cannot read the identity file ${missing} \\(ENOENT\\)`).test(error.stderr ?? ''),
		);
	});
});

describe('bad usage', () => {
	it('exits 2 for an unknown flag or --host with --context', async () => {
		for (const args of [['--no-such-flag'], ['--host', 'tcp://a:1', '--context', 'b']]) {
			await assert.rejects(
				run(process.execPath, [CLI_PATH, ...args]),
				(error: {code?: number}) => error.code === 2,
				args.join(' '),
			);
		}
	});
});
