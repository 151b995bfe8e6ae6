// Keys of the services, tasks and nodes panes and of the swarm dialogs (scale prompt, confirmations).
// routeKey asks here before the other panes; undefined leaves the key to the global bindings (quit, help,
// pane switching), which resource-input.ts handles for every pane.
import type {AppState} from '../core/app.js';
import {dispatch, say, type Effect} from '../input/effect.js';
import type {Command, KeyMap} from '../input/keymap.js';
import {movement} from '../input/movement.js';
import type {KeyPress} from '../input/keys.js';
import {emptyLine, lineWith} from '../core/line-editor.js';
import type {NodeAvailability, SwarmNode, SwarmOp, SwarmService} from './swarm-types.js';
import {isSwarmPane, type SwarmDialog, type SwarmPane} from './swarm.js';
import {liveTasksOf, liveTasksOn, swarmSelection, visibleSwarmRows, type TaskRow} from './swarm-view.js';

const run = (op: SwarmOp): Effect => ({type: 'swarm', request: {kind: 'op', op}});
const closeDialog = dispatch({type: 'swarm/dialog', dialog: undefined});

/** Why the swarm panes are not there, for a key that asks for one. */
export function notManagerText(state: AppState): string | undefined {
	const role = state.swarm.role;
	if (role?.manager) return undefined;
	if (!role) return 'Not known yet whether this engine is a swarm manager; try again in a moment';
	if (role.localState === 'active') {
		return 'This engine is a swarm worker: only a manager lists services, tasks and nodes. Its own containers are in the containers pane';
	}

	return `This engine is not part of a swarm (swarm: ${role.localState}${role.error ? `, ${role.error}` : ''}): no services, tasks or nodes to show`;
}

function move(state: AppState, pane: SwarmPane, command: Command): Effect[] | undefined {
	const rows = visibleSwarmRows(state.swarm, pane);
	const {index} = swarmSelection(state.swarm, pane);
	const step = movement(command, index, rows.length, state.ui.pageSize);
	if (!step.moves) return undefined;
	if (step.next === undefined) return [];
	return [dispatch({type: 'swarm/select', pane, key: rows[step.next]!.id, index: step.next})];
}

function serviceCommand(state: AppState, command: Command): Effect[] | undefined {
	const service = swarmSelection(state.swarm, 'services').row as SwarmService | undefined;
	const needs = ['serviceTasks', 'scale', 'forceUpdate', 'rollback', 'removeService'];
	if (!needs.includes(command)) return undefined;
	if (!service) return [say('No service selected', 'error')];
	const target = {id: service.id, name: service.name};
	switch (command) {
		case 'serviceTasks':
			return [dispatch({type: 'swarm/tasksOf', service: target}), dispatch({type: 'ui/pane', pane: 'tasks'})];
		case 'scale':
			if (service.mode !== 'replicated')
				return [say(`${service.name} is a ${service.mode} service: only a replicated one scales`, 'error')];
			return [
				dispatch({
					type: 'swarm/dialog',
					dialog: {kind: 'scale', ...target, current: service.desired, editor: lineWith(String(service.desired))},
				}),
			];
		case 'forceUpdate':
			return [run({kind: 'forceUpdate', ...target})];
		case 'rollback':
			return [run({kind: 'rollback', ...target})];
		default:
			return [
				dispatch({
					type: 'swarm/dialog',
					dialog: {kind: 'confirm', op: {kind: 'removeService', ...target}, tasks: liveTasksOf(state.swarm, service.id)},
				}),
			];
	}
}

const availabilities: Partial<Record<Command, NodeAvailability>> = {nodeActive: 'active', nodePause: 'pause', nodeDrain: 'drain'};

function nodeCommand(state: AppState, command: Command): Effect[] | undefined {
	const availability = availabilities[command];
	if (!availability) return undefined;
	const node = swarmSelection(state.swarm, 'nodes').row as SwarmNode | undefined;
	if (!node) return [say('No node selected', 'error')];
	const op: SwarmOp = {kind: 'availability', id: node.id, name: `${node.hostname} (${node.id.slice(0, 12)})`, availability};
	if (node.availability === availability) return [say(`${op.name} is already ${availability}`)];
	if (availability !== 'drain') return [run(op)];
	return [dispatch({type: 'swarm/dialog', dialog: {kind: 'confirm', op, tasks: liveTasksOn(state.swarm, node.id)}})];
}

