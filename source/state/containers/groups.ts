// Compose projects and swarm stacks as groups in the containers list: which group a container belongs
// to, the group rows with their counts, their place in the sort, collapsing, and the selection across them.
import type {Container, ContainerState} from '../core/model.js';
import {compareNames} from '../core/compare-names.js';
import {sanitize} from '../core/sanitize.js';
import type {SortOrder} from './view.js';
import {splitRowKey} from '../core/engines.js';

export const composeProjectLabel = 'com.docker.compose.project';
export const stackNamespaceLabel = 'com.docker.stack.namespace';

export type GroupKind = 'compose' | 'stack';

export type Group = {
	/**
	 * Row identity and what collapsing remembers: "compose:shop", "stack:web"; with several engines the engine's
	 * key comes too ("compose@1:shop"), so a project of the same name on two engines is two groups.
	 */
	readonly key: string;
	readonly kind: GroupKind;
	/** The label's value, as the engine has it (what the logs pane's project mode matches). */
	readonly name: string;
	/** The name made inert for the screen. */
	readonly label: string;
	/** The members the filters let through, in the list's order: what an action on the group acts on. */
	readonly members: readonly Container[];
	/** Every member the engine lists, filtered or not, for the counts. */
	readonly total: number;
	readonly running: number;
	/** How many members are in each state, in the state sort's order. */
	readonly states: ReadonlyArray<readonly [ContainerState, number]>;
	readonly collapsed: boolean;
	/** With several engines: the name of the engine the project runs on. */
	readonly engine?: string;
};

/** A group's own row in the list; `name` is its label, as code that sizes the NAME column reads rows' names. */
export type GroupRow = {readonly kind: 'group'; readonly id: string; readonly name: string; readonly group: Group};

/** A row of the list: a container (loose, or a member under its group's row) or a group's row. */
export type ListRow = Container | GroupRow;

export const isGroupRow = (row: ListRow | undefined): row is GroupRow => row !== undefined && 'kind' in row;

export type GroupOptions = {
	/** False lists every container loose, as before groups. */
	readonly grouped: boolean;
	/** Keys of the groups whose members are hidden under their row. */
	readonly collapsed: readonly string[];
};

/** The compose project, else the stack, a container belongs to; undefined for a loose container. */
export function groupOf(container: Container): {readonly kind: GroupKind; readonly name: string} | undefined {
	const project = container.labels[composeProjectLabel];
	if (project) return {kind: 'compose', name: project};
	const stack = container.labels[stackNamespaceLabel];
	if (stack) return {kind: 'stack', name: stack};
	return undefined;
}

/** A group's key; `engine` (an engine's key, with several engines) keeps projects of two engines apart. */
export const groupKey = (kind: GroupKind, name: string, engine?: string): string =>
	engine === undefined ? `${kind}:${name}` : `${kind}@${engine}:${name}`;

/** Group keys start with their kind; a container's key is its id, or with several engines "1:<id>". */
export const isGroupKey = (id: string | undefined): boolean => id !== undefined && /^(?:compose|stack)(?:@\d+)?:/.test(id);

/** The key of the group a container belongs to, on its own engine; undefined for a loose container. */
export function containerGroupKey(container: Container): string | undefined {
	const group = groupOf(container);
	return group && groupKey(group.kind, group.name, splitRowKey(container.id).engine);
}

/** The order the summary names states in: as the state sort lists them. */
const stateOrder: readonly ContainerState[] = ['running', 'restarting', 'paused', 'created', 'removing', 'exited', 'dead'];

const byName = (a: ListRow, b: ListRow): number => compareNames(a.name, b.name) || compareNames(a.id, b.id);

function summarise(all: readonly Container[]): Pick<Group, 'total' | 'running' | 'states'> {
	const counts = new Map<ContainerState, number>();
	for (const container of all) counts.set(container.state, (counts.get(container.state) ?? 0) + 1);
	const states = [...counts].sort(([a], [b]) => stateOrder.indexOf(a) - stateOrder.indexOf(b));
	return {total: all.length, running: counts.get('running') ?? 0, states};
}

/** "2/3 running · 1 exited": running of all, then the other states present. */
export function groupSummary(group: Group): string {
	const others = group.states.filter(([state]) => state !== 'running').map(([state, count]) => `${count} ${state}`);
	return [`${group.running}/${group.total} running`, ...others].join(' · ');
}

