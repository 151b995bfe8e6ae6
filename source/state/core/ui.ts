// What the person is doing: selection, filter, sort, the open dialog and the status line.
import {sanitize} from './sanitize.js';
import type {KeyPress} from '../input/keys.js';
import type {ContextsDialog} from '../contexts/contexts.js';
import {editLine, emptyLine, lineWith, type LineEditor} from './line-editor.js';
import type {ResourceDialog} from '../resources/resource-dialogs.js';
import {detailsReducer, type DetailsAction, type DetailsView, type ExecDialog} from '../details/details.js';
import type {ExecResultDialog} from '../details/exec.js';

import type {ContainerOp, ContainerState} from './model.js';
import {formReducer, type FormAction, type FormDialog} from '../make/form.js';
import {buildLogReducer, type BuildLogAction, type BuildLogDialog} from '../make/build-log.js';
import {nextStateFilter, sortCycle, type SortOrder} from '../containers/view.js';
import type {UsageMode} from '../containers/usage.js';

export type Dialog =
	| {readonly kind: 'help'; readonly offset: number}
	| {readonly kind: 'confirm'; readonly op: ContainerOp; readonly running: boolean; readonly image: string}
	| FormDialog
	| BuildLogDialog
	| {readonly kind: 'rename'; readonly id: string; readonly name: string; readonly editor: LineEditor}
	| ResourceDialog
	| ExecDialog
	| ExecResultDialog
	| ContextsDialog;

export type StatusTone = 'info' | 'progress' | 'success' | 'error';

export type Status = {readonly text: string; readonly tone: StatusTone};

/** The main list on screen. */
export type PaneId = 'containers' | 'images' | 'volumes' | 'networks' | 'events' | 'services' | 'tasks' | 'nodes';

/** What the lower half of the screen shows for the selected container, if anything. */
export type PanelId = 'none' | 'details' | 'logs';

export type UiState = {
	readonly pane: PaneId;
	readonly panel: PanelId;
	/** The panel takes the whole screen. */
	readonly zoomed: boolean;
	readonly selectedId?: string;
	/** Where the selection was, so it stays put when the selected row disappears. */
	readonly selectedIndex: number;
	readonly filter: LineEditor;
	readonly filtering: boolean;
	readonly sort: SortOrder;
	/** Only containers in this state are listed (combined with the text filter); undefined lists every state. */
	readonly stateFilter?: ContainerState;
	readonly dialog?: Dialog;
	readonly status?: Status;
	/** Rows the list can show at once; page moves use it. */
	readonly pageSize: number;
	/** Container ids marked for a bulk action (space), in the order they were marked. */
	readonly marked: readonly string[];
	/** The details panel's container, tab and toggles (kept when it closes, for reopening). */
	readonly details?: DetailsView;
	/** A key that asked what it should do (input/ambiguous-keys.ts): pressed again, it acts. */
	readonly armedKey?: string;
	/** The containers list's CPU and MEM columns: auto (on for lists up to usageRowLimit rows), or the toggle's choice. */
	readonly usageColumns: UsageMode;
	/** Compose projects and stacks are listed under a row of their own (containers/groups.ts). */
	readonly grouped: boolean;
	/** Keys of the groups whose members are folded under their row. */
	readonly collapsed: readonly string[];
};

export type Move = 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom';

export type UiAction =
	| {readonly type: 'ui/pane'; readonly pane: PaneId}
	| {readonly type: 'ui/panel'; readonly panel: PanelId; readonly zoomed?: boolean}
	| {readonly type: 'ui/select'; readonly id: string | undefined; readonly index: number}
	| {readonly type: 'ui/filterStart'}
	| {readonly type: 'ui/filterEdit'; readonly key: KeyPress}
	| {readonly type: 'ui/filterDone'}
	| {readonly type: 'ui/filterClear'}
	| {readonly type: 'ui/stateFilterNext'}
	| {readonly type: 'ui/stateFilterClear'}
	/** `severalEngines` puts the engine in the cycle. */
	| {readonly type: 'ui/sortNext'; readonly severalEngines?: boolean}
	| {readonly type: 'ui/sortReverse'}
	| {readonly type: 'ui/openDialog'; readonly dialog: Dialog}
	| {readonly type: 'ui/renameEdit'; readonly key: KeyPress}
	| {readonly type: 'ui/renameClear'}
	| {readonly type: 'ui/closeDialog'}
	| {readonly type: 'ui/helpScroll'; readonly by: number; readonly max: number}
	| {readonly type: 'ui/status'; readonly status: Status | undefined}
	| {readonly type: 'ui/viewport'; readonly pageSize: number}
	| {readonly type: 'ui/markToggle'; readonly id: string}
	| {readonly type: 'ui/markAll'; readonly ids: readonly string[]}
	| {readonly type: 'ui/markClear'}
	/** Unmarks these, whatever their mark was: an event may already have dropped a removed container's mark. */
	| {readonly type: 'ui/unmark'; readonly ids: readonly string[]}
	| {readonly type: 'ui/details'; readonly action: DetailsAction}
	| {readonly type: 'ui/execEdit'; readonly key: KeyPress}
	| {readonly type: 'ui/form'; readonly action: FormAction}
	| {readonly type: 'ui/buildLog'; readonly action: BuildLogAction}
	| {readonly type: 'ui/armKey'; readonly key: string | undefined}
	| {readonly type: 'ui/usageColumns'; readonly mode: UsageMode}
	| {readonly type: 'ui/collapseToggle'; readonly group: string}
	| {readonly type: 'ui/groupedToggle'};

