// A unix-socket proxy in front of the engine, so a test can take the engine away from dockpit and
// bring it back without touching the engine other tests share.
import {rmSync} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export type SocketProxy = {
	readonly socketPath: string;
	/** Closes the listener and cuts every open connection, as a stopped engine would. */
	readonly cut: () => Promise<void>;
	/** Listens again. */
	readonly restore: () => Promise<void>;
	/** Stops forwarding in both directions without closing anything, as a stopped (SIGSTOP) engine would: bytes are held. */
	readonly freeze: () => void;
	/** Forwards what was held, in order, and everything after it. */
	readonly thaw: () => void;
	readonly close: () => Promise<void>;
	/** Connections accepted so far: a client has reached the proxy (dockpit is past loading its code). */
	readonly accepted: () => number;
};

export async function startSocketProxy(target = '/var/run/docker.sock'): Promise<SocketProxy> {
	const socketPath = path.join(os.tmpdir(), `dockpit-proxy-${process.pid}-${Date.now()}.sock`);
	const open = new Set<net.Socket>();
	let server: net.Server | undefined;
	let held: Array<[net.Socket, Buffer]> | undefined;
	let accepted = 0;
	const forward = (from: net.Socket, to: net.Socket) =>
		from.on('data', (chunk: Buffer) => {
			if (held) held.push([to, chunk]);
			else to.write(chunk);
		});

	const listen = () =>
		new Promise<void>((resolve, reject) => {
			rmSync(socketPath, {force: true});
			server = net.createServer((client) => {
				accepted++;
				const upstream = net.connect(target);
				open.add(client).add(upstream);
				const drop = () => {
					client.destroy();
					upstream.destroy();
					open.delete(client);
					open.delete(upstream);
				};
				client.on('error', drop).on('close', drop);
				upstream.on('error', drop).on('close', drop);
				forward(client, upstream);
				forward(upstream, client);
			});
			server.once('error', reject);
			server.listen(socketPath, () => resolve());
		});

	const cut = () =>
		new Promise<void>((resolve) => {
			for (const socket of open) socket.destroy();
			open.clear();
			if (!server) {
				resolve();
				return;
			}

			server.close(() => resolve());
			server = undefined;
		});

	await listen();
	const freeze = () => {
		held ??= [];
	};

	const thaw = () => {
		const waiting = held ?? [];
		held = undefined;
		for (const [to, chunk] of waiting) if (!to.destroyed) to.write(chunk);
	};

	return {
		socketPath,
		cut,
		restore: listen,
		freeze,
		thaw,
		accepted: () => accepted,
		async close() {
			held = undefined;
			await cut();
		},
	};
}
