// Keys for the images, volumes and networks panes, pane switching, marking, bulk actions and the prune
// dialog. routeKey asks here first; undefined means "not mine", and the containers routing goes on.
import {selection, visibleRows, type AppState} from '../core/app.js';
import {copy, dispatch, say, type Effect} from '../input/effect.js';
import {movement} from '../input/movement.js';
import type {Command, KeyMap, ResourceCommand} from '../input/keymap.js';
import type {KeyPress} from '../input/keys.js';
import {prunePreview, type PruneCategory, type PruneChoices} from './prune.js';
import {bulkSubject, isResourceDialog, type BulkOp, type ResourceDialog, type ResourceRequest} from './resource-dialogs.js';
import {resourceSelection, rowKey, visibleResources} from './resource-view.js';
import type {Image, Network, ResourcePane, Volume} from './resources.js';
import type {PaneId} from '../core/ui.js';
import {makeResourceCommand} from '../make/make-input.js';
import {isSwarmPane, swarmPanes} from '../swarm/swarm.js';
import {notManagerText} from '../swarm/swarm-input.js';

const request = (value: ResourceRequest): Effect => ({type: 'resource', request: value});
const close = dispatch({type: 'ui/closeDialog'});

export const paneOrder: readonly PaneId[] = ['containers', 'images', 'volumes', 'networks', 'events'];

const paneKeys: Partial<Record<Command, PaneId>> = {
	paneContainers: 'containers',
	paneImages: 'images',
	paneVolumes: 'volumes',
	paneNetworks: 'networks',
	paneEvents: 'events',
	paneServices: 'services',
	paneTasks: 'tasks',
	paneNodes: 'nodes',
};

function switchPane(state: AppState, command: Command): Effect[] | undefined {
	// The swarm panes are in the cycle only on a swarm manager.
	const order = state.swarm.role?.manager ? [...paneOrder, ...swarmPanes] : paneOrder;
	const next = command === 'nextPane' ? order[(order.indexOf(state.ui.pane) + 1) % order.length]! : paneKeys[command];
	if (!next) return undefined;
	if (isSwarmPane(next)) {
		const refusal = notManagerText(state);
		if (refusal) return [say(refusal, 'error')];
		return [dispatch({type: 'ui/pane', pane: next})];
	}

	return [dispatch({type: 'ui/pane', pane: next}), request({kind: 'watch'})];
}

const openPrune = (): Effect[] => [request({kind: 'watch'}), request({kind: 'prunePreview'})];

/** Container actions that act on every marked container when there are marks (issue 14, item 4). */
const bulkOps: Partial<Record<Command, BulkOp>> = {
	start: 'start',
	stop: 'stop',
	restart: 'restart',
	pause: 'pause',
	kill: 'kill',
	remove: 'remove',
};

/** Pause toggles: the marked containers are unpaused when every one of them is paused, else paused. */
function bulkOp(command: Command, targets: ReturnType<typeof markedTargets>): BulkOp | undefined {
	const op = bulkOps[command];
	return op === 'pause' && targets.every((target) => target.state === 'paused') ? 'unpause' : op;
}

/** Marked containers that still exist, in the order they were marked. */
export function markedTargets(state: AppState) {
	return state.ui.marked.flatMap((id) => {
		const container = state.containers.byId[id];
		return container ? [{id, name: container.name, state: container.state, image: container.image}] : [];
	});
}

function containersPane(state: AppState, command: Command | undefined): Effect[] | undefined {
	if (!command) return undefined;
	const switched = switchPane(state, command);
	if (switched) return switched;
	if (command === 'prune') return openPrune();
	if (command === 'mark') {
		const {container, group} = selection(state);
		// On a project's row: its members, all marked or all unmarked together.
		if (group) return [dispatch({type: 'ui/markAll', ids: group.members.map((member) => member.id)})];
		return container ? [dispatch({type: 'ui/markToggle', id: container.id})] : [];
	}

	if (command === 'markAll') return [dispatch({type: 'ui/markAll', ids: visibleRows(state).map((row) => row.id)})];
	const targets = markedTargets(state);
	const op = bulkOp(command, targets);
	if (op && targets.length > 0) return [dispatch({type: 'ui/openDialog', dialog: {kind: 'bulkConfirm', op, targets}})];
	if (command === 'back' && state.ui.filter.value === '' && state.ui.marked.length > 0) {
		return [dispatch({type: 'ui/markClear'}), say('Marks cleared')];
	}

	return undefined;
}

