// How wide each column of the containers table is at a given terminal width.

export type ColumnKey = 'name' | 'image' | 'state' | 'status' | 'ports' | 'created';

export type Column = {readonly key: ColumnKey; readonly title: string; readonly width: number};

const fixed = {state: 10, status: 26, created: 8} as const;

/** Fixed columns keep their width (status shrinks first), the rest is shared by name, image and ports. */
let memo: {width: number; columns: readonly Column[]} | undefined;

export function containerColumns(width: number): readonly Column[] {
	if (memo?.width === width) return memo.columns;
	memo = {width, columns: layout(width)};
	return memo.columns;
}

function layout(width: number): readonly Column[] {
	const gaps = 5;
	const marker = 2;
	const status = Math.max(18, Math.min(fixed.status, Math.floor(width / 4)));
	const flexible = Math.max(15, width - marker - gaps - fixed.state - status - fixed.created);
	const name = Math.floor(flexible * 0.4);
	const image = Math.floor(flexible * 0.3);
	const ports = flexible - name - image;
	return [
		{key: 'name', title: 'NAME', width: name},
		{key: 'image', title: 'IMAGE', width: image},
		{key: 'state', title: 'STATE', width: fixed.state},
		{key: 'status', title: 'STATUS', width: status},
		{key: 'ports', title: 'PORTS', width: ports},
		{key: 'created', title: 'CREATED', width: fixed.created},
	];
}
