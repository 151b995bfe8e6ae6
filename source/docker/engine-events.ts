// Engine API events → the events pane's rows: the object's name and the attributes worth showing, read
// from each kind's own fields; and whether an event is inside the --filter scope.
import type {EngineEvent} from '../state/events/events.js';
import {sanitizeDeep} from '../state/core/sanitize.js';
import {matchesScope, type Filters} from './filters.js';
import type {ApiEvent} from './mapping.js';

/** The kinds the events pane lists; the engine also reports plugin, daemon, service… events. */
export const eventKinds: readonly string[] = ['container', 'image', 'volume', 'network'];

const short = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);

function nameOf(type: string, id: string, attributes: Readonly<Record<string, string>>): string {
	switch (type) {
		case 'volume':
			// A volume's id is its name; an anonymous one's is 64 hex digits.
			return /^[0-9a-f]{64}$/.test(id) ? short(id) : id;
		case 'image':
			return attributes['name'] ?? short(id);
		default:
			return attributes['name'] ?? short(id);
	}
}

function detailsOf(type: string, action: string, attributes: Readonly<Record<string, string>>): string[] {
	const details: string[] = [];
	if (attributes['exitCode'] !== undefined) details.push(`exit code ${attributes['exitCode']}`);
	if (attributes['signal'] !== undefined) details.push(`signal ${attributes['signal']}`);
	if (type === 'network' && attributes['container'] !== undefined) details.push(`container ${short(attributes['container'])}`);
	if (type === 'container' && (action === 'create' || action === 'start') && attributes['image']) {
		details.push(`image ${attributes['image']}`);
	}

	if (type === 'volume' && attributes['driver'] && action === 'create') details.push(`driver ${attributes['driver']}`);
	return details;
}

/** An event of a kind the pane lists, or undefined. */
export function toEngineEvent(engineApi: ApiEvent): EngineEvent | undefined {
	const type = engineApi.Type ?? '';
	if (!eventKinds.includes(type)) return undefined;
	const api = sanitizeDeep(engineApi);
	const id = api.Actor?.ID ?? api.id ?? '';
	const action = api.Action ?? api.status ?? '';
	if (!action) return undefined;
	const attributes = api.Actor?.Attributes ?? {};
	const time = api.timeNano ? Math.floor(api.timeNano / 1e6) : (api.time ?? 0) * 1000;
	return {
		key: `${api.timeNano ?? api.time ?? 0}\u0000${type}\u0000${action}\u0000${id}`,
		time,
		type,
		action,
		id,
		name: nameOf(type, id, attributes),
		details: detailsOf(type, action, attributes),
	};
}

/**
 * Whether an event belongs to the scope. Container and image events carry their object's labels and the
 * engine already applied a label filter; a name filter is checked here against a container's name.
 */
export function eventInScope(api: ApiEvent, scope: Filters): boolean {
	if (api.Type !== 'container' || !scope['name']) return true;
	const attributes = api.Actor?.Attributes ?? {};
	return matchesScope({name: scope['name']}, {name: attributes['name'] ?? '', labels: attributes}) !== false;
}
