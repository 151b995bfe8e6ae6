// A private two-node swarm for the e2e suites of issue 17, never the shared engine: two extra dockerd,
// each with its own data root, exec root, pid file, socket and bridge (--iptables=false), the first
// initialised as a manager and the second joined as a worker, both on 127.0.0.1 and ports of their own.
// The test image is imported into each. stop() leaves the swarm, stops both daemons, deletes their
// bridges and folders, and checks that the main engine's docker0 survived (recreating it, and failing
// loudly, if it did not: a daemon without its own bridge once took docker0 with it).
import {execFile, spawn, type ChildProcess} from 'node:child_process';
import {mkdirSync, rmSync, createWriteStream, existsSync, readFileSync} from 'node:fs';
import {promisify} from 'node:util';
import {TEST_IMAGE} from './engine-status.js';
import {waitFor} from './wait.js';

const run = promisify(execFile);

/** Paths, bridges and ports of this helper alone (the "swarm" helper), apart from any other daemon here. */
const ROOT = '/tmp/dockpit-swarm-e2e';
const NODES = [
	{name: 'n1', bridge: 'dpswe1', port: 27477},
	{name: 'n2', bridge: 'dpswe2', port: 27478},
] as const;
const DATA_PATH_PORT = 47_892;

export type PrivateSwarm = {
	/** unix:///… of the manager, for dockpit's --host. */
	readonly manager: string;
	readonly worker: string;
	/** The docker CLI against one of the two daemons (the manager unless told). */
	readonly docker: (args: readonly string[], host?: string) => Promise<string>;
	/** Node ids, as the manager lists them. */
	readonly managerNodeId: string;
	readonly workerNodeId: string;
	readonly stop: () => Promise<void>;
};

const socket = (node: string) => `${ROOT}/${node}/sock`;
const host = (node: string) => `unix://${socket(node)}`;

async function cli(args: readonly string[], at?: string): Promise<string> {
	const {stdout} = await run('docker', at ? ['-H', at, ...args] : [...args], {maxBuffer: 64 * 1024 * 1024});
	return stdout.trim();
}

const ip = async (...args: string[]) =>
	run('ip', args).then(
		() => true,
		() => false,
	);

async function docker0Present(): Promise<boolean> {
	return ip('link', 'show', 'docker0');
}

