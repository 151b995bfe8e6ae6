// Which engine to talk to, decided the docker CLI's way: --host or --context, then DOCKER_HOST, then
// DOCKER_CONTEXT, then the current context in the docker config, then the local socket.
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {sshHostConfig} from '../ssh/ssh-config.js';
import {sanitize} from '../../state/core/sanitize.js';
import {loadCrypto} from '../node-builtins.js';

/** TLS material as file paths; the engine reads them when it connects. */
export type TlsFiles = {
	/** Check the engine's certificate against `ca` (DOCKER_TLS_VERIFY, or a context without SkipTLSVerify). */
	readonly verify: boolean;
	readonly ca?: string;
	readonly cert?: string;
	readonly key?: string;
};

export type Endpoint =
	| {readonly kind: 'unix'; readonly socketPath: string; readonly url: string}
	| {
			readonly kind: 'tcp';
			readonly host: string;
			readonly port: number;
			/** Absent for plain http. */
			readonly tls?: TlsFiles;
			readonly url: string;
	  }
	| {
			readonly kind: 'ssh';
			readonly host: string;
			readonly port: number;
			readonly username?: string;
			/** A private key file (--identity, or IdentityFile in ~/.ssh/config), used besides SSH_AUTH_SOCK. */
			readonly identityFile?: string;
			/** From ~/.ssh/config, for the host key check (known-hosts.ts). */
			readonly strictHostKeyChecking?: string;
			readonly knownHostsFile?: string;
			readonly url: string;
	  };

export const defaultSocket = '/var/run/docker.sock';

export class EndpointError extends Error {}

/** Where the selected engine came from, for the header and --print-config. */
export type EngineSource =
	'flag --host' | 'flag --context' | 'config file contexts' | 'DOCKER_HOST' | 'DOCKER_CONTEXT' | 'docker config' | 'default';

export type EngineSelection = {
	readonly endpoint: Endpoint;
	/** The docker context in use, when one was chosen (never "default"). */
	readonly context?: string;
	readonly source: EngineSource;
};

export type SelectOptions = {
	readonly host?: string;
	readonly context?: string;
	/** --identity: a private key for ssh:// engines. */
	readonly identity?: string;
};

export type Environment = {
	readonly env: NodeJS.ProcessEnv;
	readonly home: string;
};

const processEnvironment = (): Environment => ({env: process.env, home: os.homedir()});

const truthy = (value: string | undefined): boolean => value !== undefined && value !== '' && value !== '0';

/** The docker CLI's configuration directory: $DOCKER_CONFIG, else ~/.docker. */
export const dockerConfigDir = ({env, home}: Environment): string => env['DOCKER_CONFIG'] || path.join(home, '.docker');

/** The TLS files in a directory, for the ones that exist. */
function tlsIn(dir: string, verify: boolean): TlsFiles {
	const file = (name: string) => (existsSync(path.join(dir, name)) ? path.join(dir, name) : undefined);
	return {verify, ca: file('ca.pem'), cert: file('cert.pem'), key: file('key.pem')};
}

export type ParseOptions = {
	/** TLS for tcp:// addresses; undefined means decide from the environment (DOCKER_TLS_VERIFY, DOCKER_CERT_PATH). */
	readonly tls?: TlsFiles | null;
	readonly identity?: string;
};

/** Parses a DOCKER_HOST-style address. Throws EndpointError with a readable reason. */
export function parseEndpoint(
	address: string,
	environment: Environment = processEnvironment(),
	options: ParseOptions = {},
): Endpoint {
	const {env} = environment;
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
			// The docker CLI's rules: DOCKER_TLS_VERIFY turns TLS on and verifies; DOCKER_TLS alone encrypts without verifying.
			const verify = truthy(env['DOCKER_TLS_VERIFY']);
			const port = url.port ? Number(url.port) : url.protocol === 'https:' || verify ? 2376 : 2375;
			let tls = options.tls ?? undefined;
			if (options.tls === undefined && (verify || truthy(env['DOCKER_TLS']) || url.protocol === 'https:' || port === 2376)) {
				tls = tlsIn(env['DOCKER_CERT_PATH'] || dockerConfigDir(environment), verify);
			}

			const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
			return {kind: 'tcp', host, port, tls, url: `tcp://${url.hostname}:${port}`};
		}

		case 'ssh:':
			return sshEndpoint(url, text, environment, options.identity);

		default:
			throw new EndpointError(`"${text}": unsupported scheme ${url.protocol.replace(':', '')} (use unix, tcp or ssh)`);
	}
}

