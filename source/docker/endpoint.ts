// Which engine to talk to, decided the docker CLI's way: --host, then DOCKER_HOST, then the local socket.

export type Endpoint =
	| {readonly kind: 'unix'; readonly socketPath: string; readonly url: string}
	| {
			readonly kind: 'tcp';
			readonly host: string;
			readonly port: number;
			readonly tls: boolean;
			/** Directory holding ca.pem, cert.pem and key.pem when tls is on. */
			readonly certPath?: string;
			readonly url: string;
	  }
	| {
			readonly kind: 'ssh';
			readonly host: string;
			readonly port: number;
			readonly username?: string;
			readonly url: string;
	  };

export const defaultSocket = '/var/run/docker.sock';

export class EndpointError extends Error {}

/** Parses a DOCKER_HOST-style address. Throws EndpointError with a readable reason. */
export function parseEndpoint(address: string, env: NodeJS.ProcessEnv = process.env): Endpoint {
	const text = address.trim();
	if (text.startsWith('/')) return {kind: 'unix', socketPath: text, url: `unix://${text}`};
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new EndpointError(`"${text}" is not an engine address (expected unix:///path, tcp://host:port or ssh://user@host)`);
	}

	switch (url.protocol) {
		case 'unix:': {
			const socketPath = decodeURIComponent(url.pathname || url.host);
			if (!socketPath) throw new EndpointError(`"${text}" names no socket path`);
			return {kind: 'unix', socketPath, url: `unix://${socketPath}`};
		}

		case 'tcp:':
		case 'http:':
		case 'https:': {
			if (!url.hostname) throw new EndpointError(`"${text}" names no host`);
			const tlsVerify =
				env['DOCKER_TLS_VERIFY'] !== undefined && env['DOCKER_TLS_VERIFY'] !== '' && env['DOCKER_TLS_VERIFY'] !== '0';
			const port = url.port ? Number(url.port) : url.protocol === 'https:' || tlsVerify ? 2376 : 2375;
			const tls = url.protocol === 'https:' || tlsVerify || port === 2376;
			const certPath = env['DOCKER_CERT_PATH'] || undefined;
			return {kind: 'tcp', host: url.hostname, port, tls, certPath, url: `tcp://${url.hostname}:${port}`};
		}

		case 'ssh:': {
			if (!url.hostname) throw new EndpointError(`"${text}" names no host`);
			const port = url.port ? Number(url.port) : 22;
			const username = url.username ? decodeURIComponent(url.username) : undefined;
			return {
				kind: 'ssh',
				host: url.hostname,
				port,
				username,
				url: `ssh://${username ? `${username}@` : ''}${url.hostname}${url.port ? `:${port}` : ''}`,
			};
		}

		default:
			throw new EndpointError(`"${text}": unsupported scheme ${url.protocol.replace(':', '')} (use unix, tcp or ssh)`);
	}
}

export function resolveEndpoint(flagHost: string | undefined, env: NodeJS.ProcessEnv = process.env): Endpoint {
	if (flagHost) return parseEndpoint(flagHost, env);
	if (env['DOCKER_HOST']) return parseEndpoint(env['DOCKER_HOST'], env);
	return {kind: 'unix', socketPath: defaultSocket, url: `unix://${defaultSocket}`};
}
