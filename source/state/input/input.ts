// Routes one key press to what it means right now: the open dialog first, then the prompt, then the pane.
import {listRows, selection, type AppState} from '../core/app.js';
import type {KeyMap, Command} from './keymap.js';
import {helpLines, keyHint} from './key-text.js';
import type {KeyPress} from './keys.js';
import {routeReadOnly, type Router} from './read-only.js';
import {ambiguity, ambiguityText} from './ambiguous-keys.js';
import {routeContextsKey} from '../contexts/contexts-input.js';
import {routeResourceKey} from '../resources/resource-input.js';
import {insideCommand, routeDetailsKey, routeExecPrompt, routeExecResult} from '../details/details-input.js';
import {routeLogsKey} from '../logs/log-input.js';
import {routeEventsKey} from '../events/events-input.js';
import {routeSwarmKey} from '../swarm/swarm-input.js';
import type {ContainerOp} from '../core/model.js';
import type {Move} from '../core/ui.js';
import {dispatch, say, type Effect} from './effect.js';
import {makeContainerCommand, routeBuildLogKey, routeFormKey} from '../make/make-input.js';
import {killSignals} from '../make/make-keys.js';
import {usageShown} from '../containers/usage.js';
import {routeGroupCommand} from '../containers/group-input.js';

export type {Effect} from './effect.js';

const moves: Partial<Record<Command, Move>> = {
	up: 'up',
	down: 'down',
	pageUp: 'pageUp',
	pageDown: 'pageDown',
	top: 'top',
	bottom: 'bottom',
};

function move(state: AppState, to: Move): Effect[] {
	const rows = listRows(state);
	if (rows.length === 0) return [];
	const {index} = selection(state);
	const page = Math.max(1, state.ui.pageSize - 1);
	const targets: Record<Move, number> = {
		up: index - 1,
		down: index + 1,
		pageUp: index - page,
		pageDown: index + page,
		top: 0,
		bottom: rows.length - 1,
	};
	const next = Math.max(0, Math.min(rows.length - 1, targets[to]));
	return [dispatch({type: 'ui/select', id: rows[next]!.id, index: next})];
}

function containerCommand(state: AppState, command: Command): Effect[] | undefined {
	const kinds: Partial<Record<Command, ContainerOp['kind']>> = {
		start: 'start',
		stop: 'stop',
		restart: 'restart',
		pause: 'pause',
		kill: 'kill',
		remove: 'remove',
		rename: 'rename',
	};
	const kind = kinds[command];
	if (!kind) return undefined;
	const {container} = selection(state);
	if (!container) return [say('No container selected', 'error')];
	const op: ContainerOp = {kind, id: container.id, name: container.name};
	switch (kind) {
		case 'pause':
			return [{type: 'run', op: {...op, kind: container.state === 'paused' ? 'unpause' : 'pause'}}];
		case 'kill':
		case 'remove':
			return [
				dispatch({
					type: 'ui/openDialog',
					dialog: {
						kind: 'confirm',
						op,
						running: container.state === 'running' || container.state === 'paused' || container.state === 'restarting',
						image: container.image,
					},
				}),
			];
		case 'rename':
			return [
				dispatch({
					type: 'ui/openDialog',
					dialog: {
						kind: 'rename',
						id: container.id,
						name: container.name,
						editor: {value: container.name, cursor: container.name.length},
					},
				}),
			];
		default:
			return [{type: 'run', op}];
	}
}

/** Where a key goes; in read-only mode mutating bindings are refused on the way (read-only.ts). */
/** `now` is when the key was pressed (epoch ms), for what a key names by time, such as a save path. */
export function routeKey(state: AppState, key: KeyPress, keys: KeyMap, now?: number): Effect[] {
	const route: Router = (state, key, keys) => routeByFocus(state, key, keys, now);
	const armed = state.ui.armedKey;
	// A key that means another thing in the visible logs pane asks first; the same key again acts.
	const question = ambiguity(state, key, keys);
	if (question && armed !== key.name) {
		return [dispatch({type: 'ui/armKey', key: key.name}), say(ambiguityText(question, keys))];
	}

	const effects = keys.readOnly ? routeReadOnly(route, state, key, keys) : route(state, key, keys);
	return armed === undefined ? effects : [dispatch({type: 'ui/armKey', key: undefined}), ...effects];
}

