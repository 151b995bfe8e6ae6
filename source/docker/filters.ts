// docker's --filter syntax (key=value, repeatable) turned into the Engine API's filter object.

export type Filters = Readonly<Record<string, readonly string[]>>;

/** Filter keys that /containers/json understands. */
const containerKeys = new Set([
	'ancestor',
	'before',
	'expose',
	'exited',
	'health',
	'id',
	'isolation',
	'is-task',
	'label',
	'name',
	'network',
	'publish',
	'since',
	'status',
	'volume',
]);

export class FilterError extends Error {}

export function parseFilters(specs: readonly string[]): Filters {
	const filters: Record<string, string[]> = {};
	for (const spec of specs) {
		const at = spec.indexOf('=');
		const key = at > 0 ? spec.slice(0, at).trim() : '';
		const value = at > 0 ? spec.slice(at + 1).trim() : '';
		if (!key || !value) throw new FilterError(`--filter "${spec}": expected key=value, e.g. label=com.example.team=web`);
		if (!containerKeys.has(key)) throw new FilterError(`--filter "${spec}": unknown filter "${key}" (try label=… or name=…)`);
		(filters[key] ??= []).push(value);
	}

	return filters;
}

/** The part of a scope the /events endpoint can apply itself; the rest is checked by re-reading the container. */
export function eventFilters(scope: Filters): Filters {
	return scope['label'] ? {type: ['container'], label: scope['label']} : {type: ['container']};
}

export const filtersQuery = (filters: Filters): string => encodeURIComponent(JSON.stringify(filters));
