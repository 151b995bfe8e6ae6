// The events table's columns and cell text: time of day, kind, action, the object's name and what matters.
import type {EngineEvent} from './events.js';

export type EventColumn = {readonly title: string; readonly width: number};

const two = (value: number): string => String(value).padStart(2, '0');

/** Local time of day to the second; an event of another day shows its month-day and minute instead. */
export function eventTime(time: number, now: number): string {
	const at = new Date(time);
	const clock = `${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
	const today = new Date(now);
	const sameDay =
		at.getFullYear() === today.getFullYear() && at.getMonth() === today.getMonth() && at.getDate() === today.getDate();
	return sameDay ? clock : `${two(at.getMonth() + 1)}-${two(at.getDate())} ${clock.slice(0, 5)}`;
}

/** Widths for a terminal this wide (less the selection marker); the name and details share what is left. */
export function eventColumns(width: number): readonly EventColumn[] {
	const fixed = [
		{title: 'TIME', width: 11},
		{title: 'TYPE', width: 9},
		{title: 'ACTION', width: 14},
	];
	const rest = Math.max(10, width - 2 - fixed.reduce((sum, column) => sum + column.width + 1, 0) - 1);
	const name = Math.max(8, Math.min(32, Math.floor(rest / 2)));
	return [...fixed, {title: 'NAME', width: name}, {title: 'DETAILS', width: Math.max(1, rest - name)}];
}

export function eventCells(event: EngineEvent, now: number): readonly string[] {
	return [eventTime(event.time, now), event.type, event.action, event.name, event.details.join(', ')];
}
