// A throwaway OpenSSH server on a loopback port, for ssh:// engine tests and the ssh benchmark: its
// host key, a client key and authorized_keys are made in a temp dir and removed with it.
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, chmodSync} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {waitFor} from './wait.js';

const SSHD = '/usr/sbin/sshd';

export type Sshd = {
	readonly port: number;
	/** Logs in as root with the docker CLI on PATH. */
	readonly keyFile: string;
	/** Logs in as root, but its sessions have no docker on PATH. */
	readonly noDockerKeyFile: string;
	/** The known_hosts line for this server, for a client HOME's ~/.ssh/known_hosts. */
	readonly knownHosts: string;
	readonly dir: string;
	readonly stop: () => Promise<void>;
};

export type SshdStatus = {readonly ok: true} | {readonly ok: false; readonly reason: string};

/** Whether a loopback sshd can be started here (root, OpenSSH server and ssh-keygen installed). */
export function sshdStatus(): SshdStatus {
	if (!existsSync(SSHD)) return {ok: false, reason: `${SSHD} is missing (apt-get install openssh-server)`};
	if (spawnSync('ssh-keygen', ['-?']).error) return {ok: false, reason: 'ssh-keygen is missing (apt-get install openssh-client)'};
	if (process.getuid?.() !== 0) return {ok: false, reason: 'sshd tests log in as root and must run as root'};
	return {ok: true};
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

function keygen(file: string, comment: string): string {
	const result = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file], {encoding: 'utf8'});
	if (result.status !== 0) throw new Error(`ssh-keygen failed: ${result.stderr}`);
	return file;
}

const canConnect = (port: number) =>
	new Promise<boolean>((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});

export async function startSshd(): Promise<Sshd> {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'dockpit-sshd-'));
	chmodSync(dir, 0o700);
	const hostKey = keygen(path.join(dir, 'host_ed25519'), 'dockpit-test-host');
	const keyFile = keygen(path.join(dir, 'client_ed25519'), 'dockpit-test-client');
	const noDockerKeyFile = keygen(path.join(dir, 'nodocker_ed25519'), 'dockpit-test-nodocker');
	const publicKey = (file: string) => spawnSync('cat', [`${file}.pub`], {encoding: 'utf8'}).stdout.trim();
	// The second key runs whatever was asked with a PATH that has no docker, like a host without the CLI.
	const authorized = path.join(dir, 'authorized_keys');
	writeFileSync(
		authorized,
		`${publicKey(keyFile)}\ncommand="PATH=/nonexistent; eval \\"$SSH_ORIGINAL_COMMAND\\"" ${publicKey(noDockerKeyFile)}\n`,
		{mode: 0o600},
	);
	const port = await freePort();
	const config = path.join(dir, 'sshd_config');
	writeFileSync(
		config,
		[
			`Port ${port}`,
			'ListenAddress 127.0.0.1',
			`HostKey ${hostKey}`,
			`AuthorizedKeysFile ${authorized}`,
			`PidFile ${path.join(dir, 'sshd.pid')}`,
			'PermitRootLogin prohibit-password',
			'PasswordAuthentication no',
			'KbdInteractiveAuthentication no',
			'UsePAM no',
			'StrictModes no',
			'MaxStartups 100',
			'LogLevel ERROR',
			'',
		].join('\n'),
	);
	// Privilege separation needs this directory; Debian creates it only when the service starts.
	mkdirSync('/run/sshd', {recursive: true, mode: 0o755});
	const child: ChildProcess = spawn(SSHD, ['-D', '-e', '-f', config], {stdio: ['ignore', 'ignore', 'pipe']});
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => {
		stderr += chunk.toString('utf8');
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	try {
		await waitFor(async () => child.exitCode === null && (await canConnect(port)), {
			timeout: 10_000,
			what: `sshd to listen on 127.0.0.1:${port}`,
		});
	} catch (error) {
		child.kill();
		rmSync(dir, {recursive: true, force: true});
		throw new Error(`sshd did not start: ${stderr.trim() || String(error)}`);
	}

	return {
		port,
		keyFile,
		noDockerKeyFile,
		knownHosts: `[127.0.0.1]:${port} ${publicKey(hostKey).split(' ').slice(0, 2).join(' ')}\n`,
		dir,
		async stop() {
			if (child.exitCode === null) {
				child.kill('SIGTERM');
				await exited;
			}

			rmSync(dir, {recursive: true, force: true});
		},
	};
}
