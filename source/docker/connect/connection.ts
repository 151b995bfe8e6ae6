// How dockerode reaches an endpoint: a unix socket, plain or TLS tcp, or dial-stdio channels over SSH.
import {readFileSync} from 'node:fs';
import type Dockerode from 'dockerode';
import type {Endpoint, TlsFiles} from './endpoint.js';
import {dialStdioPoolFor} from '../ssh/channel-pool.js';
import {loadHttps} from '../node-builtins.js';

export type TlsOptions = {
	readonly ca?: Buffer;
	readonly cert?: Buffer;
	readonly key?: Buffer;
	readonly rejectUnauthorized: boolean;
};

/** Reads the TLS files; without verification the engine's certificate is not checked (DOCKER_TLS without _VERIFY). */
export function tlsOptions(files: TlsFiles, read: (file: string) => Buffer = readFileSync): TlsOptions {
	const load = (file: string | undefined) => (file ? read(file) : undefined);
	return {ca: load(files.ca), cert: load(files.cert), key: load(files.key), rejectUnauthorized: files.verify};
}

/** docker-modem honours `agent`, which dockerode's types leave out. */
type Options = Dockerode.DockerOptions & {agent?: import('node:http').Agent};

export function dockerodeOptions(endpoint: Endpoint): Options {
	switch (endpoint.kind) {
		// Node's global agent: dockerode through an agent of dockpit's own showed a container made outside 0.3-1.5 s
		// late (its inspect answered only once the engine had started it), though a bare script did not.
		case 'unix':
			return {socketPath: endpoint.socketPath};
		case 'tcp': {
			if (!endpoint.tls) return {host: endpoint.host, port: endpoint.port, protocol: 'http'};
			const tls = tlsOptions(endpoint.tls);
			// docker-modem passes ca/cert/key but no rejectUnauthorized; an agent's options take precedence.
			const agent = new (loadHttps().Agent)({...tls, checkServerIdentity: tls.rejectUnauthorized ? undefined : () => undefined});
			return {host: endpoint.host, port: endpoint.port, protocol: 'https', ca: tls.ca, cert: tls.cert, key: tls.key, agent};
		}

		case 'ssh':
			// Plain HTTP carried by the pool's dial-stdio channels; docker-modem's own ssh mode would handshake per request.
			return {host: endpoint.host, port: endpoint.port, protocol: 'http', agent: dialStdioPoolFor(endpoint)};
	}
}
