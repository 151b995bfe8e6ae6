// How wide each column of the containers table is at a given terminal width and time format.
import {timeWidth, type TimeFormat} from '../core/time-format.js';

export type ColumnKey = 'engine' | 'name' | 'image' | 'state' | 'status' | 'ports' | 'created';

export type Column = {readonly key: ColumnKey; readonly title: string; readonly width: number};

const stateWidth = 10;

/** STATUS's narrowest and widest, and its share of the width: relative wording, or "Up since <time>" to "Exited (137) <time>". */
const statusWidths = (format: TimeFormat) =>
	format === 'relative'
		? {min: 18, max: 26, share: 1 / 4}
		: {min: 'Up since '.length + timeWidth(format), max: 'Exited (137) '.length + timeWidth(format), share: 1 / 3};

/** Fixed columns keep their width (status shrinks first), the rest is shared by name, image and ports. */
let memo: {width: number; format: TimeFormat; engine: number; columns: readonly Column[]} | undefined;

/** `engineWidth`: with several engines, an ENGINE column of that width comes first; 0 leaves it out. */
export function containerColumns(width: number, format: TimeFormat = 'relative', engineWidth = 0): readonly Column[] {
	if (memo?.width === width && memo.format === format && memo.engine === engineWidth) return memo.columns;
	const columns =
		engineWidth > 0
			? [{key: 'engine', title: 'ENGINE', width: engineWidth} as const, ...layout(width - engineWidth - 1, format)]
			: layout(width, format);
	memo = {width, format, engine: engineWidth, columns};
	return memo.columns;
}

function layout(width: number, format: TimeFormat): readonly Column[] {
	const gaps = 5;
	const marker = 2;
	const created = timeWidth(format);
	const {min, max, share} = statusWidths(format);
	// Wide times give way to name, image and ports below about 100 columns rather than push them out.
	const room = width - marker - gaps - stateWidth - created - 15;
	const status = Math.max(10, Math.min(room, Math.max(min, Math.min(max, Math.floor(width * share)))));
	const flexible = Math.max(15, width - marker - gaps - stateWidth - status - created);
	const name = Math.floor(flexible * 0.4);
	const image = Math.floor(flexible * 0.3);
	const ports = flexible - name - image;
	return [
		{key: 'name', title: 'NAME', width: name},
		{key: 'image', title: 'IMAGE', width: image},
		{key: 'state', title: 'STATE', width: stateWidth},
		{key: 'status', title: 'STATUS', width: status},
		{key: 'ports', title: 'PORTS', width: ports},
		{key: 'created', title: 'CREATED', width: created},
	];
}
