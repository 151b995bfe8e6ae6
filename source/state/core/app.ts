// The whole app state and its root reducer: engine connection, containers, and the UI over them.
import {containersReducer, initialContainers, type ContainersAction, type ContainersState} from '../containers/containers.js';
import {eventsReducer, initialEvents, type EventsAction, type EventsState} from '../events/events.js';
import {initialLogs, logsReducer, type LogsAction, type LogsState} from '../logs/logs.js';
import type {Container} from './model.js';
import {initialResources, resourcesReducer, type ResourcesAction, type ResourcesState} from '../resources/resources.js';
import {initialUi, uiReducer, type UiAction, type UiState} from './ui.js';
import {visibleContainers} from '../containers/view.js';
import {groupRows, isGroupRow, rowGroup, selectedRowIndex, type Group, type ListRow} from '../containers/groups.js';
import {sanitize} from './sanitize.js';
import {detailsReducer} from '../details/details.js';
import {engineConnected, engineLost, type EngineEntry} from './engines.js';
import {initialSwarm, swarmReducer, type SwarmAction, type SwarmState} from '../swarm/swarm.js';

export type Connection = 'connected' | 'disconnected';

export type EngineInfo = {
	/** Where dockpit talks to, as the person would write it: unix:///var/run/docker.sock, ssh://me@box. */
	readonly endpoint: string;
	readonly version?: string;
	readonly apiVersion?: string;
	readonly connection: Connection;
	/** Why the connection was lost, in the OS's or daemon's words. */
	readonly error?: string;
	/** Docker filters (label=…, name=…) every view is scoped to. */
	readonly scope: readonly string[];
	/** The docker context in use, when one was chosen. */
	readonly context?: string;
	/** With several engines (--host/--context given more than once): each one's state; absent with one. */
	readonly engines?: readonly EngineEntry[];
};

/** `engine` names one of several engines by its key; the others are not touched. */
export type EngineAction =
	| {readonly type: 'engine/connected'; readonly version?: string; readonly apiVersion?: string; readonly engine?: string}
	| {readonly type: 'engine/disconnected'; readonly error: string; readonly engine?: string}
	/** Another docker context was chosen: a new engine, known by its address until it answers. */
	| {readonly type: 'engine/switched'; readonly endpoint: string; readonly context?: string};

export type AppState = {
	readonly engine: EngineInfo;
	readonly containers: ContainersState;
	readonly ui: UiState;
	/** Images, volumes and networks, and their panes' views. */
	readonly resources: ResourcesState;
	/** The logs pane: followed containers, the bounded line buffer, and its view (logs.ts). */
	readonly logs: LogsState;
	/** The events pane: the engine's recent events and the pane's view (events/events.ts). */
	readonly events: EventsState;
	/** Services, tasks and nodes when the engine is a swarm manager (swarm/swarm.ts). */
	readonly swarm: SwarmState;
};

export type AppAction = EngineAction | ContainersAction | UiAction | ResourcesAction | LogsAction | EventsAction | SwarmAction;

export function initialAppState(engine: Omit<EngineInfo, 'connection'>): AppState {
	return {
		engine: {...engine, connection: 'connected'},
		containers: initialContainers,
		ui: initialUi,
		resources: initialResources,
		logs: initialLogs(),
		events: initialEvents,
		swarm: initialSwarm,
	};
}

/** One of several engines connected or was lost: only its entry changes. */
function oneEngine(state: EngineInfo, action: EngineAction): EngineInfo | undefined {
	if (action.type === 'engine/switched' || action.engine === undefined || !state.engines) return undefined;
	const engines = state.engines.map((entry) =>
		entry.key !== action.engine
			? entry
			: action.type === 'engine/connected'
				? engineConnected(entry, action.version)
				: engineLost(entry, sanitize(action.error)),
	);
	return {...state, engines};
}

function engineReducer(state: EngineInfo, action: EngineAction): EngineInfo {
	const several = oneEngine(state, action);
	if (several) return several;
	switch (action.type) {
		case 'engine/connected':
			return {
				...state,
				connection: 'connected',
				error: undefined,
				version: action.version ?? state.version,
				apiVersion: action.apiVersion ?? state.apiVersion,
			};
		case 'engine/disconnected':
			return {...state, connection: 'disconnected', error: sanitize(action.error)};
		case 'engine/switched':
			return {
				...state,
				endpoint: action.endpoint,
				context: action.context,
				version: undefined,
				apiVersion: undefined,
				error: undefined,
			};
	}
}

