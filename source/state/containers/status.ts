// The STATUS column: the engine's status wording ("Up 3 minutes (healthy)", "Exited (137) 2 hours ago"),
// or the moments themselves for timeFormat local/iso, rebuilt from state and times so it can tick
// locally, plus the parser for the engine's own text.
import {humanDuration, msUntilChange, msUntilCompactChange, parseHumanDuration} from '../core/duration.js';
import type {Container, Health} from '../core/model.js';
import {absoluteTime, type TimeFormat} from '../core/time-format.js';
import type {TextChange} from '../core/tick.js';

/** The docker CLI's wording, or with timeFormat "local"/"iso" the moments: "Up since …", "Exited (0) …". */
export function statusText(container: Container, now: number, format: TimeFormat = 'relative'): string {
	const up = (at: number | undefined) =>
		format === 'relative'
			? `Up ${humanDuration(now - (at ?? now))}`
			: at === undefined
				? 'Up'
				: `Up since ${absoluteTime(at, format)}`;
	const ended = (at: number | undefined) =>
		at === undefined ? '' : format === 'relative' ? ` ${humanDuration(now - at)} ago` : ` ${absoluteTime(at, format)}`;
	const health = container.health ? ` (${container.health === 'starting' ? 'health: starting' : container.health})` : '';
	switch (container.state) {
		case 'running':
			return `${up(container.startedAt)}${health}`;
		case 'paused':
			return `${up(container.startedAt)} (Paused)`;
		case 'restarting':
			return `Restarting (${container.exitCode ?? 0})${ended(container.finishedAt ?? (format === 'relative' ? now : undefined))}`;
		case 'exited':
			return `Exited (${container.exitCode ?? 0})${ended(container.finishedAt)}`;
		case 'created':
			return 'Created';
		case 'removing':
			return 'Removal In Progress';
		case 'dead':
			return 'Dead';
	}
}

/** The moment (epoch ms) the container's relative texts (status and created) next read differently. */
export function nextChangeAt(container: Container, now: number): number {
	const created = now + msUntilCompactChange(now - container.createdAt);
	const since =
		container.state === 'running' || container.state === 'paused'
			? container.startedAt
			: container.state === 'exited' || container.state === 'restarting'
				? container.finishedAt
				: undefined;
	return since === undefined ? created : Math.min(created, now + msUntilChange(now - since));
}

const secondsCounted = 60_000;

/** The moment each of the container's relative texts (created age, status) next changes, for the shared tick. */
export function textChanges(container: Container, now: number): TextChange[] {
	const createdAge = Math.max(0, now - container.createdAt);
	const changes: TextChange[] = [{at: now + msUntilCompactChange(createdAge), fine: createdAge < secondsCounted}];
	const since =
		container.state === 'running' || container.state === 'paused'
			? container.startedAt
			: container.state === 'exited' || container.state === 'restarting'
				? container.finishedAt
				: undefined;
	if (since !== undefined) {
		const age = Math.max(0, now - since);
		changes.push({at: now + msUntilChange(age), fine: age < secondsCounted});
	}

	return changes;
}

export type ParsedStatus = {
	readonly health?: Health;
	readonly exitCode?: number;
	readonly startedAt?: number;
	readonly finishedAt?: number;
};

/** Reads the engine's status text back into times, to the precision the wording allows. */
export function parseStatus(text: string, now: number): ParsedStatus {
	const healthMatch = /\((healthy|unhealthy|health: starting)\)/.exec(text);
	const health: Health | undefined = healthMatch
		? healthMatch[1] === 'health: starting'
			? 'starting'
			: (healthMatch[1] as Health)
		: undefined;
	const up = /^Up (.+?)(?: \(.*\))?$/.exec(text);
	if (up) {
		const ago = parseHumanDuration(up[1]!);
		return {health, startedAt: ago === undefined ? undefined : now - ago};
	}

	const ended = /^(?:Exited|Restarting) \((-?\d+)\)(?: (.+) ago)?$/.exec(text);
	if (ended) {
		const ago = ended[2] === undefined ? undefined : parseHumanDuration(ended[2]);
		return {health, exitCode: Number(ended[1]), finishedAt: ago === undefined ? undefined : now - ago};
	}

	return {health};
}