function routeByFocus(state: AppState, key: KeyPress, keys: KeyMap, now: number | undefined): Effect[] {
	// The open details panel has the focus (Tab switches its tabs, not the pane); details-input.ts.
	const inside = state.ui.dialog || state.ui.filtering ? undefined : routeDetailsKey(state, key, keys);
	if (inside) return inside;
	// The logs pane, when open and focused, takes keys before marks and bulk actions; log-input.ts.
	const logs = state.ui.dialog ? undefined : routeLogsKey(state, key, keys, now);
	if (logs) return logs;
	const events = routeEventsKey(state, key, keys);
	if (events) return events;
	const swarm = routeSwarmKey(state, key, keys);
	if (swarm) return swarm;
	// Other panes, marks, bulk actions and prune (resource-input.ts) come first; undefined leaves the key here.
	const resource = routeResourceKey(state, key, keys);
	if (resource) return resource;
	const {dialog} = state.ui;
	if (dialog?.kind === 'form') return routeFormKey(state, dialog, key, keys);
	if (dialog?.kind === 'buildLog') return routeBuildLogKey(dialog, key, keys);
	if (dialog?.kind === 'help') {
		const command = keys.lookup('global', key.name);
		if (command === 'quit') return [{type: 'quit'}];
		if (command === 'help' || keys.lookup('help', key.name) === 'close') return [dispatch({type: 'ui/closeDialog'})];
		const scroll: Partial<Record<Command, number>> = {up: -1, down: 1, pageUp: -10, pageDown: 10, top: -1e6, bottom: 1e6};
		const by = scroll[keys.lookup('list', key.name) ?? 'help'];
		const max = Math.max(0, helpLines(keys.bindings).length - (state.ui.pageSize - 2));
		return by === undefined ? [] : [dispatch({type: 'ui/helpScroll', by, max})];
	}

	if (dialog?.kind === 'confirm') {
		const command = keys.lookup('confirm', key.name);
		const close = dispatch({type: 'ui/closeDialog'});
		if (command === 'no') return [close, say(`Cancelled: ${dialog.op.name} was left as it was`)];
		if (command === 'yes' && dialog.op.kind === 'remove' && dialog.running) {
			return [say(`${dialog.op.name} is running: press ${keyHint(keys, 'force', 'confirm')} to force removal`, 'error')];
		}

		if (command === 'yes') return [close, {type: 'run', op: dialog.op}];
		if (command === 'force' && dialog.op.kind === 'remove') return [close, {type: 'run', op: {...dialog.op, force: true}}];
		if (command === 'signal' && dialog.op.kind === 'kill') {
			const next = killSignals[(killSignals.indexOf((dialog.op.signal ?? 'SIGKILL') as never) + 1) % killSignals.length];
			return [dispatch({type: 'ui/openDialog', dialog: {...dialog, op: {...dialog.op, signal: next}}})];
		}

		if (command === 'volumes' && dialog.op.kind === 'remove') {
			return [dispatch({type: 'ui/openDialog', dialog: {...dialog, op: {...dialog.op, volumes: !dialog.op.volumes}}})];
		}

		return [];
	}

	if (dialog?.kind === 'exec') return routeExecPrompt(dialog, key, keys);
	if (dialog?.kind === 'execResult') return routeExecResult(dialog, key, keys, state.ui.pageSize);
	if (dialog?.kind === 'contexts') return routeContextsKey(dialog, key, keys);

	if (dialog?.kind === 'rename') {
		const command = keys.lookup('prompt', key.name);
		if (command === 'back') return [dispatch({type: 'ui/closeDialog'}), say('Rename cancelled')];
		if (command === 'clearInput') return [dispatch({type: 'ui/renameClear'})];
		if (command === 'submit') {
			const op: ContainerOp = {kind: 'rename', id: dialog.id, name: dialog.name, newName: dialog.editor.value.trim()};
			return [dispatch({type: 'ui/closeDialog'}), {type: 'run', op}];
		}

		return [dispatch({type: 'ui/renameEdit', key})];
	}

	if (state.ui.filtering) {
		const command = keys.lookup('prompt', key.name);
		if (command === 'back') return [dispatch({type: 'ui/filterClear'})];
		if (command === 'submit') return [dispatch({type: 'ui/filterDone'})];
		if (command === 'clearInput') return [dispatch({type: 'ui/filterEdit', key: {name: 'ctrl+u', text: ''}})];
		// Movement keys still move while typing a filter, so the person can pick a row without leaving it.
		if (key.name === 'up' || key.name === 'down') return move(state, key.name);
		return [dispatch({type: 'ui/filterEdit', key})];
	}

	const command = keys.lookup('global', key.name) ?? keys.lookup('list', key.name) ?? keys.lookup('containers', key.name);
	if (!command) return [];
	const to = moves[command];
	if (to) return move(state, to);
	switch (command) {
		case 'quit':
			return [{type: 'quit'}];
		case 'contexts':
			return [{type: 'contexts'}];
		case 'help':
			return [dispatch({type: 'ui/openDialog', dialog: {kind: 'help', offset: 0}})];
		case 'back':
			// The text filter first, then the state filter.
			if (state.ui.filter.value !== '') return [dispatch({type: 'ui/filterClear'})];
			return state.ui.stateFilter === undefined ? [] : [dispatch({type: 'ui/stateFilterClear'})];
		case 'stateFilter':
			return [dispatch({type: 'ui/stateFilterNext'})];
		case 'usageColumns': {
			const shown = usageShown(state.ui.usageColumns, state.ui.pageSize);
			return [
				dispatch({type: 'ui/usageColumns', mode: shown ? 'off' : 'on'}),
				say(shown ? 'CPU and memory columns hidden' : 'CPU and memory columns shown (from the next stats sample)'),
			];
		}
		case 'filter':
			return [dispatch({type: 'ui/filterStart'})];
		case 'sort':
			return [dispatch({type: 'ui/sortNext', severalEngines: state.engine.engines !== undefined})];
		case 'sortReverse':
			return [dispatch({type: 'ui/sortReverse'})];
		default:
			return (
				routeGroupCommand(state, command, keys) ??
				containerCommand(state, command) ??
				insideCommand(state, command) ??
				makeContainerCommand(state, command) ??
				[]
			);
	}
}
