// Service and task logs of a swarm: the log targets that name a service or one task instead of a container,
// what the engine's `details` prefix of each line says about where it came from, and the prefix shown for it.
import {sanitize} from '../core/sanitize.js';

/** A swarm service (every task's lines) or one task, as a logs pane target: "service:<id>", "task:<id>". */
export type SwarmLogTarget = {readonly kind: 'service' | 'task'; readonly id: string};

export const serviceLogTarget = (id: string): string => `service:${id}`;
export const taskLogTarget = (id: string): string => `task:${id}`;

/** The service or task a target names; undefined for a container's id. */
export function swarmLogTarget(target: string): SwarmLogTarget | undefined {
	const colon = target.indexOf(':');
	if (colon < 0) return undefined;
	const kind = target.slice(0, colon);
	return kind === 'service' || kind === 'task' ? {kind, id: target.slice(colon + 1)} : undefined;
}

/** Where a line of a service's log came from: ids as the engine's details name them. */
export type LineOrigin = {readonly service: string; readonly task: string; readonly node: string};

const attrKeys = {
	service: 'com.docker.swarm.service.id',
	task: 'com.docker.swarm.task.id',
	node: 'com.docker.swarm.node.id',
} as const;

/** Engine ids are [a-z0-9]; anything else in one is dropped, and it is never longer than 64. */
const cleanId = (value: string | undefined): string => (value ?? '').replaceAll(/[^\w.-]/g, '').slice(0, 64);

/** "%2B" and "+" as Go's url.QueryEscape writes them; a malformed escape is kept as written. */
function unescapeQuery(value: string): string {
	try {
		return decodeURIComponent(value.replaceAll('+', ' '));
	} catch {
		return value;
	}
}

/** "a=1,b=x%2Cy" (the attributes `details=true` puts before each line, keys sorted) to its pairs. */
export function parseDetails(token: string): Readonly<Record<string, string>> {
	const pairs: Record<string, string> = {};
	if (token === '') return pairs;
	for (const pair of token.split(',')) {
		const equals = pair.indexOf('=');
		if (equals <= 0) continue;
		pairs[unescapeQuery(pair.slice(0, equals))] = unescapeQuery(pair.slice(equals + 1));
	}

	return pairs;
}

/**
 * A line's body after its timestamp, with `details`: "<attrs> <text>", attrs empty when the engine has
 * none (the body then starts with its space). The origin is there when the attrs name a task.
 */
export function splitDetails(body: string): {readonly origin?: LineOrigin; readonly text: string} {
	const space = body.indexOf(' ');
	const token = space < 0 ? body : body.slice(0, space);
	// A line without attributes of the form k=v is text, whole.
	if (token !== '' && !/^[^\s=,]+=[^\s,]*(?:,[^\s=,]+=[^\s,]*)*$/.test(token)) return {text: body};
	const text = space < 0 ? '' : body.slice(space + 1);
	const attrs = parseDetails(token);
	const task = cleanId(attrs[attrKeys.task]);
	if (task === '') return {text};
	return {text, origin: {service: cleanId(attrs[attrKeys.service]), task, node: cleanId(attrs[attrKeys.node])}};
}

/** What the prefix names, looked up in what the swarm panes know (services, tasks and nodes). */
export type OriginNames = {
	readonly service: (id: string) => string | undefined;
	/** The task's slot, for a replicated service. */
	readonly slot: (taskId: string) => number | undefined;
	/** The node's hostname (with the start of its id when two nodes share one). */
	readonly node: (id: string) => string | undefined;
};

/**
 * "web.2@vm:0gw0k": the task as the tasks pane names it (service.slot, or the start of the task id for
 * a global service's task or one not listed yet) and the node it ran on; every part made inert.
 */
export function originPrefix(origin: LineOrigin, names: OriginNames): string {
	const service = names.service(origin.service) ?? origin.service.slice(0, 12);
	const slot = names.slot(origin.task);
	const node = origin.node === '' ? '?' : (names.node(origin.node) ?? origin.node.slice(0, 12));
	return sanitize(`${service}.${slot ?? origin.task.slice(0, 8)}@${node}`);
}
