// The events pane's state: what the engine reported, newest first and capped, with the pane's own filter
// and selection (pinned to an event, so new arrivals above do not move it).
import {editLine, emptyLine, lineWith, type LineEditor} from '../core/line-editor.js';
import type {KeyPress} from '../input/keys.js';

/** One engine event, as the pane shows it. */
export type EngineEvent = {
	/** Identity, so an event replayed after a reconnect is not listed twice. */
	readonly key: string;
	/** Epoch ms. */
	readonly time: number;
	/** container, image, volume, network (or another kind the engine reports). */
	readonly type: string;
	readonly action: string;
	/** The object's id: a container or network id, an image id or reference, a volume name. */
	readonly id: string;
	/** The object's name, as people know it. */
	readonly name: string;
	/** What matters about this event: "exit code 3", "signal 15", "container web"… */
	readonly details: readonly string[];
};

export type EventsState = {
	/** Newest first. */
	readonly rows: readonly EngineEvent[];
	/** How many events are kept; the oldest go first. */
	readonly cap: number;
	readonly filter: LineEditor;
	readonly filtering: boolean;
	readonly selectedKey?: string;
	readonly selectedIndex: number;
};

export type EventsAction =
	| {readonly type: 'events/add'; readonly events: readonly EngineEvent[]}
	| {readonly type: 'events/select'; readonly key: string | undefined; readonly index: number}
	| {readonly type: 'events/filterStart'}
	| {readonly type: 'events/filterEdit'; readonly key: KeyPress}
	| {readonly type: 'events/filterDone'}
	| {readonly type: 'events/filterClear'};

export const defaultEventCap = 1000;

export const initialEvents: EventsState = {rows: [], cap: defaultEventCap, filter: emptyLine, filtering: false, selectedIndex: 0};

/** How far back a replayed event is looked for: a reconnect replays about the last second. */
const dedupeWindow = 256;

function add(state: EventsState, events: readonly EngineEvent[]): EventsState {
	const recent = new Set(state.rows.slice(0, dedupeWindow).map((row) => row.key));
	const fresh = events.filter((event) => !recent.has(event.key) && (recent.add(event.key), true));
	if (fresh.length === 0) return state;
	// The engine sends events in order; a batch may still hold several, newest last.
	const merged = [...fresh.reverse(), ...state.rows].sort((a, b) => b.time - a.time);
	return {...state, rows: merged.length > state.cap ? merged.slice(0, state.cap) : merged};
}

export function eventsReducer(state: EventsState, action: EventsAction): EventsState {
	switch (action.type) {
		case 'events/add':
			return add(state, action.events);
		case 'events/select':
			return {...state, selectedKey: action.key, selectedIndex: action.index};
		case 'events/filterStart':
			return {...state, filtering: true, filter: lineWith(state.filter.value)};
		case 'events/filterEdit': {
			const filter = editLine(state.filter, action.key);
			return filter ? {...state, filter} : state;
		}

		case 'events/filterDone':
			return {...state, filtering: false};
		case 'events/filterClear':
			return {...state, filtering: false, filter: emptyLine};
	}
}

const searchText = (event: EngineEvent): string =>
	`${event.type} ${event.action} ${event.name} ${event.id} ${event.details.join(' ')}`.toLowerCase();

/** The events that pass the filter (every word of it, in any order), newest first. */
export function visibleEvents(state: EventsState): readonly EngineEvent[] {
	const words = state.filter.value.toLowerCase().split(/\s+/).filter(Boolean);
	if (words.length === 0) return state.rows;
	return state.rows.filter((event) => {
		const text = searchText(event);
		return words.every((word) => text.includes(word));
	});
}

/** The selected event: the same one while it is visible, else the row now at the old position. */
export function eventSelection(state: EventsState): {readonly index: number; readonly event?: EngineEvent} {
	const rows = visibleEvents(state);
	if (rows.length === 0) return {index: 0};
	const byKey = state.selectedKey === undefined ? -1 : rows.findIndex((row) => row.key === state.selectedKey);
	const index = byKey >= 0 ? byKey : Math.min(state.selectedIndex, rows.length - 1);
	return {index, event: rows[index]};
}
