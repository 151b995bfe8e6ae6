// Swarm through the Engine API: is this engine a manager (/info), its services, tasks and nodes as domain
// values, and the changes the swarm panes ask for (scale, force update, roll back, remove, availability).
// Every text the engine gives goes through the sanitiser on the way in.
import {sanitizeDeep} from '../state/core/sanitize.js';
import type {SwarmNode, SwarmOp, SwarmRole, SwarmService, SwarmTask, UpdateState} from '../state/swarm/swarm-types.js';
import {deadlines, type Engine} from './engine.js';
import type {Filters} from './filters.js';

type Labels = Record<string, string> | null | undefined;

type ApiService = {
	ID: string;
	Version?: {Index?: number};
	CreatedAt?: string;
	Spec?: {
		Name?: string;
		Labels?: Labels;
		Mode?: {Replicated?: {Replicas?: number}; Global?: object; ReplicatedJob?: object; GlobalJob?: object};
		TaskTemplate?: {ContainerSpec?: {Image?: string}; ForceUpdate?: number};
		EndpointSpec?: {Ports?: ApiPort[]};
	};
	Endpoint?: {Ports?: ApiPort[]};
	UpdateStatus?: {State?: string; Message?: string};
	ServiceStatus?: {RunningTasks?: number; DesiredTasks?: number; CompletedTasks?: number};
};

type ApiPort = {Protocol?: string; TargetPort?: number; PublishedPort?: number; PublishMode?: string};

type ApiTask = {
	ID: string;
	ServiceID?: string;
	Slot?: number;
	NodeID?: string;
	DesiredState?: string;
	CreatedAt?: string;
	Status?: {
		Timestamp?: string;
		State?: string;
		Message?: string;
		Err?: string;
		ContainerStatus?: {ContainerID?: string; ExitCode?: number};
	};
};

type ApiNode = {
	ID: string;
	Version?: {Index?: number};
	Spec?: {Role?: string; Availability?: string; Labels?: Labels; Name?: string};
	Description?: {Hostname?: string; Engine?: {EngineVersion?: string}};
	Status?: {State?: string; Addr?: string};
	ManagerStatus?: {Leader?: boolean; Reachability?: string; Addr?: string};
};

type ApiInfo = {Swarm?: {LocalNodeState?: string; ControlAvailable?: boolean; NodeID?: string; Error?: string}};

const time = (text: string | undefined): number => {
	const at = text ? Date.parse(text) : Number.NaN;
	return Number.isNaN(at) ? 0 : at;
};

const updateStates = new Set<string>([
	'updating',
	'paused',
	'completed',
	'rollback_started',
	'rollback_paused',
	'rollback_completed',
]);

/** "8080:80/tcp" as `docker service ls` prints it; a host-mode port says so. */
export function portText(port: ApiPort): string {
	const target = `${port.TargetPort ?? '?'}/${port.Protocol ?? 'tcp'}`;
	const host = port.PublishMode === 'host' ? ' (host)' : '';
	return port.PublishedPort ? `*:${port.PublishedPort}->${target}${host}` : `${target}${host}`;
}

export function toService(api: ApiService): SwarmService {
	const spec = api.Spec ?? {};
	const mode = spec.Mode?.Replicated
		? 'replicated'
		: spec.Mode?.Global
			? 'global'
			: spec.Mode?.ReplicatedJob
				? 'replicated-job'
				: spec.Mode?.GlobalJob
					? 'global-job'
					: 'replicated';
	const labels = spec.Labels ?? {};
	const update = api.UpdateStatus?.State;
	// The published ports the engine assigned (Endpoint) once known, else those the spec asks for.
	const ports = api.Endpoint?.Ports?.length ? api.Endpoint.Ports : (spec.EndpointSpec?.Ports ?? []);
	return sanitizeDeep({
		id: api.ID,
		name: spec.Name ?? api.ID.slice(0, 12),
		mode,
		running: api.ServiceStatus?.RunningTasks ?? 0,
		desired: api.ServiceStatus?.DesiredTasks ?? spec.Mode?.Replicated?.Replicas ?? 0,
		image: spec.TaskTemplate?.ContainerSpec?.Image ?? '',
		ports: ports.map(portText),
		update: update && updateStates.has(update) ? (update as UpdateState) : undefined,
		updateMessage: api.UpdateStatus?.Message || undefined,
		stack: labels['com.docker.stack.namespace'] || undefined,
		createdAt: time(api.CreatedAt),
		labels,
		version: api.Version?.Index ?? 0,
	});
}

export function toTask(api: ApiTask): SwarmTask {
	const status = api.Status ?? {};
	const exitCode = status.ContainerStatus?.ExitCode;
	const state = status.State ?? 'unknown';
	// Exit code 0 of a running task is the engine's default, not an exit.
	const exited = exitCode !== undefined && (state !== 'running' || exitCode !== 0) && state !== 'new' && state !== 'pending';
	return sanitizeDeep({
		id: api.ID,
		serviceId: api.ServiceID ?? '',
		slot: api.Slot || undefined,
		nodeId: api.NodeID || undefined,
		desired: api.DesiredState ?? 'unknown',
		state,
		message: status.Message || undefined,
		error: status.Err || undefined,
		exitCode: exited && state !== 'running' ? exitCode : undefined,
		containerId: status.ContainerStatus?.ContainerID || undefined,
		createdAt: time(api.CreatedAt),
		stateAt: time(status.Timestamp),
	});
}

