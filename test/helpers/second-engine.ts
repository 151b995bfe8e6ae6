// A private second Docker daemon for the several-engines tests: its own socket, data root, exec root,
// pidfile and bridge (never --bridge=none, which took the main engine's docker0 with it here), with the test
// image loaded. stop() always cleans up and checks that the main engine's docker0 survived.
import {execFileSync, spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {existsSync, mkdirSync, openSync, rmSync} from 'node:fs';
import path from 'node:path';
import {TEST_IMAGE} from './engine-status.js';
import {waitFor} from './wait.js';

export type SecondEngine = {
	/** unix:///…/docker.sock, for --host and `docker -H`. */
	readonly host: string;
	/** Runs the docker CLI against this daemon; returns its stdout, trimmed. */
	readonly docker: (...args: string[]) => string;
	/** The daemon's process id, for SIGSTOP and SIGCONT. */
	readonly pid: () => number;
	/** Stops the daemon (SIGTERM) and waits until it exits, keeping its data. */
	readonly halt: () => Promise<void>;
	/** Starts it again on the same socket and data, and waits until it answers. */
	readonly restart: () => Promise<void>;
	/** Stops it, deletes its bridge and folders, and checks docker0; throws if docker0 had to be recreated. */
	readonly stop: () => Promise<void>;
};

/** Why a second daemon cannot be started here, if it cannot. */
export function secondEngineUnavailable(): string | undefined {
	if (process.getuid?.() !== 0) return 'a second dockerd needs root';
	if (spawnSync('dockerd', ['--version']).error) return 'dockerd is not installed';
	if (spawnSync('ip', ['-V']).error) return 'ip (iproute2) is not installed';
	return undefined;
}

const linkExists = (name: string): boolean => spawnSync('ip', ['link', 'show', name], {stdio: 'ignore'}).status === 0;

/** docker0 must outlive every extra daemon; recreated when it did not, and reported. */
export function ensureDocker0(): string | undefined {
	if (linkExists('docker0')) return undefined;
	spawnSync('ip', ['link', 'add', 'docker0', 'type', 'bridge']);
	spawnSync('ip', ['addr', 'add', '172.17.0.1/16', 'dev', 'docker0']);
	spawnSync('ip', ['link', 'set', 'docker0', 'up']);
	return 'the main engine lost its docker0 bridge while the second daemon ran (recreated as 172.17.0.1/16)';
}

export async function startSecondEngine(name = 'multi', bridge = 'dpmulti0'): Promise<SecondEngine> {
	const root = `/tmp/dockpit-${name}-engine-${process.pid}`;
	const socket = path.join(root, 'docker.sock');
	const host = `unix://${socket}`;
	mkdirSync(path.join(root, 'data'), {recursive: true});
	mkdirSync(path.join(root, 'exec'), {recursive: true});
	if (!linkExists(bridge)) execFileSync('ip', ['link', 'add', bridge, 'type', 'bridge']);
	execFileSync('ip', ['link', 'set', bridge, 'up']);
	let daemon: ChildProcess | undefined;
	let exited: Promise<void> = Promise.resolve();

	const docker = (...args: string[]): string =>
		execFileSync('docker', ['-H', host, ...args], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}).trim();
	const answers = (): boolean => spawnSync('docker', ['-H', host, 'version'], {stdio: 'ignore', timeout: 5000}).status === 0;

	async function launch(): Promise<void> {
		const log = openSync(path.join(root, 'dockerd.log'), 'a');
		daemon = spawn(
			'dockerd',
			[
				'-H',
				host,
				`--data-root=${path.join(root, 'data')}`,
				`--exec-root=${path.join(root, 'exec')}`,
				`--pidfile=${path.join(root, 'docker.pid')}`,
				'--iptables=false',
				'--ip-masq=false',
				`--bridge=${bridge}`,
			],
			{stdio: ['ignore', log, log]},
		);
		const process_ = daemon;
		exited = new Promise((resolve) => {
			process_.once('exit', () => resolve());
		});
		await waitFor(() => answers() || undefined, {timeout: 30_000, what: `the second dockerd at ${host} to answer`});
	}

	async function halt(): Promise<void> {
		if (!daemon || daemon.exitCode !== null || daemon.signalCode !== null) return;
		daemon.kill('SIGCONT');
		daemon.kill('SIGTERM');
		const timer = setTimeout(() => daemon?.kill('SIGKILL'), 20_000);
		await exited;
		clearTimeout(timer);
	}

	await launch();
	if (!docker('images', '-q', TEST_IMAGE)) {
		const saved = spawnSync('docker', ['save', TEST_IMAGE], {maxBuffer: 256 * 1024 * 1024});
		const loaded = spawnSync('docker', ['-H', host, 'load'], {input: saved.stdout, encoding: 'utf8'});
		if (loaded.status !== 0) throw new Error(`loading ${TEST_IMAGE} into the second daemon failed: ${loaded.stderr}`);
	}

	return {
		host,
		docker,
		pid: () => daemon?.pid ?? 0,
		halt,
		async restart() {
			await halt();
			await launch();
		},
		async stop() {
			try {
				try {
					const ids = docker('ps', '-aq');
					if (ids) docker('rm', '-f', ...ids.split('\n'));
				} catch {
					// A daemon that does not answer is stopped below anyway.
				}

				await halt();
			} finally {
				if (linkExists(bridge)) spawnSync('ip', ['link', 'delete', bridge]);
				// Mounts the daemon left under its roots (overlay, netns) must go before the folder can.
				spawnSync('sh', ['-c', `grep -o " ${root}[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l`]);
				if (existsSync(root)) rmSync(root, {recursive: true, force: true});
			}

			const lost = ensureDocker0();
			if (lost) throw new Error(lost);
		},
	};
}