/** ssh2 reads no ~/.ssh/config, so the user, port and identity file it would apply come from here. */
function sshEndpoint(url: URL, text: string, environment: Environment, identity: string | undefined): Endpoint {
	if (!url.hostname) throw new EndpointError(`"${text}" names no host`);
	const config = sshHostConfig(url.hostname, environment.home);
	const port = url.port ? Number(url.port) : (config.port ?? 22);
	const username = url.username ? decodeURIComponent(url.username) : config.user;
	const expand = (file: string) => (file.startsWith('~/') ? path.join(environment.home, file.slice(2)) : file);
	const identityFile = identity ? expand(identity) : config.identityFile;
	return {
		kind: 'ssh',
		host: config.hostName ?? url.hostname,
		port,
		username,
		identityFile,
		strictHostKeyChecking: config.strictHostKeyChecking,
		knownHostsFile: config.userKnownHostsFile,
		url: `ssh://${username ? `${username}@` : ''}${url.hostname}${port === 22 ? '' : `:${port}`}`,
	};
}

export type DockerContext = {
	readonly name: string;
	readonly host?: string;
	readonly description?: string;
	readonly skipTlsVerify: boolean;
	/** contexts/tls/<id>/docker, when the context stores TLS material. */
	readonly tlsDir?: string;
};

/** Contexts are stored under the sha256 of their name. */
export const contextId = (name: string): string => loadCrypto().createHash('sha256').update(name).digest('hex');

type ContextMeta = {
	Name?: unknown;
	Metadata?: {Description?: unknown};
	Endpoints?: {docker?: {Host?: unknown; SkipTLSVerify?: unknown}};
};

function readContextMeta(file: string): DockerContext | undefined {
	let meta: ContextMeta;
	try {
		meta = JSON.parse(readFileSync(file, 'utf8')) as ContextMeta;
	} catch {
		return undefined;
	}

	if (typeof meta.Name !== 'string') return undefined;
	const docker = meta.Endpoints?.docker;
	const tlsDir = path.join(path.dirname(file), '..', '..', 'tls', path.basename(path.dirname(file)), 'docker');
	return {
		name: sanitize(meta.Name),
		host: typeof docker?.Host === 'string' ? sanitize(docker.Host) : undefined,
		description: typeof meta.Metadata?.Description === 'string' ? sanitize(meta.Metadata.Description) : undefined,
		skipTlsVerify: docker?.SkipTLSVerify === true,
		tlsDir: existsSync(tlsDir) ? path.resolve(tlsDir) : undefined,
	};
}

/** Every context in the docker config directory, by name; "default" is not stored and not listed. */
export function listContexts(environment: Environment = processEnvironment()): DockerContext[] {
	const dir = path.join(dockerConfigDir(environment), 'contexts', 'meta');
	let ids: string[];
	try {
		ids = readdirSync(dir);
	} catch {
		return [];
	}

	return ids
		.map((id) => readContextMeta(path.join(dir, id, 'meta.json')))
		.filter((context): context is DockerContext => context !== undefined)
		.sort((a, b) => a.name.localeCompare(b.name));
}

export function readContext(name: string, environment: Environment = processEnvironment()): DockerContext {
	const file = path.join(dockerConfigDir(environment), 'contexts', 'meta', contextId(name), 'meta.json');
	const context = existsSync(file) ? readContextMeta(file) : undefined;
	if (!context) {
		const known = listContexts(environment).map((c) => c.name);
		throw new EndpointError(
			`context "${name}" not found (${known.length > 0 ? `known: default, ${known.join(', ')}` : 'only "default" exists'})`,
		);
	}

	return context;
}

/** The currentContext in the docker CLI's config.json, if set. */
export function currentContext(environment: Environment = processEnvironment()): string | undefined {
	try {
		const config = JSON.parse(readFileSync(path.join(dockerConfigDir(environment), 'config.json'), 'utf8')) as {
			currentContext?: unknown;
		};
		return typeof config.currentContext === 'string' && config.currentContext !== '' ? config.currentContext : undefined;
	} catch {
		return undefined;
	}
}

const defaultEndpoint = (): Endpoint => ({kind: 'unix', socketPath: defaultSocket, url: `unix://${defaultSocket}`});

