// ssh:// engines over long-lived SSH connections. docker-modem opens a new SSH connection (a full
// handshake) and a new remote `docker system dial-stdio` for every request; on a busy host the remote
// session and docker CLI start-up cost most (~0.9 s here against ~0.2 s for the handshake). This
// pool keeps one connection open, runs each `dial-stdio` as a channel on it, and reuses idle
// channels for later requests (HTTP keep-alive), so a request usually costs neither. Long streams
// (events, logs, stats) hold a channel each; OpenSSH allows 10 sessions per connection by default,
// so a connection carries at most 8 and another is opened past that.
import http from 'node:http';
import {Duplex} from 'node:stream';
import {existsSync, readFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Client, ClientChannel, ConnectConfig} from 'ssh2';
import type {Endpoint} from '../connect/endpoint.js';
import {hostKeyCheck} from './known-hosts.js';

type SshEndpoint = Extract<Endpoint, {kind: 'ssh'}>;

const channelsPerConnection = 8;

/** The exit status a shell gives a command it cannot find. */
const commandNotFound = 127;

export class SshSetupError extends Error {
	constructor(
		message: string,
		readonly code: string,
	) {
		super(message);
	}
}

/** Keys ssh(1) tries when no agent and no IdentityFile say otherwise. */
const defaultKeys = ['id_ed25519', 'id_ecdsa', 'id_rsa'];

