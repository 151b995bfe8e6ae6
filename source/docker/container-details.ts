// Reads for the details tabs: inspect (turned into readable sections), top, changes, and the stats
// stream, which is opened only for the container whose Stats tab is on screen. Every string the engine
// gives is sanitised on the way in (state/core/sanitize.ts), the raw JSON view's included.
import type {Readable} from 'node:stream';
import {
	changeKind,
	parseEnv,
	type Change,
	type ContainerInfo,
	type InfoSection,
	type MountRow,
	type PortRow,
	type TopTable,
} from '../state/details/container-info.js';
import type {StatsSample} from '../state/details/stats.js';
import {maskInspect} from '../state/details/secrets.js';
import {sanitizeDeep} from '../state/core/sanitize.js';
import {deadlines, type Engine} from './engine.js';
import {toEngineError} from './errors.js';
import {inspectTimes} from './mapping.js';
import {createNdjsonParser} from './streams/ndjson.js';
import type {ReadGate} from './streams/read-gate.js';

/** The parts of an inspect answer the tabs read; the rest is only shown raw. */
type ApiDetails = {
	readonly Id: string;
	readonly Name?: string;
	readonly Created?: string;
	readonly Path?: string;
	readonly Args?: readonly string[];
	readonly Image?: string;
	readonly RestartCount?: number;
	readonly State?: {
		readonly Status?: string;
		readonly Running?: boolean;
		readonly Pid?: number;
		readonly ExitCode?: number;
		readonly OOMKilled?: boolean;
		readonly StartedAt?: string;
		readonly FinishedAt?: string;
		readonly Health?: {readonly Status?: string};
	};
	readonly Config?: {
		readonly Image?: string;
		readonly Hostname?: string;
		readonly User?: string;
		readonly WorkingDir?: string;
		readonly Entrypoint?: readonly string[] | null;
		readonly Cmd?: readonly string[] | null;
		readonly Env?: readonly string[] | null;
		readonly Tty?: boolean;
		readonly OpenStdin?: boolean;
		readonly Labels?: Readonly<Record<string, string>> | null;
		readonly ExposedPorts?: Readonly<Record<string, unknown>> | null;
	};
	readonly HostConfig?: {
		readonly NetworkMode?: string;
		readonly RestartPolicy?: {readonly Name?: string; readonly MaximumRetryCount?: number};
		readonly Privileged?: boolean;
		readonly Memory?: number;
		readonly NanoCpus?: number;
		readonly PortBindings?: Readonly<Record<string, ReadonlyArray<{HostIp?: string; HostPort?: string}> | null>> | null;
	};
	readonly NetworkSettings?: {
		readonly Ports?: Readonly<Record<string, ReadonlyArray<{HostIp?: string; HostPort?: string}> | null>> | null;
		readonly Networks?: Readonly<Record<string, {IPAddress?: string; Gateway?: string; MacAddress?: string}>> | null;
	};
	readonly Mounts?: ReadonlyArray<{
		Type?: string;
		Name?: string;
		Source?: string;
		Destination?: string;
		Mode?: string;
		RW?: boolean;
	}> | null;
};

const never = (text: string | undefined) => (!text || text.startsWith('0001-') ? '—' : text);

function sections(api: ApiDetails): InfoSection[] {
	const config = api.Config ?? {};
	const state = api.State ?? {};
	const host = api.HostConfig ?? {};
	const restart = host.RestartPolicy?.Name
		? `${host.RestartPolicy.Name}${host.RestartPolicy.MaximumRetryCount ? ` (max ${host.RestartPolicy.MaximumRetryCount})` : ''}`
		: 'no';
	const list: InfoSection[] = [
		{
			title: 'Container',
			rows: [
				['Id', api.Id],
				['Name', (api.Name ?? '').replace(/^\//, '')],
				['Image', `${config.Image ?? ''} (${(api.Image ?? '').replace(/^sha256:/, '').slice(0, 12)})`],
				['Created', never(api.Created)],
				['Command', [api.Path, ...(api.Args ?? [])].filter(Boolean).join(' ')],
				['Entrypoint', (config.Entrypoint ?? []).join(' ') || '—'],
				['Working dir', config.WorkingDir || '/'],
				['User', config.User || 'root (default)'],
				['Hostname', config.Hostname ?? ''],
				['TTY', config.Tty ? 'yes' : 'no'],
			],
		},
		{
			title: 'State',
			rows: [
				['Status', `${state.Status ?? '?'}${state.Health?.Status ? ` (${state.Health.Status})` : ''}`],
				['PID', state.Pid ? String(state.Pid) : '—'],
				['Exit code', String(state.ExitCode ?? '—')],
				['Started', never(state.StartedAt)],
				['Finished', never(state.FinishedAt)],
				['Restarts', String(api.RestartCount ?? 0)],
				['OOM killed', state.OOMKilled ? 'yes' : 'no'],
			],
		},
		{
			title: 'Host',
			rows: [
				['Restart policy', restart],
				['Network mode', host.NetworkMode ?? ''],
				['Privileged', host.Privileged ? 'yes' : 'no'],
				['Memory limit', host.Memory ? `${host.Memory} bytes` : 'none'],
				['CPUs', host.NanoCpus ? String(host.NanoCpus / 1e9) : 'unlimited'],
			],
		},
	];
	const networks = Object.entries(api.NetworkSettings?.Networks ?? {});
	if (networks.length > 0) {
		list.push({
			title: 'Networks',
			rows: networks.map(([name, network]) => [
				name,
				`ip ${network.IPAddress || '—'} · gateway ${network.Gateway || '—'} · mac ${network.MacAddress || '—'}`,
			]),
		});
	}

	const labels = Object.entries(config.Labels ?? {});
	if (labels.length > 0) list.push({title: 'Labels', rows: labels.map(([key, value]) => [key, value])});
	return list;
}

function ports(api: ApiDetails): PortRow[] {
	// A stopped container has no NetworkSettings.Ports; its bindings are still in HostConfig.
	const live = api.NetworkSettings?.Ports;
	const bindings = live && Object.keys(live).length > 0 ? live : (api.HostConfig?.PortBindings ?? {});
	const names = new Set([...Object.keys(api.Config?.ExposedPorts ?? {}), ...Object.keys(bindings)]);
	const rows: PortRow[] = [];
	for (const port of [...names].sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10))) {
		const hosts = bindings[port] ?? [];
		if (hosts.length === 0) rows.push({container: port});
		for (const host of hosts) rows.push({container: port, host: `${host.HostIp || '0.0.0.0'}:${host.HostPort ?? ''}`});
	}

	return rows;
}

