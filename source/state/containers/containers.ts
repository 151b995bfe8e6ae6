// The container table as the engine last told it: a snapshot, then events and re-reads applied on top.
import type {Container, ContainerEvent, ContainerNews, Prefixed} from '../core/model.js';
import {splitRowKey} from '../core/engines.js';
import {applyReadings, type Usage, type UsageReadings} from './usage.js';

export type ContainersState = {
	readonly byId: Readonly<Record<string, Container>>;
	/** False until the first full list arrives. */
	readonly loaded: boolean;
	/** CPU and memory of running containers, from the stats streams of the rows on screen (usage.ts). */
	readonly usage?: Readonly<Record<string, Usage>>;
};

export type ContainersAction =
	| Prefixed<ContainerNews, 'containers'>
	/** One batch of stats figures for every streamed row together (at most one a second). */
	| {readonly type: 'containers/usage'; readonly readings: UsageReadings};

export const initialContainers: ContainersState = {byId: {}, loaded: false};

/** Keeps exact times already known when a re-read only brings estimates. */
function merge(previous: Container | undefined, next: Container): Container {
	if (!previous || next.timesExact || !previous.timesExact) return next;
	const sameRun =
		previous.state === next.state ||
		(previous.state === 'running' && next.state === 'paused') ||
		(previous.state === 'paused' && next.state === 'running');
	if (!sameRun) return next;
	return {
		...next,
		startedAt: previous.startedAt ?? next.startedAt,
		finishedAt: previous.finishedAt ?? next.finishedAt,
		exitCode: next.exitCode ?? previous.exitCode,
		timesExact: true,
	};
}

/** What an event tells us before the container is re-read, so the row reacts in the same frame. */
function applyEvent(container: Container, event: ContainerEvent): Container {
	switch (event.action) {
		case 'start':
			return {...container, state: 'running', startedAt: event.time, health: undefined, timesExact: true};
		case 'die':
			return {
				...container,
				state: 'exited',
				finishedAt: event.time,
				exitCode: event.exitCode ?? container.exitCode,
				health: undefined,
				timesExact: true,
			};
		case 'pause':
			return {...container, state: 'paused'};
		case 'unpause':
			return {...container, state: 'running'};
		case 'rename':
			return event.name ? {...container, name: event.name} : container;
		case 'health_status: healthy':
			return {...container, health: 'healthy'};
		case 'health_status: unhealthy':
			return {...container, health: 'unhealthy'};
		case 'health_status: starting':
			return {...container, health: 'starting'};
		default:
			return container;
	}
}

export function containersReducer(state: ContainersState, action: ContainersAction): ContainersState {
	switch (action.type) {
		case 'containers/snapshot': {
			const byId: Record<string, Container> = {};
			// One engine's list leaves the rows of the others as they are.
			if (action.engine !== undefined) {
				for (const [key, container] of Object.entries(state.byId)) {
					if (splitRowKey(key).engine !== action.engine) byId[key] = container;
				}
			}

			for (const container of action.containers) byId[container.id] = merge(state.byId[container.id], container);
			const usage = state.usage && Object.fromEntries(Object.entries(state.usage).filter(([id]) => Object.hasOwn(byId, id)));
			return {byId, loaded: true, usage};
		}

		case 'containers/upsert':
			return {...state, byId: {...state.byId, [action.container.id]: merge(state.byId[action.container.id], action.container)}};
		case 'containers/remove': {
			if (!(action.id in state.byId)) return state;
			const {[action.id]: _removed, ...byId} = state.byId;
			if (!state.usage || !Object.hasOwn(state.usage, action.id)) return {...state, byId};
			const {[action.id]: _figures, ...usage} = state.usage;
			return {...state, byId, usage};
		}

		case 'containers/event': {
			const current = state.byId[action.event.id];
			if (!current) return state;
			if (action.event.action === 'destroy') return containersReducer(state, {type: 'containers/remove', id: current.id});
			const next = applyEvent(current, action.event);
			return next === current ? state : {...state, byId: {...state.byId, [current.id]: next}};
		}

		case 'containers/usage': {
			const usage = applyReadings(state.usage ?? {}, action.readings);
			return usage === state.usage ? state : {...state, usage};
		}
		case 'containers/times': {
			const known = action.times.filter((times) => state.byId[times.id] !== undefined);
			if (known.length === 0) return state;
			const byId = {...state.byId};
			for (const times of known) {
				const current = byId[times.id]!;
				byId[times.id] = {
					...current,
					startedAt: times.startedAt ?? current.startedAt,
					finishedAt: times.finishedAt ?? current.finishedAt,
					exitCode: times.exitCode ?? current.exitCode,
					timesExact: true,
				};
			}

			return {...state, byId};
		}
	}
}

export type ContainerCounts = {readonly running: number; readonly paused: number; readonly stopped: number};

export function countContainers(state: ContainersState): ContainerCounts {
	let running = 0;
	let paused = 0;
	let stopped = 0;
	for (const container of Object.values(state.byId)) {
		if (container.state === 'paused') paused++;
		else if (container.state === 'running' || container.state === 'restarting') running++;
		else stopped++;
	}

	return {running, paused, stopped};
}
