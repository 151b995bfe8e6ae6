// Images, volumes and networks as the engine last listed them (re-read on engine events), and each
// pane's own selection, filter and sort.
import type {KeyPress} from '../input/keys.js';
import {editLine, emptyLine, lineWith, type LineEditor} from '../core/line-editor.js';

export type {Image, Network, ResourcePane, ResourceRows, Volume} from './resource-types.js';
import type {Image, Network, ResourcePane, ResourceRows, Volume} from './resource-types.js';

export type ResourceSort = {readonly key: string; readonly descending: boolean};

export type PaneView = {
	readonly selectedKey?: string;
	readonly selectedIndex: number;
	readonly filter: LineEditor;
	readonly filtering: boolean;
	readonly sort: ResourceSort;
};

export type ResourcesState = {
	readonly rows: ResourceRows;
	readonly loaded: Readonly<Record<ResourcePane, boolean>>;
	/** Why a pane shows nothing in this scope (a container-only --filter), if it does. */
	readonly unscopable: Readonly<Partial<Record<ResourcePane, string>>>;
	readonly views: Readonly<Record<ResourcePane, PaneView>>;
};

/** The columns each pane can sort by, the first being the default. */
export const resourceSortKeys: Readonly<Record<ResourcePane, readonly string[]>> = {
	images: ['created', 'size', 'name'],
	volumes: ['name', 'size', 'driver'],
	networks: ['name', 'driver', 'created'],
};

const view = (pane: ResourcePane): PaneView => ({
	selectedIndex: 0,
	filter: emptyLine,
	filtering: false,
	sort: {key: resourceSortKeys[pane][0]!, descending: false},
});

export const initialResources: ResourcesState = {
	rows: {images: [], volumes: [], networks: []},
	loaded: {images: false, volumes: false, networks: false},
	unscopable: {},
	views: {images: view('images'), volumes: view('volumes'), networks: view('networks')},
};

export type ResourcesAction =
	| {readonly type: 'resources/images'; readonly rows: readonly Image[]}
	| {readonly type: 'resources/volumes'; readonly rows: readonly Volume[]}
	| {readonly type: 'resources/networks'; readonly rows: readonly Network[]}
	| {readonly type: 'resources/unscopable'; readonly pane: ResourcePane; readonly reason: string}
	| {readonly type: 'resources/select'; readonly pane: ResourcePane; readonly key?: string; readonly index: number}
	| {readonly type: 'resources/filterStart'; readonly pane: ResourcePane}
	| {readonly type: 'resources/filterEdit'; readonly pane: ResourcePane; readonly key: KeyPress}
	| {readonly type: 'resources/filterDone'; readonly pane: ResourcePane}
	| {readonly type: 'resources/filterClear'; readonly pane: ResourcePane}
	| {readonly type: 'resources/sortNext'; readonly pane: ResourcePane}
	| {readonly type: 'resources/sortReverse'; readonly pane: ResourcePane};

function withView(state: ResourcesState, pane: ResourcePane, change: (view: PaneView) => PaneView | undefined): ResourcesState {
	const next = change(state.views[pane]);
	return next ? {...state, views: {...state.views, [pane]: next}} : state;
}

export function resourcesReducer(state: ResourcesState, action: ResourcesAction): ResourcesState {
	switch (action.type) {
		case 'resources/images':
		case 'resources/volumes':
		case 'resources/networks': {
			const pane = action.type.slice('resources/'.length) as ResourcePane;
			return {...state, rows: {...state.rows, [pane]: action.rows}, loaded: {...state.loaded, [pane]: true}};
		}

		case 'resources/unscopable':
			return {
				...state,
				unscopable: {...state.unscopable, [action.pane]: action.reason},
				loaded: {...state.loaded, [action.pane]: true},
			};
		case 'resources/select':
			return withView(state, action.pane, (view) => ({...view, selectedKey: action.key, selectedIndex: action.index}));
		case 'resources/filterStart':
			return withView(state, action.pane, (view) => ({...view, filtering: true, filter: lineWith(view.filter.value)}));
		case 'resources/filterEdit':
			return withView(state, action.pane, (view) => {
				const filter = editLine(view.filter, action.key);
				return filter ? {...view, filter} : undefined;
			});
		case 'resources/filterDone':
			return withView(state, action.pane, (view) => ({...view, filtering: false}));
		case 'resources/filterClear':
			return withView(state, action.pane, (view) => ({...view, filtering: false, filter: emptyLine}));
		case 'resources/sortNext':
			return withView(state, action.pane, (view) => {
				const keys = resourceSortKeys[action.pane];
				const next = keys[(keys.indexOf(view.sort.key) + 1) % keys.length]!;
				return {...view, sort: {key: next, descending: false}};
			});
		case 'resources/sortReverse':
			return withView(state, action.pane, (view) => ({...view, sort: {...view.sort, descending: !view.sort.descending}}));
	}
}
