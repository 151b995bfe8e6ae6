// Engine API JSON → domain values. Only the fields dockpit reads are typed; every string is sanitised
// here (state/core/sanitize.ts), since names, commands and labels are the containers' authors' text.
import type {Container, ContainerEvent, ContainerState, Health, PortMapping} from '../state/core/model.js';
import {parseStatus} from '../state/containers/status.js';
import {sanitizeDeep} from '../state/core/sanitize.js';

export type ApiContainer = {
	readonly Id: string;
	readonly Names?: readonly string[];
	readonly Image?: string;
	readonly Command?: string;
	readonly Created?: number;
	readonly State?: string;
	readonly Status?: string;
	readonly Ports?: ReadonlyArray<{IP?: string; PrivatePort: number; PublicPort?: number; Type?: string}>;
	readonly Labels?: Readonly<Record<string, string>> | null;
};

export type ApiInspect = {
	readonly Id: string;
	readonly Name?: string;
	readonly Created?: string;
	readonly Path?: string;
	readonly Args?: readonly string[];
	readonly State?: ApiInspectState;
	readonly Config?: {readonly Image?: string; readonly Labels?: Readonly<Record<string, string>> | null};
	readonly NetworkSettings?: {
		readonly Ports?: Readonly<Record<string, ReadonlyArray<{HostIp?: string; HostPort?: string}> | null>> | null;
	};
};

export type ApiInspectState = {
	readonly Status?: string;
	readonly ExitCode?: number;
	readonly StartedAt?: string;
	readonly FinishedAt?: string;
	readonly Health?: {readonly Status?: string};
};

const states: readonly ContainerState[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];

const toState = (value: string | undefined): ContainerState =>
	states.includes(value as ContainerState) ? (value as ContainerState) : 'dead';

export function toContainer(engineApi: ApiContainer, now: number): Container {
	const api = sanitizeDeep(engineApi);
	const state = toState(api.State);
	const parsed = parseStatus(api.Status ?? '', now);
	const ports: PortMapping[] = (api.Ports ?? []).map((port) => ({
		privatePort: port.PrivatePort,
		publicPort: port.PublicPort,
		ip: port.IP,
		protocol: port.Type ?? 'tcp',
	}));
	return {
		id: api.Id,
		name: (api.Names?.[0] ?? api.Id.slice(0, 12)).replace(/^\//, ''),
		image: api.Image ?? '',
		command: api.Command ?? '',
		state,
		health: parsed.health,
		exitCode: parsed.exitCode,
		startedAt: parsed.startedAt,
		finishedAt: parsed.finishedAt,
		timesExact: false,
		createdAt: (api.Created ?? 0) * 1000,
		ports,
		labels: api.Labels ?? {},
	};
}

/** Go's zero time ("0001-01-01T00:00:00Z") means "never". */
const toEpoch = (text: string | undefined): number | undefined => {
	if (!text || text.startsWith('0001-')) return undefined;
	const ms = Date.parse(text);
	return Number.isNaN(ms) ? undefined : ms;
};

export function inspectTimes(state: ApiInspectState): {startedAt?: number; finishedAt?: number; exitCode?: number} {
	return {startedAt: toEpoch(state.StartedAt), finishedAt: toEpoch(state.FinishedAt), exitCode: state.ExitCode};
}

const healths: readonly Health[] = ['starting', 'healthy', 'unhealthy'];

/** A container from inspect: read under the container's lock, so unlike the list it is never behind its events. */
export function fromInspect(engineApi: ApiInspect): Container {
	const api = sanitizeDeep(engineApi);
	const state = toState(api.State?.Status);
	const ports: PortMapping[] = [];
	for (const [key, bindings] of Object.entries(api.NetworkSettings?.Ports ?? {})) {
		const [port = '0', protocol = 'tcp'] = key.split('/');
		if (!bindings || bindings.length === 0) ports.push({privatePort: Number(port), protocol});
		for (const binding of bindings ?? []) {
			ports.push({privatePort: Number(port), protocol, publicPort: Number(binding.HostPort), ip: binding.HostIp});
		}
	}

	const health = api.State?.Health?.Status as Health | undefined;
	return {
		id: api.Id,
		name: (api.Name ?? api.Id.slice(0, 12)).replace(/^\//, ''),
		image: api.Config?.Image ?? '',
		command: [api.Path, ...(api.Args ?? [])].filter(Boolean).join(' '),
		state,
		health: health && healths.includes(health) ? health : undefined,
		...inspectTimes(api.State ?? {}),
		timesExact: true,
		createdAt: toEpoch(api.Created) ?? 0,
		ports,
		labels: api.Config?.Labels ?? {},
	};
}

export type ApiEvent = {
	readonly Type?: string;
	readonly Action?: string;
	readonly status?: string;
	readonly id?: string;
	readonly Actor?: {readonly ID?: string; readonly Attributes?: Readonly<Record<string, string>>};
	readonly time?: number;
	readonly timeNano?: number;
};

/** A container event, or undefined for other event types. */
export function toContainerEvent(engineApi: ApiEvent): ContainerEvent | undefined {
	if (engineApi.Type !== 'container') return undefined;
	const api = sanitizeDeep(engineApi);
	const id = api.Actor?.ID ?? api.id;
	const action = api.Action ?? api.status;
	if (!id || !action) return undefined;
	const attributes = api.Actor?.Attributes ?? {};
	const exitCode = attributes['exitCode'] === undefined ? undefined : Number(attributes['exitCode']);
	const time = api.timeNano ? Math.floor(api.timeNano / 1e6) : (api.time ?? 0) * 1000;
	return {action, id, name: attributes['name'], exitCode: Number.isNaN(exitCode) ? undefined : exitCode, time};
}
