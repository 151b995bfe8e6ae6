// What `docker run` / `docker create` asks for, as a domain value the engine layer turns into a create
// request, and the parsers of the docker CLI's own syntax for it: -p, -e, -v, -l and --restart.
import {quoteWord} from './shell-words.js';

export type Protocol = 'tcp' | 'udp' | 'sctp';

/** One published (or only exposed) container port. */
export type PortBinding = {
	readonly containerPort: number;
	readonly protocol: Protocol;
	readonly hostIp?: string;
	/** A port, a range ("8000-8010", the engine picks one), or undefined for an ephemeral port. */
	readonly hostPort?: string;
};

export type MountSpec =
	| {readonly kind: 'bind'; readonly source: string; readonly target: string; readonly mode?: string}
	| {readonly kind: 'volume'; readonly name: string; readonly target: string; readonly mode?: string}
	| {readonly kind: 'anonymous'; readonly target: string};

export const restartPolicies = ['no', 'always', 'unless-stopped', 'on-failure'] as const;
export type RestartPolicy = (typeof restartPolicies)[number];

export type RunSpec = {
	readonly image: string;
	readonly name?: string;
	/** Empty: the image's own CMD. */
	readonly command: readonly string[];
	readonly ports: readonly PortBinding[];
	/** "K=V" entries. */
	readonly env: readonly string[];
	readonly mounts: readonly MountSpec[];
	readonly network?: string;
	readonly restart: RestartPolicy;
	readonly labels: Readonly<Record<string, string>>;
	/** --rm */
	readonly autoRemove: boolean;
	/** -it: a TTY and an open stdin, attached at once when started. */
	readonly interactive: boolean;
	/** false: create only. */
	readonly start: boolean;
};

type Parsed<T> = {readonly value: T} | {readonly error: string};

const protocols: readonly Protocol[] = ['tcp', 'udp', 'sctp'];

/** "80" or "8000-8010", each a port from 1 to 65535; the range's two ends. */
function portRange(text: string, what: string): Parsed<readonly [number, number]> {
	const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text);
	if (!match) return {error: `${what} "${text}" is not a port or a range of ports`};
	const low = Number(match[1]);
	const high = match[2] === undefined ? low : Number(match[2]);
	for (const port of [low, high]) if (port < 1 || port > 65_535) return {error: `${what} ${port} is not between 1 and 65535`};
	if (high < low) return {error: `${what} range ${text} ends before it starts`};
	return {value: [low, high]};
}

/** One -p value: [ip:][hostPort[-end]:]containerPort[-end][/protocol]; an IPv6 address goes in brackets. */
export function parsePort(text: string): Parsed<readonly PortBinding[]> {
	let rest = text.trim();
	let protocol: Protocol = 'tcp';
	const slash = rest.lastIndexOf('/');
	if (slash >= 0) {
		const name = rest.slice(slash + 1).toLowerCase();
		if (!protocols.includes(name as Protocol)) return {error: `-p ${text}: the protocol must be tcp, udp or sctp, not "${name}"`};
		protocol = name as Protocol;
		rest = rest.slice(0, slash);
	}

	let hostIp: string | undefined;
	const v6 = /^\[([^\]]+)\]:(.*)$/.exec(rest);
	if (v6) {
		hostIp = v6[1];
		rest = v6[2]!;
	}

	const parts = rest.split(':');
	if (parts.length > 3 || (v6 && parts.length > 2)) return {error: `-p ${text}: too many ":" parts`};
	if (parts.length === 3) {
		hostIp = parts[0];
		parts.shift();
	}

	if (hostIp !== undefined && !isIp(hostIp)) return {error: `-p ${text}: "${hostIp}" is not an IP address`};
	const containerText = parts.at(-1)!;
	const hostText = parts.length === 2 ? parts[0]! : undefined;
	const container = portRange(containerText, `-p ${text}: container port`);
	if ('error' in container) return container;
	const [low, high] = container.value;
	const count = high - low + 1;
	let hostPorts: Array<string | undefined> = Array.from({length: count}, () => undefined);
	if (hostText !== undefined && hostText !== '') {
		const host = portRange(hostText, `-p ${text}: host port`);
		if ('error' in host) return host;
		const [hostLow, hostHigh] = host.value;
		const hostCount = hostHigh - hostLow + 1;
		if (count === 1) hostPorts = [hostCount === 1 ? String(hostLow) : `${hostLow}-${hostHigh}`];
		else if (hostCount === count) hostPorts = Array.from({length: count}, (_, index) => String(hostLow + index));
		else return {error: `-p ${text}: the host range has ${hostCount} ports and the container range ${count}`};
	}

	return {
		value: hostPorts.map((hostPort, index) => ({
			containerPort: low + index,
			protocol,
			...(hostIp === undefined ? {} : {hostIp}),
			...(hostPort === undefined ? {} : {hostPort}),
		})),
	};
}

