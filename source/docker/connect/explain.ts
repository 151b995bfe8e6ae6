// The one paragraph shown when the engine cannot be reached at start-up: what was tried, what failed, what to check.
import type {Endpoint} from './endpoint.js';
import type {EngineError} from '../errors.js';
import type {Filters} from '../filters.js';

/**
 * The usage message when the engine refused the first list's --filter (HTTP 400, "Invalid filter…"):
 * bad usage, exit 2, not an unreachable engine.
 */
export function rejectedFilter(error: EngineError, scope: Filters): string | undefined {
	return error.kind === 'invalid' && Object.keys(scope).length > 0
		? `--filter: the engine refused it: ${error.message}`
		: undefined;
}

export function explainUnreachable(endpoint: Endpoint, error: EngineError): string {
	const where = `dockpit could not reach the Docker engine at ${endpoint.url}: ${error.message}.`;
	const pointElsewhere = 'To use another engine, pass --host or set DOCKER_HOST (unix://, tcp:// or ssh://).';
	if (endpoint.kind === 'ssh') {
		const login = `ssh ${endpoint.port === 22 ? '' : `-p ${endpoint.port} `}${endpoint.username ? `${endpoint.username}@` : ''}${endpoint.host} docker version`;
		const advice =
			error.code === 'ENODOCKERCLI' || error.code === 'EIDENTITY'
				? undefined
				: `Check that this works: ${login}. dockpit logs in with the agent at SSH_AUTH_SOCK and the key from --identity or IdentityFile in ~/.ssh/config${endpoint.identityFile ? ` (now ${endpoint.identityFile})` : ''}.`;
		return [where, ...(advice ? [advice] : []), pointElsewhere].join('\n');
	}

	if (error.kind === 'forbidden') {
		return [
			where,
			endpoint.kind === 'unix'
				? `Your user may not open ${endpoint.socketPath}. Add yourself to the group that owns it (usually "docker": sudo usermod -aG docker $USER, then log in again), or run dockpit with sudo.`
				: 'The engine refused the connection; check the credentials or certificates it expects.',
			pointElsewhere,
		].join('\n');
	}

	if (error.code === 'ENOTDOCKER') {
		return [
			where,
			`Something answers at ${endpoint.url}, but it is not a Docker engine: check the host and port (the engine usually listens on 2375, or 2376 with TLS).`,
			pointElsewhere,
		].join('\n');
	}

	if (error.code === 'ENOTSOCK' && endpoint.kind === 'unix') {
		return [where, "Give the path of the engine's socket (usually unix:///var/run/docker.sock).", pointElsewhere].join('\n');
	}

	if (error.code === 'ENOENT' && endpoint.kind === 'unix') {
		return [
			where,
			'No socket exists there: is Docker installed, and is the engine running (systemctl status docker)?',
			pointElsewhere,
		].join('\n');
	}

	if (error.kind === 'unreachable') {
		return [where, 'Check that the engine is running and listening there (systemctl status docker).', pointElsewhere].join('\n');
	}

	return [where, 'The engine answered with an error; check its logs (journalctl -u docker).', pointElsewhere].join('\n');
}