export function toNode(api: ApiNode): SwarmNode {
	const manager = api.ManagerStatus;
	return sanitizeDeep({
		id: api.ID,
		hostname: api.Description?.Hostname ?? api.ID.slice(0, 12),
		role: api.Spec?.Role ?? 'worker',
		availability: api.Spec?.Availability ?? 'active',
		status: api.Status?.State ?? 'unknown',
		managerStatus: manager ? (manager.Leader ? 'leader' : (manager.Reachability ?? 'unknown')) : undefined,
		address: api.Status?.Addr || undefined,
		engineVersion: api.Description?.Engine?.EngineVersion,
		labels: api.Spec?.Labels ?? {},
		version: api.Version?.Index ?? 0,
	});
}

export function toRole(info: ApiInfo): SwarmRole {
	const swarm = info.Swarm ?? {};
	return sanitizeDeep({
		localState: swarm.LocalNodeState || 'inactive',
		manager: swarm.LocalNodeState === 'active' && swarm.ControlAvailable === true,
		nodeId: swarm.NodeID || undefined,
		error: swarm.Error || undefined,
	});
}

/** The --filter keys /services understands; the scope's other keys cannot be asked of it. */
const serviceFilterKeys = new Set(['label', 'name', 'id']);

/** The scope as a /services filter, or why the services cannot be scoped by it. */
export function serviceFilters(scope: Filters): {readonly filters: Filters} | {readonly unscopable: string} {
	const other = Object.keys(scope).filter((key) => !serviceFilterKeys.has(key));
	if (other.length > 0) return {unscopable: `services cannot be filtered by ${other.join(', ')}: the scope hides them`};
	return {filters: scope};
}

export async function readRole(engine: Engine): Promise<SwarmRole> {
	return toRole((await engine.within(engine.docker.info())) as ApiInfo);
}

export async function readServices(engine: Engine, filters: Filters): Promise<SwarmService[]> {
	// status=true (API 1.41) adds ServiceStatus: the running and desired task counts the replicas column shows.
	const docker = engine.docker as unknown as {listServices(options: object): Promise<unknown>};
	const rows = (await engine.within(docker.listServices({status: true, filters}))) as ApiService[];
	return rows.map(toService);
}

export async function readTasks(engine: Engine): Promise<SwarmTask[]> {
	const rows = (await engine.within(engine.docker.listTasks())) as unknown as ApiTask[];
	return rows.map(toTask);
}

export async function readNodes(engine: Engine): Promise<SwarmNode[]> {
	const rows = (await engine.within(engine.docker.listNodes())) as unknown as ApiNode[];
	return rows.map(toNode);
}

/** dockerode's update, typed as it is called here: docker-modem sends `_query` as the query and `_body` as the body. */
type Updatable = {update(options: {_query: Record<string, unknown>; _body: object}): Promise<unknown>};

/** Carries out one swarm action; the engine's refusal comes back as an EngineError. */
export async function runSwarmOp(engine: Engine, op: SwarmOp): Promise<void> {
	const {docker} = engine;
	if (op.kind === 'removeService') {
		await engine.within(docker.getService(op.id).remove(), deadlines.opMs);
		return;
	}

	if (op.kind === 'availability') {
		const node = (await engine.within(docker.getNode(op.id).inspect())) as ApiNode & {Spec: object};
		const body = {...node.Spec, Availability: op.availability};
		const target = docker.getNode(op.id) as unknown as Updatable;
		await engine.within(target.update({_query: {version: node.Version?.Index}, _body: body}), deadlines.opMs);
		return;
	}

	// An update names the spec version it changes: read it now, so a change made meanwhile is refused, not lost.
	const service = (await engine.within(docker.getService(op.id).inspect())) as ApiService & {Spec: Record<string, unknown>};
	const spec = service.Spec as NonNullable<ApiService['Spec']>;
	const query: Record<string, unknown> = {version: service.Version?.Index};
	let body: object = spec;
	switch (op.kind) {
		case 'scale':
			body = {...spec, Mode: {Replicated: {Replicas: op.replicas}}};
			break;
		case 'forceUpdate':
			// What `docker service update --force` does: a changed ForceUpdate counter replaces every task.
			body = {...spec, TaskTemplate: {...spec.TaskTemplate, ForceUpdate: (spec.TaskTemplate?.ForceUpdate ?? 0) + 1}};
			break;
		case 'rollback':
			query['rollback'] = 'previous';
			break;
	}

	const target = docker.getService(op.id) as unknown as Updatable;
	await engine.within(target.update({_query: query, _body: body}), deadlines.opMs);
}