/** The endpoint a context names; "default" is DOCKER_HOST or the local socket. */
export function contextEndpoint(name: string, environment: Environment, identity?: string): EngineSelection {
	if (name === 'default') {
		const host = environment.env['DOCKER_HOST'];
		if (!host) return {endpoint: defaultEndpoint(), source: 'default'};
		return {endpoint: parseEndpoint(host, environment, {identity}), source: 'DOCKER_HOST'};
	}

	const context = readContext(name, environment);
	if (!context.host) return {endpoint: defaultEndpoint(), context: name, source: 'default'};
	const tls = context.tlsDir ? tlsIn(context.tlsDir, !context.skipTlsVerify) : null;
	return {endpoint: parseEndpoint(context.host, environment, {tls, identity}), context: name, source: 'default'};
}

/**
 * The engine to use. Like the docker CLI, --host and --context together are a usage error, and an
 * explicit --context wins over DOCKER_HOST, while DOCKER_CONTEXT does not.
 */
export function selectEngine(options: SelectOptions = {}, environment: Environment = processEnvironment()): EngineSelection {
	const {env} = environment;
	const {identity} = options;
	if (options.host && options.context) {
		throw new EndpointError('--host and --context cannot be used together; pick one');
	}

	if (options.host) return {endpoint: parseEndpoint(options.host, environment, {identity}), source: 'flag --host'};
	const fromContext = (name: string, source: EngineSource): EngineSelection => {
		const selection = contextEndpoint(name, environment, identity);
		return {...selection, source: name === 'default' ? selection.source : source};
	};

	if (options.context) return fromContext(options.context, 'flag --context');
	if (env['DOCKER_HOST']) return {endpoint: parseEndpoint(env['DOCKER_HOST'], environment, {identity}), source: 'DOCKER_HOST'};
	if (env['DOCKER_CONTEXT']) return fromContext(env['DOCKER_CONTEXT'], 'DOCKER_CONTEXT');
	const current = currentContext(environment);
	if (current) return fromContext(current, 'docker config');
	return {endpoint: defaultEndpoint(), source: 'default'};
}

/** One of the engines to show, with the name its rows carry in the ENGINE column. */
export type NamedSelection = EngineSelection & {readonly name: string};

export type SelectManyOptions = {
	/** Every --host, in order. */
	readonly hosts?: readonly string[];
	/** Every --context, in order. */
	readonly contexts?: readonly string[];
	/** The config file's `contexts`, used when no --host or --context is given. */
	readonly configContexts?: readonly string[];
	readonly identity?: string;
};

/** An address as a column shows it: without the unix://, tcp:// or ssh:// in front. */
export const shortAddress = (endpoint: Endpoint): string => endpoint.url.replace(/^(unix|tcp|ssh):\/\//, '');

/**
 * The engines to show: every --host, then every --context; without either, the config file's contexts; else
 * the one engine selectEngine picks. One engine named once is exactly selectEngine's choice. Naming the same
 * engine twice is a usage error.
 */
export function selectEngines(
	options: SelectManyOptions = {},
	environment: Environment = processEnvironment(),
): NamedSelection[] {
	const {identity} = options;
	const flagged = (options.hosts?.length ?? 0) + (options.contexts?.length ?? 0) > 0;
	const hosts = options.hosts ?? [];
	const contexts = flagged ? (options.contexts ?? []) : (options.configContexts ?? []);
	const contextSource: EngineSource = flagged ? 'flag --context' : 'config file contexts';
	if (hosts.length + contexts.length <= 1) {
		const one =
			hosts.length === 0 && contexts.length === 1 && !flagged
				? {...contextEndpoint(contexts[0]!, environment, identity), source: contextSource}
				: selectEngine({host: hosts[0], context: contexts[0], identity}, environment);
		return [{...one, name: one.context ?? shortAddress(one.endpoint)}];
	}

	const selections: NamedSelection[] = [
		...hosts.map((host): NamedSelection => {
			const endpoint = parseEndpoint(host, environment, {identity});
			return {endpoint, source: 'flag --host', name: shortAddress(endpoint)};
		}),
		...contexts.map((name): NamedSelection => {
			const selection = contextEndpoint(name, environment, identity);
			return {...selection, context: name === 'default' ? undefined : name, source: contextSource, name};
		}),
	];
	const seen = new Map<string, string>();
	for (const selection of selections) {
		const earlier = seen.get(selection.endpoint.url);
		if (earlier !== undefined) {
			throw new EndpointError(
				`${earlier} and ${selection.name} are the same engine (${selection.endpoint.url}); name each engine once`,
			);
		}

		seen.set(selection.endpoint.url, selection.name);
	}

	return selections;
}
