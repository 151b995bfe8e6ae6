// The config's timeFormat: how the lists show a moment. "relative" is the docker CLI's wording
// ("5m ago"); "local" is the date and minute in the machine's time zone, "iso" is ISO 8601 in UTC.
import {compactDuration} from './duration.js';

export type TimeFormat = 'relative' | 'local' | 'iso';
export const timeFormats: readonly TimeFormat[] = ['relative', 'local', 'iso'];

const two = (n: number) => String(n).padStart(2, '0');

/** A moment as "2026-01-15 13:05" (local time zone) or "2026-01-15T12:05:09Z" (UTC). */
export function absoluteTime(at: number, format: Exclude<TimeFormat, 'relative'>): string {
	const date = new Date(at);
	if (format === 'iso') return `${date.toISOString().slice(0, 19)}Z`;
	return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** Characters a CREATED cell needs in this format. */
export const timeWidth = (format: TimeFormat): number => (format === 'relative' ? 8 : format === 'local' ? 16 : 20);

/** A CREATED cell: "3h ago", or the moment itself. */
export const createdText = (at: number, now: number, format: TimeFormat): string =>
	format === 'relative' ? `${compactDuration(now - at)} ago` : absoluteTime(at, format);