/**
 * The list's rows: loose containers and group rows sorted together, each group followed by its members
 * unless collapsed. `rows` are the containers the filters let through, already sorted; `all` is every
 * container, for the counts. A group shows when any member passes the filters. A group takes its place in
 * the sort from its first member in the list's order (its best for the state sort, its newest for created);
 * the name sort orders groups by their own name.
 */
export function groupRows(
	rows: readonly Container[],
	all: Readonly<Record<string, Container>>,
	sort: SortOrder,
	options: GroupOptions,
): readonly ListRow[] {
	if (!options.grouped) return rows;
	const members = new Map<string, Container[]>();
	const kinds = new Map<string, {kind: GroupKind; name: string; engine?: string}>();
	for (const container of rows) {
		const group = groupOf(container);
		if (!group) continue;
		const key = containerGroupKey(container)!;
		kinds.set(key, {...group, engine: container.engine});
		const list = members.get(key);
		if (list) list.push(container);
		else members.set(key, [container]);
	}

	if (members.size === 0) return rows;
	const everyone = new Map<string, Container[]>();
	for (const container of Object.values(all)) {
		const key = containerGroupKey(container);
		if (!key || !members.has(key)) continue;
		const list = everyone.get(key);
		if (list) list.push(container);
		else everyone.set(key, [container]);
	}

	const collapsed = new Set(options.collapsed);
	const items: ListRow[] = rows.filter((container) => !groupOf(container));
	for (const [key, list] of members) {
		const {kind, name, engine} = kinds.get(key)!;
		const label = sanitize(name);
		const group: Group = {
			key,
			kind,
			name,
			label,
			members: list,
			...summarise(everyone.get(key) ?? list),
			collapsed: collapsed.has(key),
			...(engine === undefined ? {} : {engine: sanitize(engine)}),
		};
		items.push({kind: 'group', id: key, name: label, group});
	}

	// Every sort but the name's keeps the list's order, a group at its first member's place: its best member
	// in the state sort, its newest for created, and any sort view.ts adds orders groups the same way.
	const position = new Map(rows.map((container, index) => [container.id, index]));
	const at = (item: ListRow) => position.get(isGroupRow(item) ? item.group.members[0]!.id : item.id) ?? 0;
	const direction = sort.descending ? -1 : 1;
	items.sort(sort.key === 'name' ? (a, b) => direction * byName(a, b) : (a, b) => at(a) - at(b));
	const result: ListRow[] = [];
	for (const item of items) {
		result.push(item);
		if (isGroupRow(item) && !item.group.collapsed) result.push(...item.group.members);
	}

	return result;
}

/**
 * Where the selection is in the rows: the row with the selected id; a container hidden in a collapsed group
 * selects its group's row; a group that is no longer shown (grouping off) selects its first member; else the
 * row now at the old position (past an open group's row, to its first member). -1 when there are no rows.
 */
export function selectedRowIndex(rows: readonly ListRow[], selectedId: string | undefined, selectedIndex: number): number {
	if (rows.length === 0) return -1;
	if (selectedId !== undefined) {
		const exact = rows.findIndex((row) => row.id === selectedId);
		if (exact >= 0) return exact;
		const holder = rows.findIndex(
			(row) =>
				(isGroupRow(row) && row.group.members.some((member) => member.id === selectedId)) ||
				(!isGroupRow(row) && isGroupKey(selectedId) && containerGroupKey(row) === selectedId),
		);
		if (holder >= 0) return holder;
	}

	// Landing on an open group's row by position (a filter hid the selection, or it started out empty) goes
	// on to its first member, so narrowing the list to one container selects that container.
	const index = Math.min(selectedIndex, rows.length - 1);
	const landed = rows[index];
	return isGroupRow(landed) && !landed.group.collapsed && index + 1 < rows.length ? index + 1 : index;
}

/** The group a row belongs to: its own for a group row, its project's for a member (grouping on). */
export function rowGroup(rows: readonly ListRow[], row: ListRow | undefined): Group | undefined {
	if (!row) return undefined;
	if (isGroupRow(row)) return row.group;
	const key = containerGroupKey(row);
	if (key === undefined) return undefined;
	const holder = rows.find((other) => isGroupRow(other) && other.id === key);
	return isGroupRow(holder) ? holder.group : undefined;
}

/** The containers among the rows within a page of the selection, whichever way the list is scrolled. */
export const containersNear = (rows: readonly ListRow[], selectedIndex: number, pageSize: number): readonly Container[] =>
	rows.slice(Math.max(0, selectedIndex - pageSize), selectedIndex + pageSize).filter((row): row is Container => !isGroupRow(row));