export function appReducer(state: AppState, action: AppAction): AppState {
	if (action.type.startsWith('engine/')) return {...state, engine: engineReducer(state.engine, action as EngineAction)};
	if (action.type.startsWith('resources/')) {
		return {...state, resources: resourcesReducer(state.resources, action as ResourcesAction)};
	}

	if (action.type.startsWith('events/')) {
		const events = eventsReducer(state.events, action as EventsAction);
		return events === state.events ? state : {...state, events};
	}

	if (action.type.startsWith('swarm/')) {
		const swarm = swarmReducer(state.swarm, action as SwarmAction);
		return swarm === state.swarm ? state : {...state, swarm};
	}

	if (action.type.startsWith('logs/')) {
		const logs = logsReducer(state.logs, action as LogsAction);
		return logs === state.logs ? state : {...state, logs};
	}

	if (action.type.startsWith('containers/')) {
		// Unchanged (a stats batch that changes no text, news of an unknown container): no render at all.
		const containers = containersReducer(state.containers, action as ContainersAction);
		if (containers === state.containers) return state;
		return detailsFollowSelection(followSelection(forgetGoneMarks({...state, containers})));
	}

	const next = {...state, ui: uiReducer(state.ui, action as UiAction)};
	return detailsFollowSelection(followSelection(next));
}

/**
 * The open details panel shows the selected container: when the selection moves (a filter hides the
 * container it showed, a row is removed) the panel moves with it, on the same tab (issue 14, item 12).
 */
function detailsFollowSelection(state: AppState): AppState {
	const {panel, details} = state.ui;
	if (panel !== 'details' || !details || details.subject !== 'container') return state;
	const {container} = selection(state);
	if (!container || container.id === details.id) return state;
	const next = detailsReducer(details, {kind: 'open', id: container.id, name: container.name});
	return {...state, ui: {...state.ui, details: next}};
}

/** A container that no longer exists is no longer marked: the mark count and bulk actions see only real ones. */
function forgetGoneMarks(state: AppState): AppState {
	const {marked} = state.ui;
	const {byId} = state.containers;
	if (marked.length === 0 || marked.every((id) => Object.hasOwn(byId, id))) return state;
	return {...state, ui: {...state.ui, marked: marked.filter((id) => Object.hasOwn(byId, id))}};
}

/** Pins the selection to a row (a container or a group), so re-sorting and new rows never move it to another one. */
function followSelection(state: AppState): AppState {
	const {index, row} = selection(state);
	if (!row || (row.id === state.ui.selectedId && index === state.ui.selectedIndex)) return state;
	return {...state, ui: {...state.ui, selectedId: row.id, selectedIndex: index}};
}

export const visibleRows = (state: AppState): readonly Container[] =>
	visibleContainers(state.containers, state.ui.filter.value, state.ui.sort, state.ui.stateFilter);

let rowsMemo: {rows: readonly Container[]; ui: UiState; list: readonly ListRow[]} | undefined;

/** The list's rows: containers, and with grouping on, compose projects and stacks with their members. */
export function listRows(state: AppState): readonly ListRow[] {
	const rows = visibleRows(state);
	const {ui} = state;
	if (rowsMemo?.rows === rows && rowsMemo.ui.grouped === ui.grouped && rowsMemo.ui.collapsed === ui.collapsed) {
		return rowsMemo.list;
	}

	const list = groupRows(rows, state.containers.byId, ui.sort, ui);
	rowsMemo = {rows, ui, list};
	return list;
}

export type Selection = {
	readonly index: number;
	/** The selected container; undefined when a group row is selected. */
	readonly container?: Container;
	/** The selected group row's group. */
	readonly group?: Group;
	readonly row?: ListRow;
};

/** The selected row: by id while it is shown, else its group's row or first member, else the row now at the old position. */
export function selection(state: AppState): Selection {
	const rows = listRows(state);
	const index = selectedRowIndex(rows, state.ui.selectedId, state.ui.selectedIndex);
	const row = rows[index];
	if (!row) return {index: 0};
	return isGroupRow(row) ? {index, group: row.group, row} : {index, container: row, row};
}

/** The group of the selected row: the selected group, or the project of the selected member. */
export const selectedGroup = (state: AppState): Group | undefined => rowGroup(listRows(state), selection(state).row);