function routeDialog(dialog: SwarmDialog, key: KeyPress, keys: KeyMap): Effect[] {
	if (dialog.kind === 'scale') {
		const command = keys.lookup('prompt', key.name);
		if (command === 'back') return [closeDialog, say(`Scale cancelled: ${dialog.name} keeps ${dialog.current} replicas`)];
		if (command === 'clearInput') return [dispatch({type: 'swarm/dialog', dialog: {...dialog, editor: emptyLine}})];
		if (command === 'submit') {
			const text = dialog.editor.value.trim();
			const replicas = Number(text);
			if (!/^\d+$/.test(text) || replicas > 10_000) return [say('Type a number of replicas, from 0 to 10000', 'error')];
			return [closeDialog, run({kind: 'scale', id: dialog.id, name: dialog.name, replicas})];
		}

		return [dispatch({type: 'swarm/scaleEdit', key})];
	}

	const command = keys.lookup('confirm', key.name);
	if (command === 'no') return [closeDialog, say(`Cancelled: ${dialog.op.name} was left as it was`)];
	if (command === 'yes') return [closeDialog, run(dialog.op)];
	return [];
}

function routeFilter(pane: SwarmPane, state: AppState, key: KeyPress, keys: KeyMap): Effect[] {
	const command = keys.lookup('prompt', key.name);
	if (command === 'back') return [dispatch({type: 'swarm/filterClear', pane})];
	if (command === 'submit') return [dispatch({type: 'swarm/filterDone', pane})];
	if (command === 'clearInput') return [dispatch({type: 'swarm/filterEdit', pane, key: {name: 'ctrl+u', text: ''}})];
	if (key.name === 'up' || key.name === 'down') return move(state, pane, key.name) ?? [];
	return [dispatch({type: 'swarm/filterEdit', pane, key})];
}

export function routeSwarmKey(state: AppState, key: KeyPress, keys: KeyMap): Effect[] | undefined {
	const {pane, dialog} = state.ui;
	if (!isSwarmPane(pane) || dialog) return undefined;
	if (state.swarm.dialog) return routeDialog(state.swarm.dialog, key, keys);
	const view = state.swarm.views[pane];
	if (view.filtering) return routeFilter(pane, state, key, keys);
	const global = keys.lookup('global', key.name);
	if (global === 'back') {
		if (view.filter.value !== '') return [dispatch({type: 'swarm/filterClear', pane})];
		return pane === 'tasks' && state.swarm.tasksOf ? [dispatch({type: 'swarm/tasksOf', service: undefined})] : [];
	}

	// Quit, help, pane switching, prune…: the same everywhere.
	if (global) return undefined;
	const command = keys.lookup(pane, key.name) ?? keys.lookup('list', key.name);
	if (!command) return [];
	const moved = move(state, pane, command);
	if (moved) return moved;
	switch (command) {
		case 'filter':
			return [dispatch({type: 'swarm/filterStart', pane})];
		case 'sort':
			return [dispatch({type: 'swarm/sortNext', pane})];
		case 'sortReverse':
			return [dispatch({type: 'swarm/sortReverse', pane})];
		case 'allTasks':
			return allTasks(state);
		default:
			return serviceCommand(state, command) ?? nodeCommand(state, command) ?? [];
	}
}

/** In the tasks pane: every service's tasks, or back to the service selected in the services pane. */
function allTasks(state: AppState): Effect[] {
	if (state.swarm.tasksOf) return [dispatch({type: 'swarm/tasksOf', service: undefined})];
	const service = swarmSelection(state.swarm, 'services').row as SwarmService | undefined;
	return service ? [dispatch({type: 'swarm/tasksOf', service: {id: service.id, name: service.name}})] : [];
}

/** The task rows a confirmation lists, as the tasks pane would name them. */
export const confirmTaskRows = (state: AppState): readonly TaskRow[] => {
	const dialog = state.swarm.dialog;
	if (dialog?.kind !== 'confirm') return [];
	const ids = new Set(dialog.tasks.map((task) => task.id));
	return visibleSwarmRows(
		{...state.swarm, tasksOf: undefined, views: {...state.swarm.views, tasks: {...state.swarm.views.tasks, filter: emptyLine}}},
		'tasks',
	).filter((task) => ids.has(task.id));
};