/** Authentication as ssh(1) would do it: the agent, and the identity file (or the first default key). */
export function sshConnectConfig(
	endpoint: SshEndpoint,
	env: NodeJS.ProcessEnv = process.env,
	home = os.homedir(),
): ConnectConfig & {readonly hostKeyProblem: () => string | undefined} {
	const agent = env['SSH_AUTH_SOCK'] || undefined;
	let keyFile = endpoint.identityFile;
	if (!keyFile && !agent) keyFile = defaultKeys.map((name) => path.join(home, '.ssh', name)).find((file) => existsSync(file));
	let privateKey: Buffer | undefined;
	if (keyFile) {
		try {
			privateKey = readFileSync(keyFile);
		} catch (error) {
			throw new SshSetupError(
				`cannot read the identity file ${keyFile} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
				'EIDENTITY',
			);
		}
	}

	const hostKey = hostKeyCheck({
		host: endpoint.host,
		port: endpoint.port,
		home,
		strict: endpoint.strictHostKeyChecking,
		knownHostsFile: endpoint.knownHostsFile,
	});
	return {
		hostVerifier: (key: Buffer) => hostKey.verify(key),
		hostKeyProblem: hostKey.problem,
		host: endpoint.host,
		port: endpoint.port,
		username: endpoint.username ?? env['USER'] ?? os.userInfo().username,
		agent,
		privateKey,
		readyTimeout: 10_000,
		keepaliveInterval: 15_000,
	};
}

type Connection = {client: Client; ready: Promise<Client>; channels: number; closed: boolean};

/** An http.Agent whose sockets are dial-stdio channels on a small pool of SSH connections. */
export class DialStdioPool extends http.Agent {
	private readonly pool: Connection[] = [];

	constructor(
		private readonly config: () => ConnectConfig & {readonly hostKeyProblem?: () => string | undefined},
		private readonly loadClient: () => Promise<typeof Client>,
	) {
		// Two idle channels are kept for the next requests; more are closed when they fall idle.
		super({keepAlive: true, maxFreeSockets: 2});
	}

	override createConnection(_options: unknown, callback?: (error: Error | null, socket: Duplex) => void): undefined {
		// Node's Agent accepts a socket handed over later through the callback.
		const done = callback as ((error: Error | null, socket?: Duplex) => void) | undefined;
		this.openChannel().then(
			(stream) => done?.(null, stream),
			(error: unknown) => done?.(error instanceof Error ? error : new Error(String(error))),
		);
		return undefined;
	}

	/** Ends every SSH connection; the next request through this pool opens a new one. */
	override destroy(): void {
		for (const connection of this.pool) connection.client.end();
		this.pool.length = 0;
		super.destroy();
		for (const [key, pool] of pools) if (pool === this) pools.delete(key);
	}

	private async connection(): Promise<Connection> {
		const open = this.pool.find((connection) => !connection.closed && connection.channels < channelsPerConnection);
		if (open) return open;
		const ClientClass = await this.loadClient();
		const client = new ClientClass();
		const connection: Connection = {client, channels: 0, closed: false, ready: Promise.resolve(client)};
		const drop = () => {
			connection.closed = true;
			const index = this.pool.indexOf(connection);
			if (index >= 0) this.pool.splice(index, 1);
		};

		connection.ready = new Promise<Client>((resolve, reject) => {
			let hostKeyProblem: (() => string | undefined) | undefined;
			client.once('ready', () => resolve(client));
			client.once('error', (error) => {
				drop();
				// ssh2 says only "Host denied (verification failed)"; the check knows why.
				const problem = hostKeyProblem?.();
				reject(problem ? new SshSetupError(problem, 'EHOSTKEY') : error);
			});
			client.once('close', drop);
			try {
				const config = this.config();
				hostKeyProblem = config.hostKeyProblem;
				client.connect(config);
			} catch (error) {
				drop();
				reject(error instanceof Error ? error : new Error(String(error)));
			}
		});
		// Later errors (a dropped link) end the channels on it, which fail their requests; keep them off stderr.
		client.on('error', () => undefined);
		this.pool.push(connection);
		return connection;
	}

	private async openChannel(): Promise<Duplex> {
		const connection = await this.connection();
		connection.channels++;
		let client: Client;
		try {
			client = await connection.ready;
		} catch (error) {
			connection.channels--;
			throw error;
		}

		return new Promise<Duplex>((resolve, reject) => {
			client.exec('docker system dial-stdio', (error: Error | undefined, stream: ClientChannel) => {
				if (error) {
					connection.channels--;
					reject(error);
					return;
				}

				resolve(
					channelSocket(stream, () => {
						connection.channels--;
					}),
				);
			});
		});
	}
}

/**
 * The channel as a socket for http. Its end is held back until the channel closes, so a remote
 * shell's "docker: command not found" (exit 127) fails the request with that reason instead of
 * reaching http first as a bare "socket hang up".
 */
function channelSocket(channel: ClientChannel, onClose: () => void): Duplex {
	let answered = false;
	let stderr = '';
	let exitCode: number | undefined;
	const socket = new Duplex({
		write(chunk: Buffer, _encoding, callback) {
			channel.write(chunk, callback);
		},
		final(callback) {
			channel.end();
			callback();
		},
		read() {
			channel.resume();
		},
		destroy(error, callback) {
			channel.destroy();
			callback(error);
		},
	});
	// What http.Agent calls on a kept-alive socket; a channel has no TCP options to set.
	Object.assign(socket, {
		setKeepAlive: () => socket,
		setNoDelay: () => socket,
		setTimeout: () => socket,
		ref: () => socket,
		unref: () => socket,
	});
	channel.on('data', (chunk: Buffer) => {
		answered = true;
		if (!socket.push(chunk)) channel.pause();
	});
	channel.stderr.on('data', (chunk: Buffer) => {
		stderr += chunk.toString('utf8');
	});
	channel.once('exit', (code: number | null) => {
		exitCode = code ?? undefined;
	});
	channel.once('close', () => {
		onClose();
		if (answered) socket.push(null);
		else if (exitCode === commandNotFound || /docker: (command )?not found|docker: No such file/.test(stderr)) {
			socket.destroy(missingDocker());
		} else if (stderr.trim()) {
			socket.destroy(new SshSetupError(`docker system dial-stdio failed on the host: ${stderr.trim()}`, 'EDIALSTDIO'));
		} else socket.push(null);
	});
	return socket;
}

const missingDocker = () =>
	new SshSetupError(
		'the host has no docker command: dockpit reaches a remote engine through "docker system dial-stdio", so install the docker CLI there (Debian: apt install docker.io)',
		'ENODOCKERCLI',
	);

const pools = new Map<string, DialStdioPool>();

/**
 * One pool per engine, so every Engine made for it shares the same connections (the start-up read's
 * channel serves the session next). Destroying a pool ends its connections and forgets it here.
 */
export function dialStdioPoolFor(endpoint: SshEndpoint): DialStdioPool {
	const key = `${endpoint.url}\u0000${endpoint.identityFile ?? ''}`;
	let pool = pools.get(key);
	if (!pool) {
		pool = new DialStdioPool(
			() => sshConnectConfig(endpoint),
			async () => {
				// Where ssh2 is bundled into a chunk of its own (the single executable), import() of that CommonJS
				// module gives only `default`.
				const ssh2 = (await import('ssh2')) as typeof import('ssh2') & {readonly default?: typeof import('ssh2')};
				return ssh2.Client ?? ssh2.default!.Client;
			},
		);
		pools.set(key, pool);
	}

	return pool;
}
