// A --filter scope and what is made inside it: the labels that make a new container, image, network or
// volume show in the scoped panes, and a note when the scope cannot be met by labels alone.

export type ScopeLabels = {
	readonly labels: Readonly<Record<string, string>>;
	/** Set when something made here will not be shown (a name=, status=… filter). */
	readonly note?: string;
};

export function scopeLabels(scope: readonly string[]): ScopeLabels {
	const labels: Record<string, string> = {};
	const other: string[] = [];
	for (const filter of scope) {
		const equals = filter.indexOf('=');
		const key = filter.slice(0, equals);
		const value = filter.slice(equals + 1);
		if (key === 'label') {
			const inner = value.indexOf('=');
			if (inner < 0) labels[value] = '';
			else labels[value.slice(0, inner)] = value.slice(inner + 1);
		} else {
			other.push(filter);
		}
	}

	const note =
		other.length === 0
			? undefined
			: `dockpit is scoped by ${other.join(', ')}: what you make here is not shown unless it matches`;
	return note === undefined ? {labels} : {labels, note};
}
