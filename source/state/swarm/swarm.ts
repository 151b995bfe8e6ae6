// The swarm panes' state: what the manager last listed (services, tasks, nodes), each pane's own filter,
// sort and selection, the service whose tasks are shown, and the open swarm dialog (scale, remove, drain).
import {editLine, emptyLine, lineWith, type LineEditor} from '../core/line-editor.js';
import type {KeyPress} from '../input/keys.js';
import type {SwarmNode, SwarmOp, SwarmRole, SwarmService, SwarmTask} from './swarm-types.js';

export type SwarmPane = 'services' | 'tasks' | 'nodes';

export const swarmPanes: readonly SwarmPane[] = ['services', 'tasks', 'nodes'];

export const isSwarmPane = (pane: string): pane is SwarmPane => (swarmPanes as readonly string[]).includes(pane);

export type SwarmSort = {readonly key: string; readonly descending: boolean};

export type SwarmView = {
	readonly selectedKey?: string;
	readonly selectedIndex: number;
	readonly filter: LineEditor;
	readonly filtering: boolean;
	readonly sort: SwarmSort;
};

/** The sort columns of each pane, the first being the default; services group by stack first. */
export const swarmSortKeys: Readonly<Record<SwarmPane, readonly string[]>> = {
	services: ['stack', 'name', 'replicas', 'created'],
	tasks: ['service', 'state', 'node', 'created'],
	nodes: ['hostname', 'role', 'tasks'],
};

/** A swarm dialog: the replica count being typed, or a confirmation that names what it affects. */
export type SwarmDialog =
	| {readonly kind: 'scale'; readonly id: string; readonly name: string; readonly current: number; readonly editor: LineEditor}
	| {readonly kind: 'confirm'; readonly op: SwarmOp; readonly tasks: readonly SwarmTask[]};

export type SwarmState = {
	/** Undefined until /info was read. */
	readonly role?: SwarmRole;
	readonly services: readonly SwarmService[];
	readonly tasks: readonly SwarmTask[];
	readonly nodes: readonly SwarmNode[];
	readonly loaded: Readonly<Record<SwarmPane, boolean>>;
	/** Why the services pane shows nothing in this --filter scope, if it does. */
	readonly unscopable?: string;
	readonly views: Readonly<Record<SwarmPane, SwarmView>>;
	/** The tasks pane shows this service's tasks; undefined shows every task. */
	readonly tasksOf?: {readonly id: string; readonly name: string};
	readonly dialog?: SwarmDialog;
};

const view = (pane: SwarmPane): SwarmView => ({
	selectedIndex: 0,
	filter: emptyLine,
	filtering: false,
	sort: {key: swarmSortKeys[pane][0]!, descending: false},
});

export const initialSwarm: SwarmState = {
	services: [],
	tasks: [],
	nodes: [],
	loaded: {services: false, tasks: false, nodes: false},
	views: {services: view('services'), tasks: view('tasks'), nodes: view('nodes')},
};

export type SwarmAction =
	| {readonly type: 'swarm/role'; readonly role: SwarmRole}
	/** Another engine: nothing of the old one's swarm stays. */
	| {readonly type: 'swarm/reset'}
	| {readonly type: 'swarm/services'; readonly rows: readonly SwarmService[]}
	| {readonly type: 'swarm/tasks'; readonly rows: readonly SwarmTask[]}
	| {readonly type: 'swarm/nodes'; readonly rows: readonly SwarmNode[]}
	| {readonly type: 'swarm/unscopable'; readonly reason: string}
	| {readonly type: 'swarm/select'; readonly pane: SwarmPane; readonly key?: string; readonly index: number}
	| {readonly type: 'swarm/filterStart'; readonly pane: SwarmPane}
	| {readonly type: 'swarm/filterEdit'; readonly pane: SwarmPane; readonly key: KeyPress}
	| {readonly type: 'swarm/filterDone'; readonly pane: SwarmPane}
	| {readonly type: 'swarm/filterClear'; readonly pane: SwarmPane}
	| {readonly type: 'swarm/sortNext'; readonly pane: SwarmPane}
	| {readonly type: 'swarm/sortReverse'; readonly pane: SwarmPane}
	| {readonly type: 'swarm/tasksOf'; readonly service?: {readonly id: string; readonly name: string}}
	| {readonly type: 'swarm/dialog'; readonly dialog?: SwarmDialog}
	| {readonly type: 'swarm/scaleEdit'; readonly key: KeyPress};

function withView(state: SwarmState, pane: SwarmPane, change: (view: SwarmView) => SwarmView | undefined): SwarmState {
	const next = change(state.views[pane]);
	return next ? {...state, views: {...state.views, [pane]: next}} : state;
}

export function swarmReducer(state: SwarmState, action: SwarmAction): SwarmState {
	switch (action.type) {
		case 'swarm/role':
			return {...state, role: action.role};
		case 'swarm/reset':
			return initialSwarm;
		case 'swarm/services':
			return {...state, services: action.rows, loaded: {...state.loaded, services: true}};
		case 'swarm/tasks':
			return {...state, tasks: action.rows, loaded: {...state.loaded, tasks: true}};
		case 'swarm/nodes':
			return {...state, nodes: action.rows, loaded: {...state.loaded, nodes: true}};
		case 'swarm/unscopable':
			return {...state, unscopable: action.reason, loaded: {...state.loaded, services: true}};
		case 'swarm/select':
			return withView(state, action.pane, (view) => ({...view, selectedKey: action.key, selectedIndex: action.index}));
		case 'swarm/filterStart':
			return withView(state, action.pane, (view) => ({...view, filtering: true, filter: lineWith(view.filter.value)}));
		case 'swarm/filterEdit':
			return withView(state, action.pane, (view) => {
				const filter = editLine(view.filter, action.key);
				return filter ? {...view, filter} : undefined;
			});
		case 'swarm/filterDone':
			return withView(state, action.pane, (view) => ({...view, filtering: false}));
		case 'swarm/filterClear':
			return withView(state, action.pane, (view) => ({...view, filtering: false, filter: emptyLine}));
		case 'swarm/sortNext':
			return withView(state, action.pane, (view) => {
				const keys = swarmSortKeys[action.pane];
				return {...view, sort: {key: keys[(keys.indexOf(view.sort.key) + 1) % keys.length]!, descending: false}};
			});
		case 'swarm/sortReverse':
			return withView(state, action.pane, (view) => ({...view, sort: {...view.sort, descending: !view.sort.descending}}));
		case 'swarm/tasksOf':
			return {...state, tasksOf: action.service};
		case 'swarm/dialog':
			return {...state, dialog: action.dialog};
		case 'swarm/scaleEdit': {
			if (state.dialog?.kind !== 'scale') return state;
			// Only digits: a replica count.
			if (action.key.text && !/^\d+$/.test(action.key.text)) return state;
			const editor = editLine(state.dialog.editor, action.key);
			return editor ? {...state, dialog: {...state.dialog, editor}} : state;
		}
	}
}
