// What the images, volumes and networks panes show: rows that pass the pane's filter, in its order,
// and the selected row, pinned by key like the containers pane's.
import type {Image, Network, PaneView, ResourcePane, ResourceRows, ResourcesState, Volume} from './resources.js';

export type ResourceRow<P extends ResourcePane> = ResourceRows[P][number];

export const rowKey = (pane: ResourcePane, row: Image | Volume | Network): string =>
	pane === 'images' ? (row as Image).key : pane === 'volumes' ? (row as Volume).name : (row as Network).id;

const rowName = (pane: ResourcePane, row: Image | Volume | Network): string =>
	pane === 'images' ? (row as Image).reference : (row as Volume | Network).name;

type Compare<T> = (a: T, b: T) => number;

const byText =
	<T>(text: (row: T) => string): Compare<T> =>
	(a, b) =>
		text(a).localeCompare(text(b));

const comparators: {readonly [P in ResourcePane]: Readonly<Record<string, Compare<ResourceRow<P>>>>} = {
	images: {
		// Biggest and newest first read naturally, as in `docker images`.
		created: (a, b) => b.createdAt - a.createdAt || a.reference.localeCompare(b.reference),
		size: (a, b) => b.size - a.size || a.reference.localeCompare(b.reference),
		name: byText((row) => row.reference),
	},
	volumes: {
		name: byText((row) => row.name),
		size: (a, b) => (b.size ?? -1) - (a.size ?? -1) || a.name.localeCompare(b.name),
		driver: (a, b) => a.driver.localeCompare(b.driver) || a.name.localeCompare(b.name),
	},
	networks: {
		name: byText((row) => row.name),
		driver: (a, b) => a.driver.localeCompare(b.driver) || a.name.localeCompare(b.name),
		created: (a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0) || a.name.localeCompare(b.name),
	},
};

function matches(pane: ResourcePane, row: Image | Volume | Network, needle: string): boolean {
	if (needle === '') return true;
	const extra = pane === 'images' ? (row as Image).id : (row as Volume | Network).driver;
	return rowName(pane, row).toLowerCase().includes(needle) || extra.toLowerCase().includes(needle);
}

const memo = new Map<ResourcePane, {rows: readonly unknown[]; view: PaneView; out: readonly unknown[]}>();

export function visibleResources<P extends ResourcePane>(state: ResourcesState, pane: P): ReadonlyArray<ResourceRow<P>> {
	const rows = state.rows[pane] as ReadonlyArray<ResourceRow<P>>;
	const view = state.views[pane];
	const cached = memo.get(pane);
	if (cached && cached.rows === rows && cached.view.filter === view.filter && cached.view.sort === view.sort) {
		return cached.out as ReadonlyArray<ResourceRow<P>>;
	}

	const needle = view.filter.value.trim().toLowerCase();
	const compare = (comparators[pane] as Readonly<Record<string, Compare<ResourceRow<P>>>>)[view.sort.key] ?? (() => 0);
	const out = rows.filter((row) => matches(pane, row, needle)).sort(view.sort.descending ? (a, b) => compare(b, a) : compare);
	memo.set(pane, {rows, view, out});
	return out;
}

export type ResourceSelection<P extends ResourcePane> = {readonly index: number; readonly row?: ResourceRow<P>};

export function resourceSelection<P extends ResourcePane>(state: ResourcesState, pane: P): ResourceSelection<P> {
	const rows = visibleResources(state, pane);
	if (rows.length === 0) return {index: 0};
	const view = state.views[pane];
	const byKey = view.selectedKey === undefined ? -1 : rows.findIndex((row) => rowKey(pane, row) === view.selectedKey);
	const index = byKey >= 0 ? byKey : Math.min(view.selectedIndex, rows.length - 1);
	return {index, row: rows[index]};
}
