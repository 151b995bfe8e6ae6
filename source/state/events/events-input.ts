// Keys of the events pane: move, filter as you type, and Enter to show the event's object in its own pane.
// routeKey asks here before the other panes; undefined leaves the key to the global bindings.
import type {AppState} from '../core/app.js';
import {dispatch, say, type Effect} from '../input/effect.js';
import type {Command, KeyMap} from '../input/keymap.js';
import {movement} from '../input/movement.js';
import type {KeyPress} from '../input/keys.js';
import {rowKey} from '../resources/resource-view.js';
import type {ResourcePane} from '../resources/resources.js';
import {eventSelection, visibleEvents, type EngineEvent} from './events.js';

const watch: Effect = {type: 'resource', request: {kind: 'watch'}};

function move(state: AppState, command: Command): Effect[] | undefined {
	const rows = visibleEvents(state.events);
	const {index} = eventSelection(state.events);
	const step = movement(command, index, rows.length, state.ui.pageSize);
	if (!step.moves) return undefined;
	if (step.next === undefined) return [];
	const {next} = step;
	// Back at the top, the selection follows the newest event again instead of staying on this one.
	return [dispatch({type: 'events/select', key: next === 0 ? undefined : rows[next]!.key, index: next})];
}

const resourcePanes: Readonly<Record<string, ResourcePane>> = {image: 'images', volume: 'volumes', network: 'networks'};

/** Shows the event's object in its pane, selected, with that pane's filter cleared so it is on screen. */
export function jumpTo(state: AppState, event: EngineEvent): Effect[] {
	if (event.type === 'container') {
		const container = state.containers.byId[event.id];
		if (!container) return [say(`Container ${event.name} no longer exists`)];
		return [
			dispatch({type: 'ui/pane', pane: 'containers'}),
			...(state.ui.filter.value === '' ? [] : [dispatch({type: 'ui/filterClear'})]),
			...(state.ui.stateFilter === undefined || state.ui.stateFilter === container.state
				? []
				: [dispatch({type: 'ui/stateFilterClear'})]),
			dispatch({type: 'ui/select', id: container.id, index: 0}),
		];
	}

	const pane = resourcePanes[event.type];
	if (!pane) return [say(`dockpit has no pane for ${event.type} events`)];
	const row =
		pane === 'images'
			? state.resources.rows.images.find((image) => image.id === event.id || image.reference === event.name)
			: pane === 'volumes'
				? state.resources.rows.volumes.find((volume) => volume.name === event.id)
				: state.resources.rows.networks.find((network) => network.id === event.id);
	const loaded = state.resources.loaded[pane];
	if (!row && (loaded || pane === 'images')) return [say(`${event.type} ${event.name} no longer exists`)];
	// Volumes and networks are keyed by what the event names, so they can be selected before their rows arrive.
	const key = row ? rowKey(pane, row) : event.id;
	return [
		dispatch({type: 'ui/pane', pane}),
		watch,
		...(state.resources.views[pane].filter.value === '' ? [] : [dispatch({type: 'resources/filterClear', pane})]),
		// The key pins the selection; the index is only where it falls back to if the row is gone.
		dispatch({type: 'resources/select', pane, key, index: 0}),
	];
}

export function routeEventsKey(state: AppState, key: KeyPress, keys: KeyMap): Effect[] | undefined {
	if (state.ui.pane !== 'events' || state.ui.dialog) return undefined;
	if (state.events.filtering) {
		const command = keys.lookup('prompt', key.name);
		if (command === 'back') return [dispatch({type: 'events/filterClear'})];
		if (command === 'submit') return [dispatch({type: 'events/filterDone'})];
		if (command === 'clearInput') return [dispatch({type: 'events/filterEdit', key: {name: 'ctrl+u', text: ''}})];
		if (key.name === 'up' || key.name === 'down') return move(state, key.name);
		return [dispatch({type: 'events/filterEdit', key})];
	}

	const global = keys.lookup('global', key.name);
	if (global === 'back') return state.events.filter.value === '' ? [] : [dispatch({type: 'events/filterClear'})];
	// Quit, help, pane switching, prune…: the same everywhere.
	if (global) return undefined;
	const command = keys.lookup('events', key.name) ?? keys.lookup('list', key.name);
	if (!command) return [];
	if (command === 'filter') return [dispatch({type: 'events/filterStart'})];
	if (command === 'jump') {
		const {event} = eventSelection(state.events);
		return event ? jumpTo(state, event) : [];
	}

	// The list's sort keys do nothing here: events are always newest first.
	return move(state, command) ?? [];
}
