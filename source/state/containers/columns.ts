// Which columns of the containers table fit at a terminal width, and how wide each is. NAME is the last
// column to shrink; when space runs short the optional columns go first (MEM, then CPU, PORTS, CREATED,
// ENGINE), then STATE merges into STATUS (the status text names the state and takes its colour).
import {timeWidth, type TimeFormat} from '../core/time-format.js';

export type ColumnKey = 'engine' | 'name' | 'image' | 'state' | 'status' | 'ports' | 'created' | 'cpu' | 'memory';

export type Column = {readonly key: ColumnKey; readonly title: string; readonly width: number};

export type ColumnOptions = {
	/** The widest name in the list (what NAME wants); 20 when unknown. */
	readonly nameWidth?: number;
	/** The CPU % and MEM / LIMIT columns are on. */
	readonly usage?: boolean;
	/** With several engines, the ENGINE column's width (the longest engine name); 0 or absent leaves it out. */
	readonly engineWidth?: number;
};

/** The selection marker ("▶ ") before the first column. */
const marker = 2;
const stateWidth = 10;
export const cpuWidth = 6;
export const memoryWidth = 17;
/** NAME never asks for more than this, however long a name is, nor gets less than its title. */
const nameCap = 64;
const nameFloor = 4;
const defaultNameWidth = 20;
/** IMAGE and PORTS start at these and share what is left over; STATUS shrinks to `statusFloor` at most. */
const imageMin = 10;
const portsMin = 9;
const statusFloor = 12;

/** STATUS's narrowest and widest: relative wording, or "Up since <time>" to "Exited (137) <time>". */
const statusWidths = (format: TimeFormat) =>
	format === 'relative'
		? {min: 18, max: 26}
		: {min: 'Up since '.length + timeWidth(format), max: 'Exited (137) '.length + timeWidth(format)};

type Slot = {key: ColumnKey; title: string; width: number; min: number; grow: number};

/**
 * The optional columns, first to go when space is short. ENGINE goes last of them: with several engines it
 * tells two containers of the same name apart.
 */
const dropOrder: readonly ColumnKey[] = ['memory', 'cpu', 'ports', 'created', 'engine'];

let memo: {key: string; columns: readonly Column[]} | undefined;

export function containerColumns(width: number, format: TimeFormat = 'relative', options: ColumnOptions = {}): readonly Column[] {
	const key = `${width} ${format} ${options.nameWidth ?? ''} ${options.usage ?? false} ${options.engineWidth ?? 0}`;
	if (memo?.key === key) return memo.columns;
	memo = {key, columns: layout(width, format, options)};
	return memo.columns;
}

function specs(format: TimeFormat, options: ColumnOptions): Slot[] {
	const name = Math.max(nameFloor, Math.min(nameCap, options.nameWidth ?? defaultNameWidth));
	const status = statusWidths(format);
	const created = timeWidth(format);
	const engine = options.engineWidth ?? 0;
	return [
		// Which engine first, as the row's address reads: engine, then the container on it.
		...(engine > 0 ? [{key: 'engine', title: 'ENGINE', width: engine, min: engine, grow: 0} as Slot] : []),
		{key: 'name', title: 'NAME', width: name, min: nameFloor, grow: 0},
		{key: 'image', title: 'IMAGE', width: imageMin, min: imageMin, grow: 1},
		{key: 'state', title: 'STATE', width: stateWidth, min: stateWidth, grow: 0},
		{key: 'status', title: 'STATUS', width: status.max, min: status.min, grow: 0},
		// Beside the state they measure; CREATED stays the last column, as in `docker ps`.
		...(options.usage
			? [
					{key: 'cpu', title: 'CPU %', width: cpuWidth, min: cpuWidth, grow: 0} as Slot,
					{key: 'memory', title: 'MEM / LIMIT', width: memoryWidth, min: memoryWidth, grow: 0} as Slot,
				]
			: []),
		{key: 'ports', title: 'PORTS', width: portsMin, min: portsMin, grow: 1},
		{key: 'created', title: 'CREATED', width: created, min: created, grow: 0},
	];
}

function layout(width: number, format: TimeFormat, options: ColumnOptions): readonly Column[] {
	const room = width - marker;
	const statusMax = statusWidths(format).max;
	let slots = specs(format, options);
	const used = () => slots.reduce((sum, slot) => sum + slot.width, 0) + slots.length - 1;
	const find = (key: ColumnKey) => slots.find((slot) => slot.key === key);
	const drop = (key: ColumnKey) => {
		slots = slots.filter((slot) => slot.key !== key);
	};

	/** Takes up to `by` columns from a slot, down to `floor`. */
	const shrink = (key: ColumnKey, floor: number) => {
		const slot = find(key);
		if (slot && used() > room) slot.width = Math.max(floor, slot.width - (used() - room));
	};

	// The steps, in the order space is given up; each runs only while the row is still too wide.
	if (used() > room) drop('memory');
	shrink('status', find('status')!.min);
	for (const key of dropOrder.slice(1)) if (used() > room) drop(key);
	if (used() > room) {
		// STATE merges into STATUS: the status text says the state ("Up…", "Exited…", "Created") and the
		// row colours it as STATE would be.
		drop('state');
	}

	shrink('status', statusFloor);
	shrink('image', 0);
	if (find('image')?.width === 0) drop('image');
	shrink('name', nameFloor);
	shrink('status', 1);

	// What a dropped column left over goes back to STATUS first, then to IMAGE and PORTS (without them, NAME).
	let spare = room - used();
	const status = find('status');
	if (status && spare > 0) {
		const back = Math.min(spare, statusMax - status.width);
		status.width += back;
		spare -= back;
	}

	if (spare > 0) {
		const growing = slots.filter((slot) => slot.grow > 0);
		const takers = growing.length > 0 ? growing : [find('name')!];
		takers.forEach((slot, index) => {
			const share = index === takers.length - 1 ? spare : Math.floor(spare / (takers.length - index));
			slot.width += share;
			spare -= share;
		});
	}

	return slots.map(({key, title, width: columnWidth}) => ({key, title, width: columnWidth}));
}