function isIp(text: string): boolean {
	const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
	if (v4) return v4.slice(1).every((part) => Number(part) <= 255);
	return text.includes(':') && /^[\da-f:.]+$/i.test(text);
}

/** One -e value: K=V; a bare K is refused (the CLI would copy dockpit's own environment). */
export function parseEnv(text: string): Parsed<string> {
	const equals = text.indexOf('=');
	if (equals <= 0) return {error: `-e ${text}: write NAME=value`};
	const name = text.slice(0, equals);
	if (/\s/.test(name)) return {error: `-e ${text}: a variable name has no spaces`};
	return {value: text};
}

/** One -l value: key=value (value may be empty). */
export function parseLabel(text: string): Parsed<readonly [string, string]> {
	const equals = text.indexOf('=');
	const key = equals < 0 ? text : text.slice(0, equals);
	if (key.trim() === '') return {error: `-l ${text}: a label needs a key`};
	return {value: [key, equals < 0 ? '' : text.slice(equals + 1)]};
}

const modes =
	/^(ro|rw|z|Z|nocopy|r?shared|r?slave|r?private|delegated|cached|consistent)(,(ro|rw|z|Z|nocopy|r?shared|r?slave|r?private|delegated|cached|consistent))*$/;

/**
 * One -v value: /container/path (an anonymous volume), name:/path (a named volume), or /host/path:/path
 * (a bind; a host path starts with /, ./, ../ or ~), each with an optional :ro, :rw… mode.
 */
export function parseVolume(text: string): Parsed<MountSpec> {
	const parts = text.split(':');
	if (parts.length > 3 || parts.some((part) => part === '')) return {error: `-v ${text}: write [source:]/container/path[:ro]`};
	if (parts.length === 1) {
		if (!parts[0]!.startsWith('/')) return {error: `-v ${text}: the container path must be absolute`};
		return {value: {kind: 'anonymous', target: parts[0]!}};
	}

	const [source, target, mode] = parts as [string, string, string | undefined];
	if (!target.startsWith('/')) return {error: `-v ${text}: the container path "${target}" must be absolute`};
	if (mode !== undefined && !modes.test(mode)) return {error: `-v ${text}: unknown mode "${mode}" (ro, rw…)`};
	const withMode = mode === undefined ? {} : {mode};
	if (/^(\/|\.\/|\.\.\/|~\/|\.$|~$)/.test(source)) return {value: {kind: 'bind', source, target, ...withMode}};
	if (!/^[\w][\w.-]*$/.test(source)) return {error: `-v ${text}: "${source}" is neither a host path nor a volume name`};
	return {value: {kind: 'volume', name: source, target, ...withMode}};
}

/** Parses every word with one parser; errors are collected, not stopped at. */
export function parseAll<T>(words: readonly string[], parse: (word: string) => Parsed<T>): {values: T[]; errors: string[]} {
	const values: T[] = [];
	const errors: string[] = [];
	for (const word of words) {
		const result = parse(word);
		if ('error' in result) errors.push(result.error);
		else values.push(result.value);
	}

	return {values, errors};
}

/** A container name as the engine accepts it. */
export const validContainerName = (name: string): boolean => /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name);

function portText(port: PortBinding): string {
	const proto = port.protocol === 'tcp' ? '' : `/${port.protocol}`;
	if (port.hostPort === undefined && port.hostIp === undefined) return `${port.containerPort}${proto}`;
	const ip = port.hostIp === undefined ? '' : port.hostIp.includes(':') ? `[${port.hostIp}]:` : `${port.hostIp}:`;
	return `${ip}${port.hostPort ?? ''}:${port.containerPort}${proto}`;
}

function mountText(mount: MountSpec): string {
	if (mount.kind === 'anonymous') return mount.target;
	const source = mount.kind === 'bind' ? mount.source : mount.name;
	return `${source}:${mount.target}${mount.mode === undefined ? '' : `:${mount.mode}`}`;
}

/** The docker CLI command that does what the spec does, for the person to learn and copy. */
export function runCommandLine(spec: RunSpec): string {
	const words: string[] = ['docker', spec.start ? 'run' : 'create'];
	if (spec.start && !spec.interactive) words.push('-d');
	if (spec.interactive) words.push('-it');
	if (spec.autoRemove) words.push('--rm');
	if (spec.name) words.push('--name', spec.name);
	for (const port of spec.ports) words.push('-p', portText(port));
	for (const entry of spec.env) words.push('-e', entry);
	for (const mount of spec.mounts) words.push('-v', mountText(mount));
	if (spec.network) words.push('--network', spec.network);
	if (spec.restart !== 'no') words.push('--restart', spec.restart);
	for (const [key, value] of Object.entries(spec.labels)) words.push('-l', `${key}=${value}`);
	words.push(spec.image, ...spec.command);
	return words.map(quoteWord).join(' ');
}