function move(state: AppState, pane: ResourcePane, command: Command): Effect[] | undefined {
	const rows = visibleResources(state.resources, pane);
	const {index} = resourceSelection(state.resources, pane);
	const step = movement(command, index, rows.length, state.ui.pageSize);
	if (!step.moves) return undefined;
	if (step.next === undefined) return [];
	const {next} = step;
	return [dispatch({type: 'resources/select', pane, key: rowKey(pane, rows[next]!), index: next})];
}

function removeSelected(state: AppState, pane: ResourcePane): Effect[] {
	const {row} = resourceSelection(state.resources, pane);
	if (!row) return [say(`No ${pane.slice(0, -1)} selected`, 'error')];
	if (pane === 'networks') {
		const network = row as Network;
		if (network.builtIn) {
			return [
				say(`${network.name} is one of the engine's built-in networks (bridge, host, none) and cannot be removed`, 'error'),
			];
		}

		const target = {pane, ref: network.id, id: network.id, name: network.name, usedBy: network.attached};
		return [dispatch({type: 'ui/openDialog', dialog: {kind: 'removeResource', target}})];
	}

	if (pane === 'volumes') {
		const volume = row as Volume;
		const target = {pane, ref: volume.name, id: volume.name, name: volume.name, usedBy: volume.usedBy, size: volume.size};
		return [dispatch({type: 'ui/openDialog', dialog: {kind: 'removeResource', target}})];
	}

	const image = row as Image;
	// A tagged image is removed by its tag (an untag while other tags remain); a dangling one by its id.
	const target = {
		pane,
		ref: image.dangling ? image.id : image.reference,
		id: image.id,
		name: image.reference,
		usedBy: image.usedBy,
		size: image.size,
		otherTags: image.dangling ? 0 : image.tagCount - 1,
	};
	return [dispatch({type: 'ui/openDialog', dialog: {kind: 'removeResource', target}})];
}

const subjects = {images: 'image', volumes: 'volume', networks: 'network'} as const;

/** Opens the details panel on the selected image (by id), volume (by name) or network (by id). */
function openDetails(state: AppState, pane: ResourcePane): Effect[] {
	const {row} = resourceSelection(state.resources, pane);
	if (!row) return [say(`No ${pane.slice(0, -1)} selected`, 'error')];
	const [id, name] =
		pane === 'images' ? [(row as Image).id, (row as Image).reference] : [rowKey(pane, row), (row as Volume).name];
	return [
		dispatch({type: 'ui/details', action: {kind: 'open', subject: subjects[pane], id, name}}),
		dispatch({type: 'ui/panel', panel: 'details'}),
	];
}

function copySelected(state: AppState, pane: ResourcePane, id: boolean): Effect[] {
	const {row} = resourceSelection(state.resources, pane);
	if (!row) return [say(`No ${pane.slice(0, -1)} selected`, 'error')];
	if (pane === 'images') {
		const image = row as Image;
		return id || image.dangling ? [copy(image.id, `id of ${image.reference}`)] : [copy(image.reference, 'tag')];
	}

	if (pane === 'networks' && id) return [copy((row as Network).id, `id of ${(row as Network).name}`)];
	return [copy((row as Volume | Network).name, 'name')];
}

function resourcePane(state: AppState, pane: ResourcePane, key: KeyPress, keys: KeyMap): Effect[] {
	const view = state.resources.views[pane];
	if (view.filtering) {
		const command = keys.lookup('prompt', key.name);
		if (command === 'back') return [dispatch({type: 'resources/filterClear', pane})];
		if (command === 'submit') return [dispatch({type: 'resources/filterDone', pane})];
		if (command === 'clearInput') return [dispatch({type: 'resources/filterEdit', pane, key: {name: 'ctrl+u', text: ''}})];
		if (key.name === 'up' || key.name === 'down') return move(state, pane, key.name) ?? [];
		return [dispatch({type: 'resources/filterEdit', pane, key})];
	}

	const command = keys.lookup('global', key.name) ?? keys.lookup('list', key.name) ?? keys.lookup('resources', key.name);
	if (!command) return [];
	const moved = move(state, pane, command);
	if (moved) return moved;
	const switched = switchPane(state, command);
	if (switched) return switched;
	switch (command) {
		case 'quit':
			return [{type: 'quit'}];
		case 'help':
			return [dispatch({type: 'ui/openDialog', dialog: {kind: 'help', offset: 0}})];
		case 'back':
			return view.filter.value === '' ? [] : [dispatch({type: 'resources/filterClear', pane})];
		case 'filter':
			return [dispatch({type: 'resources/filterStart', pane})];
		case 'sort':
			return [dispatch({type: 'resources/sortNext', pane})];
		case 'sortReverse':
			return [dispatch({type: 'resources/sortReverse', pane})];
		case 'prune':
			return openPrune();
		case 'remove':
			return removeSelected(state, pane);
		case 'details':
			return openDetails(state, pane);
		case 'yank':
		case 'yankId':
			return copySelected(state, pane, command === 'yankId');
		default:
			return makeResourceCommand(state, pane, command) ?? [];
	}
}