/** Whatever an earlier run left: daemons by their pid files, bridges, folders. */
async function clean(): Promise<void> {
	for (const node of NODES) {
		const pidFile = `${ROOT}/${node.name}/pid`;
		if (existsSync(pidFile)) {
			const pid = Number(readFileSync(pidFile, 'utf8'));
			if (pid > 0) {
				try {
					process.kill(pid, 'SIGTERM');
					await waitFor(() => !alive(pid), {timeout: 30_000, interval: 200, what: `dockerd ${pid} to stop`});
				} catch {
					// Already gone.
				}
			}
		}
	}

	// A stopped daemon leaves its network namespaces (exec-root/netns) mounted: unmount them, deepest first.
	const mounts = readFileSync('/proc/mounts', 'utf8')
		.split('\n')
		.map((line) => line.split(' ')[1] ?? '')
		.filter((path) => path.startsWith(`${ROOT}/`))
		.sort()
		.reverse();
	for (const path of mounts) await run('umount', ['-l', path]).catch(() => undefined);
	rmSync(ROOT, {recursive: true, force: true, maxRetries: 3});
	for (const node of NODES) await ip('link', 'del', node.bridge);
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

function startDaemon(node: (typeof NODES)[number]): ChildProcess {
	const dir = `${ROOT}/${node.name}`;
	mkdirSync(dir, {recursive: true});
	const log = createWriteStream(`${dir}/dockerd.log`);
	const child = spawn(
		'dockerd',
		[
			'--data-root',
			`${dir}/data`,
			'--exec-root',
			`${dir}/exec`,
			'--pidfile',
			`${dir}/pid`,
			'-H',
			host(node.name),
			'--iptables=false',
			`--bridge=${node.bridge}`,
		],
		{stdio: ['ignore', 'pipe', 'pipe']},
	);
	child.stdout?.pipe(log);
	child.stderr?.pipe(log);
	return child;
}

/** Starts the two daemons and the swarm; resolves once the manager lists both nodes Ready. */
export async function startSwarm(): Promise<PrivateSwarm> {
	await clean();
	const before = await docker0Present();
	for (const node of NODES) {
		await ip('link', 'add', node.bridge, 'type', 'bridge');
		await ip('link', 'set', node.bridge, 'up');
	}

	const daemons = NODES.map(startDaemon);
	let stopped = false;
	const stop = async () => {
		if (stopped) return;
		stopped = true;
		// Leave the swarm (the worker first), then stop the daemons and remove what they used.
		await cli(['swarm', 'leave', '--force'], host('n2')).catch(() => undefined);
		await cli(['swarm', 'leave', '--force'], host('n1')).catch(() => undefined);
		for (const daemon of daemons) {
			if (daemon.exitCode === null && daemon.signalCode === null) {
				const exited = new Promise((resolve) => daemon.once('exit', resolve));
				daemon.kill('SIGTERM');
				await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
				if (daemon.exitCode === null && daemon.signalCode === null) daemon.kill('SIGKILL');
			}
		}

		await clean();
		if (before && !(await docker0Present())) {
			await ip('link', 'add', 'docker0', 'type', 'bridge');
			await ip('addr', 'add', '172.17.0.1/16', 'dev', 'docker0');
			await ip('link', 'set', 'docker0', 'up');
			throw new Error('The private swarm took the main engine’s docker0 bridge with it: it was recreated (172.17.0.1/16)');
		}
	};

	try {
		for (const node of NODES) {
			await waitFor(async () => (await cli(['version', '--format', '{{.Server.Version}}'], host(node.name))) !== '', {
				timeout: 60_000,
				interval: 250,
				what: `the private dockerd ${node.name} to answer`,
			});
		}

		const [manager, worker] = NODES;
		await cli(
			[
				'swarm',
				'init',
				'--advertise-addr',
				`127.0.0.1:${manager.port}`,
				'--listen-addr',
				`127.0.0.1:${manager.port}`,
				'--data-path-port',
				String(DATA_PATH_PORT),
			],
			host(manager.name),
		);
		const token = await cli(['swarm', 'join-token', '-q', 'worker'], host(manager.name));
		await cli(
			[
				'swarm',
				'join',
				'--listen-addr',
				`127.0.0.1:${worker.port}`,
				'--advertise-addr',
				`127.0.0.1:${worker.port}`,
				'--token',
				token,
				`127.0.0.1:${manager.port}`,
			],
			host(worker.name),
		);
		// No registry here: the image goes into each daemon from the main engine.
		for (const node of NODES) {
			await run('sh', ['-c', `docker save ${TEST_IMAGE} | docker -H ${host(node.name)} load`]);
		}

		const nodes = await waitFor(
			async () => {
				const lines = (await cli(['node', 'ls', '--format', '{{.ID}} {{.Status}} {{.ManagerStatus}}'], host(manager.name))).split(
					'\n',
				);
				return lines.length === 2 && lines.every((line) => line.split(' ')[1] === 'Ready') ? lines : undefined;
			},
			{timeout: 60_000, interval: 500, what: 'both swarm nodes Ready'},
		);
		const managerLine = nodes.find((line) => line.endsWith('Leader'))!;
		const workerLine = nodes.find((line) => line !== managerLine)!;
		return {
			manager: host(manager.name),
			worker: host(worker.name),
			docker: (args, at = host(manager.name)) => cli(args, at),
			managerNodeId: managerLine.split(' ')[0]!,
			workerNodeId: workerLine.split(' ')[0]!,
			stop,
		};
	} catch (error) {
		await stop().catch(() => undefined);
		throw error;
	}
}