export const initialUi: UiState = {
	pane: 'containers',
	panel: 'none',
	zoomed: false,
	selectedIndex: 0,
	filter: emptyLine,
	filtering: false,
	sort: {key: 'state', descending: false},
	pageSize: 10,
	marked: [],
	usageColumns: 'auto',
	grouped: true,
	collapsed: [],
};

export function uiReducer(state: UiState, action: UiAction): UiState {
	switch (action.type) {
		case 'ui/pane': {
			// An image's, volume's or network's panel belongs to its pane: another pane closes it.
			const leaves = state.panel === 'details' && state.details && state.details.subject !== 'container';
			return leaves && action.pane !== state.pane
				? {...state, pane: action.pane, panel: 'none', zoomed: false}
				: {...state, pane: action.pane};
		}
		case 'ui/panel':
			return {...state, panel: action.panel, zoomed: action.panel === 'none' ? false : (action.zoomed ?? state.zoomed)};
		case 'ui/select':
			return {...state, selectedId: action.id, selectedIndex: action.index};
		case 'ui/filterStart':
			return {...state, filtering: true, filter: lineWith(state.filter.value)};
		case 'ui/filterEdit': {
			const filter = editLine(state.filter, action.key);
			return filter ? {...state, filter} : state;
		}

		case 'ui/filterDone':
			return {...state, filtering: false};
		case 'ui/filterClear':
			return {...state, filtering: false, filter: emptyLine};
		case 'ui/stateFilterNext':
			return {...state, stateFilter: nextStateFilter(state.stateFilter)};
		case 'ui/stateFilterClear':
			return state.stateFilter === undefined ? state : {...state, stateFilter: undefined};
		case 'ui/sortNext': {
			const keys = sortCycle(action.severalEngines ?? false);
			const next = keys[(keys.indexOf(state.sort.key) + 1) % keys.length]!;
			return {...state, sort: {key: next, descending: false}};
		}

		case 'ui/sortReverse':
			return {...state, sort: {...state.sort, descending: !state.sort.descending}};
		case 'ui/openDialog':
			return {...state, dialog: action.dialog};
		case 'ui/renameEdit': {
			if (state.dialog?.kind !== 'rename') return state;
			const editor = editLine(state.dialog.editor, action.key);
			return editor ? {...state, dialog: {...state.dialog, editor}} : state;
		}

		case 'ui/renameClear':
			return state.dialog?.kind === 'rename' ? {...state, dialog: {...state.dialog, editor: emptyLine}} : state;
		case 'ui/helpScroll':
			return state.dialog?.kind === 'help'
				? {...state, dialog: {kind: 'help', offset: Math.max(0, Math.min(action.max, state.dialog.offset + action.by))}}
				: state;
		case 'ui/closeDialog':
			return {...state, dialog: undefined};
		case 'ui/status':
			// Status text quotes engine and file text (names, messages); the last place to make it inert.
			return {...state, status: action.status && {...action.status, text: sanitize(action.status.text)}};
		case 'ui/viewport':
			return action.pageSize === state.pageSize ? state : {...state, pageSize: Math.max(1, action.pageSize)};
		case 'ui/markToggle':
			return {
				...state,
				marked: state.marked.includes(action.id) ? state.marked.filter((id) => id !== action.id) : [...state.marked, action.id],
			};
		case 'ui/markAll': {
			// Marking all again when all are marked unmarks them, like a checkbox header.
			const all = action.ids.every((id) => state.marked.includes(id));
			if (all) return {...state, marked: state.marked.filter((id) => !action.ids.includes(id))};
			return {...state, marked: [...state.marked, ...action.ids.filter((id) => !state.marked.includes(id))]};
		}

		case 'ui/unmark':
			return state.marked.some((id) => action.ids.includes(id))
				? {...state, marked: state.marked.filter((id) => !action.ids.includes(id))}
				: state;
		case 'ui/markClear':
			return state.marked.length === 0 ? state : {...state, marked: []};
		case 'ui/details': {
			const details = detailsReducer(state.details, action.action);
			return details === state.details ? state : {...state, details};
		}

		case 'ui/form':
			return state.dialog?.kind === 'form' ? {...state, dialog: formReducer(state.dialog, action.action)} : state;
		case 'ui/buildLog':
			return state.dialog?.kind === 'buildLog' ? {...state, dialog: buildLogReducer(state.dialog, action.action)} : state;
		case 'ui/usageColumns':
			return state.usageColumns === action.mode ? state : {...state, usageColumns: action.mode};
		case 'ui/collapseToggle':
			return {
				...state,
				collapsed: state.collapsed.includes(action.group)
					? state.collapsed.filter((key) => key !== action.group)
					: [...state.collapsed, action.group],
			};
		case 'ui/groupedToggle':
			return {...state, grouped: !state.grouped};
		case 'ui/armKey':
			return state.armedKey === action.key ? state : {...state, armedKey: action.key};
		case 'ui/execEdit': {
			if (state.dialog?.kind !== 'exec') return state;
			const editor = editLine(state.dialog.editor, action.key);
			return editor ? {...state, dialog: {...state.dialog, editor}} : state;
		}
	}
}
