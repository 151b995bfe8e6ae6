// The arrow a pane's title shows beside its sort column: ↑ when the values ascend down the list (A→Z,
// oldest first, smallest first), ↓ when they descend, in every pane alike.

/** Columns whose natural order (before O reverses it) is largest, busiest or newest first, as docker's own lists. */
const naturallyDescending: ReadonlySet<string> = new Set(['created', 'size', 'cpu', 'memory']);

/** Whether the rows ascend in `key` down the list, given whether the user reversed the natural order. */
export const sortAscends = (key: string, reversed: boolean): boolean => naturallyDescending.has(key) === reversed;

export const sortArrow = (key: string, reversed: boolean): string => (sortAscends(key, reversed) ? '↑' : '↓');