const pruneToggles: Partial<Record<ResourceCommand, PruneCategory>> = {
	pruneContainers: 'containers',
	pruneDangling: 'danglingImages',
	pruneImages: 'unusedImages',
	pruneVolumes: 'volumes',
	pruneNamedVolumes: 'namedVolumes',
	pruneNetworks: 'networks',
	pruneBuildCache: 'buildCache',
};

function toggle(choices: PruneChoices, category: PruneCategory): PruneChoices {
	const next = {...choices, [category]: !choices[category]};
	// Named volumes are "volumes, and the named ones too": the one implies the other.
	if (category === 'namedVolumes' && next.namedVolumes) return {...next, volumes: true};
	if (category === 'volumes' && !next.volumes) return {...next, namedVolumes: false};
	return next;
}

/** What closes a dialog that only shows a result: the result scope's close key, as its hint says. */
const closes = (key: KeyPress, keys: KeyMap): boolean => keys.lookup('result', key.name) === 'close';

function pruneDialog(dialog: Extract<ResourceDialog, {kind: 'prune'}>, key: KeyPress, keys: KeyMap): Effect[] {
	const command = keys.lookup('prune', key.name);
	if (dialog.phase === 'done') return closes(key, keys) ? [close] : [];
	if (command === 'no') {
		if (dialog.phase === 'running') return [];
		return [close, say('Prune cancelled: nothing was removed')];
	}

	if (dialog.phase !== 'ready') return [];
	const category = pruneToggles[command as ResourceCommand];
	if (category) {
		const choices = toggle(dialog.choices, category);
		const preview = dialog.snapshot ? prunePreview(dialog.snapshot, choices) : undefined;
		return [dispatch({type: 'ui/openDialog', dialog: {...dialog, choices, preview, note: undefined}})];
	}

	if (command === 'yes') {
		if (!dialog.preview || dialog.preview.items.length === 0) return [say('Nothing to prune with these choices')];
		return [request({kind: 'pruneConfirm'})];
	}

	return [];
}

function routeDialog(dialog: ResourceDialog, key: KeyPress, keys: KeyMap): Effect[] {
	if (dialog.kind === 'prune') return pruneDialog(dialog, key, keys);
	const command = keys.lookup('confirm', key.name);
	if (dialog.kind === 'bulkResult') return closes(key, keys) ? [close] : [];
	if (dialog.kind === 'bulkConfirm') {
		if (command === 'no') {
			const which = dialog.group === undefined ? `the ${bulkSubject(dialog.targets)}` : bulkSubject(dialog.targets, dialog.group);
			return [close, say(`Cancelled: ${which} were left as they were`)];
		}

		if (command === 'yes') return [close, request({kind: 'bulk', op: dialog.op, targets: dialog.targets, force: false})];
		if (command === 'force' && dialog.op === 'remove') {
			return [close, request({kind: 'bulk', op: dialog.op, targets: dialog.targets, force: true})];
		}

		return [];
	}

	if (command === 'no') return [close, say(`Cancelled: ${dialog.target.name} was left as it was`)];
	if (command === 'yes') return [close, request({kind: 'remove', target: dialog.target, force: false})];
	if (command === 'force' && dialog.target.pane === 'images') {
		return [close, request({kind: 'remove', target: dialog.target, force: true})];
	}

	return [];
}

export function routeResourceKey(state: AppState, key: KeyPress, keys: KeyMap): Effect[] | undefined {
	const {dialog, pane} = state.ui;
	if (isResourceDialog(dialog)) return routeDialog(dialog, key, keys);
	if (dialog) return undefined;
	// The events pane's own keys are routed first (events-input.ts); what reaches here is pane switching and prune.
	if (pane === 'events' || isSwarmPane(pane)) {
		const command = keys.lookup('global', key.name);
		return command === 'prune' ? openPrune() : command ? switchPane(state, command) : undefined;
	}

	if (pane !== 'containers') return resourcePane(state, pane, key, keys);
	if (state.ui.filtering) return undefined;
	return containersPane(state, keys.lookup('global', key.name) ?? keys.lookup('containers', key.name));
}