const mounts = (api: ApiDetails): MountRow[] =>
	(api.Mounts ?? []).map((mount) => ({
		type: mount.Type ?? '',
		source: mount.Type === 'volume' && mount.Name ? mount.Name : (mount.Source ?? ''),
		destination: mount.Destination ?? '',
		mode: [mount.RW === false ? 'ro' : 'rw', mount.Mode].filter(Boolean).join(','),
	}));

export function toContainerInfo(engineApi: ApiDetails): ContainerInfo {
	const api = sanitizeDeep(engineApi);
	return {
		id: api.Id,
		name: (api.Name ?? '').replace(/^\//, ''),
		running: api.State?.Running ?? false,
		startedAt: inspectTimes(api.State ?? {}).startedAt,
		tty: api.Config?.Tty ?? false,
		openStdin: api.Config?.OpenStdin ?? false,
		sections: sections(api),
		env: parseEnv(api.Config?.Env ?? []),
		ports: ports(api),
		mounts: mounts(api),
		raw: JSON.stringify(api, null, 2),
		rawMasked: JSON.stringify(maskInspect(api), null, 2),
	};
}

export async function inspectDetails(engine: Engine, id: string): Promise<ContainerInfo> {
	try {
		return toContainerInfo((await engine.within(engine.docker.getContainer(id).inspect())) as unknown as ApiDetails);
	} catch (error) {
		throw toEngineError(error);
	}
}

export async function containerTop(engine: Engine, id: string): Promise<TopTable> {
	try {
		const top = (await engine.within(engine.docker.getContainer(id).top())) as {Titles?: string[]; Processes?: string[][] | null};
		const clean = sanitizeDeep(top);
		return {titles: clean.Titles ?? [], processes: clean.Processes ?? []};
	} catch (error) {
		throw toEngineError(error);
	}
}

/** dockerode hands this answer back unparsed (a Buffer holding "null" when nothing changed). */
function parseChanges(body: unknown): ReadonlyArray<{Path: string; Kind: number}> {
	const value = Buffer.isBuffer(body) ? (JSON.parse(body.toString('utf8')) as unknown) : body;
	return Array.isArray(value) ? (value as Array<{Path: string; Kind: number}>) : [];
}

export async function containerChanges(engine: Engine, id: string): Promise<Change[]> {
	try {
		const changes = sanitizeDeep(parseChanges(await engine.within(engine.docker.getContainer(id).changes())));
		return changes
			.map((change) => ({kind: changeKind(change.Kind), path: change.Path}))
			.sort((a, b) => a.path.localeCompare(b.path));
	} catch (error) {
		throw toEngineError(error);
	}
}

export type StatsFeed = {
	readonly close: () => void;
	/** Resolves when the engine ends the stream (the container stopped) or it fails, with why. */
	readonly ended: Promise<string>;
};

/**
 * Follows one container's stats stream (about one sample a second) until closed. With a gate, the stream is
 * read with the gate's other streams, once a period, instead of as each sample comes (the list's rows).
 */
export async function followStats(
	engine: Engine,
	id: string,
	onSample: (sample: StatsSample) => void,
	gate?: ReadGate,
): Promise<StatsFeed> {
	let stream: Readable;
	try {
		stream = (await engine.within(
			engine.docker.getContainer(id).stats({stream: true}),
			deadlines.subscribeMs,
		)) as unknown as Readable;
	} catch (error) {
		throw toEngineError(error);
	}

	let closing = false;
	const ungate = gate?.add(stream);
	// Each sample replaces the one before. Read with the gate, a reading holds a second or more of them, in as
	// many chunks: they are gathered until the reading is over, and only the newest is parsed.
	const parse = createNdjsonParser<StatsSample>({newestOnly: gate !== undefined});
	let held: Buffer[] = [];
	const parseHeld = () => {
		const chunks = held;
		held = [];
		if (closing || chunks.length === 0) return;
		for (const sample of parse(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks))) onSample(sample);
	};

	const ended = new Promise<string>((resolve) => {
		stream.on('data', (chunk: Buffer) => {
			if (!gate) {
				for (const sample of parse(chunk)) onSample(sample);
				return;
			}

			held.push(chunk);
			if (held.length === 1) setImmediate(parseHeld);
		});
		const finish = () => {
			// The last samples before the end come before it.
			parseHeld();
			ungate?.();
			resolve(closing ? 'closed' : 'the engine ended the stats stream');
		};
		stream.on('end', finish);
		stream.on('close', finish);
		stream.on('error', (error: unknown) => {
			ungate?.();
			resolve(closing ? 'closed' : toEngineError(error).message);
		});
	});
	return {
		close() {
			closing = true;
			ungate?.();
			stream.destroy();
		},
		ended,
	};
}
