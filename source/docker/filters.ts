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

/**
 * Whether a container is inside the scope, when every filter in it can be checked from the container
 * itself (label and name); undefined when only the engine can tell.
 */
export function matchesScope(
	scope: Filters,
	container: {name: string; labels: Readonly<Record<string, string>>},
): boolean | undefined {
	for (const [key, values] of Object.entries(scope)) {
		if (key === 'label') {
			for (const value of values) {
				const at = value.indexOf('=');
				const name = at < 0 ? value : value.slice(0, at);
				if (!(name in container.labels)) return false;
				if (at >= 0 && container.labels[name] !== value.slice(at + 1)) return false;
			}
		} else if (key === 'name') {
			// The engine matches names as regular expressions, against "/name"; any one of them may match.
			const matched = values.some((value) => {
				try {
					return new RegExp(value).test(`/${container.name}`);
				} catch {
					return `/${container.name}`.includes(value);
				}
			});
			if (!matched) return false;
		} else {
			return undefined;
		}
	}

	return true;
}
