// What the containers pane shows: the rows that pass the filter, in the chosen order.
import type {ContainersState} from './containers.js';
import type {Container, ContainerState} from '../core/model.js';
import {nextChangeAt, statusText, textChanges} from './status.js';
import {compareNames} from '../core/compare-names.js';
import {nextWake} from '../core/tick.js';
import {createdText, type TimeFormat} from '../core/time-format.js';
import type {Usage} from './usage.js';

export type SortKey = 'state' | 'name' | 'image' | 'created' | 'cpu' | 'memory' | 'engine';

/** Every sort key; `engine` is in the cycle only when several engines are shown (sortCycle). */
export const sortKeys: readonly SortKey[] = ['state', 'name', 'image', 'created', 'cpu', 'memory', 'engine'];

/** The keys `o` steps through: with one engine, sorting by engine would change nothing. */
export const sortCycle = (severalEngines: boolean): readonly SortKey[] =>
	severalEngines ? sortKeys : sortKeys.filter((key) => key !== 'engine');

/** Sorts that read the stats figures (usage.ts), so the order changes with each batch of them. */
const usageSorts: ReadonlySet<SortKey> = new Set(['cpu', 'memory']);

export type SortOrder = {readonly key: SortKey; readonly descending: boolean};

const stateRank: Readonly<Record<ContainerState, number>> = {
	running: 0,
	restarting: 1,
	paused: 2,
	created: 3,
	removing: 4,
	exited: 5,
	dead: 6,
};

const byName = (a: Container, b: Container) => compareNames(a.name, b.name) || compareNames(a.id, b.id);

type Compare = (a: Container, b: Container) => number;

/** Busiest first; rows without a figure (not running, or never on screen) after every row with one. */
const byFigure =
	(usage: ContainersState['usage'], pick: (figures: Usage) => number | undefined): Compare =>
	(a, b) =>
		(pick(usage?.[b.id] ?? {}) ?? -1) - (pick(usage?.[a.id] ?? {}) ?? -1) || byName(a, b);

const comparator = (key: SortKey, usage: ContainersState['usage']): Compare => {
	switch (key) {
		case 'state':
			return (a, b) => stateRank[a.state] - stateRank[b.state] || byName(a, b);
		case 'name':
			return byName;
		case 'image':
			return (a, b) => compareNames(a.image, b.image) || byName(a, b);
		case 'created':
			// Newest first reads naturally for creation time, as in `docker ps`.
			return (a, b) => b.createdAt - a.createdAt || byName(a, b);
		case 'cpu':
			return byFigure(usage, (figures) => figures.cpu);
		case 'memory':
			return byFigure(usage, (figures) => figures.memory);
		case 'engine':
			return (a, b) => compareNames(a.engine ?? '', b.engine ?? '') || stateRank[a.state] - stateRank[b.state] || byName(a, b);
	}
};

export function matchesFilter(container: Container, filter: string): boolean {
	const needle = filter.trim().toLowerCase();
	if (needle === '') return true;
	return (
		container.name.toLowerCase().includes(needle) ||
		container.image.toLowerCase().includes(needle) ||
		(container.engine?.toLowerCase().includes(needle) ?? false)
	);
}

/** The states the state filter steps through, in order; undefined is every state. */
export const stateFilterOrder: ReadonlyArray<ContainerState | undefined> = [
	undefined,
	'running',
	'exited',
	'paused',
	'created',
	'restarting',
	'dead',
];

export const nextStateFilter = (current: ContainerState | undefined): ContainerState | undefined =>
	stateFilterOrder[(stateFilterOrder.indexOf(current) + 1) % stateFilterOrder.length];

let memo:
	| {
			byId: ContainersState['byId'];
			usage: ContainersState['usage'];
			filter: string;
			sort: SortOrder;
			only?: ContainerState;
			rows: readonly Container[];
	  }
	| undefined;

/**
 * The visible rows: those the text filter lets through and, with `only`, in that state. Memoised on its
 * inputs because both the reducer and the view ask for it.
 */
export function visibleContainers(
	state: ContainersState,
	filter: string,
	sort: SortOrder,
	only?: ContainerState,
): readonly Container[] {
	// The figures change every second: only a sort by them is redone for each batch.
	const usage = usageSorts.has(sort.key) ? state.usage : undefined;
	if (
		memo &&
		memo.byId === state.byId &&
		memo.usage === usage &&
		memo.filter === filter &&
		memo.sort === sort &&
		memo.only === only
	) {
		return memo.rows;
	}

	const compare = comparator(sort.key, usage);
	const rows = Object.values(state.byId)
		.filter((container) => (only === undefined || container.state === only) && matchesFilter(container, filter))
		.sort(sort.descending ? (a, b) => compare(b, a) : compare);
	memo = {byId: state.byId, usage, filter, sort, only, rows};
	return rows;
}

/** The first row of the window that keeps the cursor in view, moving as little as possible. */
export function windowStart(cursor: number, count: number, height: number, previousStart: number): number {
	if (height <= 0 || count <= height) return 0;
	let start = Math.min(previousStart, count - height);
	if (cursor < start) start = cursor;
	if (cursor >= start + height) start = cursor - height + 1;
	return Math.max(0, start);
}

/**
 * When any row that may be on screen next changes its relative time: the rows within a page of the
 * selection, whichever way the list is scrolled. Infinity when none will.
 */
export function nextRowChange(rows: readonly Container[], selectedIndex: number, pageSize: number, now: number): number {
	const window = rows.slice(Math.max(0, selectedIndex - pageSize), selectedIndex + pageSize);
	return Math.min(Number.POSITIVE_INFINITY, ...window.map((container) => nextChangeAt(container, now)));
}

/** The rows that may be on screen: within a page of the selection, whichever way the list is scrolled. */
export const rowsNearSelection = (rows: readonly Container[], selectedIndex: number, pageSize: number): readonly Container[] =>
	rows.slice(Math.max(0, selectedIndex - pageSize), selectedIndex + pageSize);

/** When the shared clock next wakes for those rows: their changes aligned to the tick grid (core/tick.ts). */
export const nextRowWake = (rows: readonly Container[], now: number): number =>
	nextWake(
		now,
		rows.flatMap((container) => textChanges(container, now)),
	);

/** What the relative cells of those rows read at a moment (status and created), to tell whether a tick changes any. */
export const relativeTexts = (rows: readonly Container[], now: number, format: TimeFormat): string[] =>
	rows.flatMap((container) => [statusText(container, now, format), createdText(container.createdAt, now, format)]);
