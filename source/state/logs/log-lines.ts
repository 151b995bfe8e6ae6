// Log lines as the pane holds them: reading the engine's timestamp prefix, cleaning a line for the screen,
// and interleaving several containers' lines by time.
import stripAnsi from 'strip-ansi';
import {splitDetails, type LineOrigin} from './swarm-log-lines.js';

/** stdout and stderr of a non-TTY container; 'tty' when the container has a terminal and both are merged. */
export type LogStream = 'stdout' | 'stderr' | 'tty';

export type LogLine = {
	/** The container's id. */
	readonly source: string;
	readonly stream: LogStream;
	/** The engine's RFC 3339 timestamp, fixed to nanoseconds, so two of them compare as strings; '' if none. */
	readonly ts: string;
	/** Epoch ms of `ts`, NaN if none. */
	readonly time: number;
	/** Printable text: colours and control characters removed, capped at `maxLineChars` plus a marked count. */
	readonly text: string;
	/** The text with the line's own SGR colours kept (and nothing else), when it has some. */
	readonly styled?: string;
	/** Set on a gap row: lines of `source` that the pane does not hold at this place. */
	readonly gap?: LogGap;
	/** A swarm service's line: the task and node it came from (swarm-log-lines.ts). */
	readonly origin?: LineOrigin;
};

/**
 * Why lines are missing at a place in the pane: passed over by a stream that trailed ('skipped'), or
 * more in one frame than the buffer holds ('dropped'). A reconnect leaves none: it resumes from the mark.
 */
export type GapReason = 'skipped' | 'dropped';

export type LogGap = {
	readonly reason: GapReason;
	/** How many lines are missing, when known exactly. */
	readonly count?: number;
	/** A guess at `count` when it is not known (from the stream's rate). */
	readonly estimate?: number;
	/** Timestamps bounding the missing lines (the last line held before, the first after), '' if unknown. */
	readonly from: string;
	readonly to: string;
};

/** Where a stream stands: its newest timestamp and how many lines with exactly that timestamp it has seen. */
export type LineMark = {readonly ts: string; readonly count: number};

// Control characters left after strip-ansi, other than TAB (expanded): C0, DEL and C1 (a terminal reads
// U+009B as CSI and U+009D as OSC, so they must never reach it).
const controls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const hasControl = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** An SGR sequence (colours, bold…): the only escape a log line keeps, and only in its `styled` text. */
const sgr = /\u001B\[[\d;:]*m/g;

/** What a terminal would leave on screen: colours and escapes removed, the last \r overwrite, tabs as spaces. */
export function cleanText(text: string): string {
	let line = text.includes('\u001B') ? stripAnsi(text) : text;
	const cr = line.lastIndexOf('\r');
	if (cr >= 0) line = line.slice(cr + 1);
	if (line.includes('\t')) line = line.replaceAll('\t', '    ');
	return hasControl.test(line) ? line.replace(controls, '') : line;
}

/**
 * The line with its own SGR colours kept and everything else cleaned as cleanText does, ending in a reset
 * so a colour never runs past it; undefined when the line has no colour of its own.
 */
export function styledText(text: string): string | undefined {
	if (!text.includes('\u001B[') || !/\u001B\[[\d;:]*m/.test(text)) return undefined;
	const cr = text.lastIndexOf('\r');
	const line = cr >= 0 ? text.slice(cr + 1) : text;
	let styled = '';
	let at = 0;
	for (const match of line.matchAll(sgr)) {
		styled += cleanText(line.slice(at, match.index)) + match[0];
		at = match.index + match[0].length;
	}

	styled += cleanText(line.slice(at));
	return `${styled}\u001B[0m`;
}

/**
 * The engine trims trailing zeros from a timestamp's fraction ("…:37.12Z" is 37.120 s); padded to nine
 * digits, two timestamps compare as strings in time order.
 */
export function fullTs(ts: string): string {
	const dot = ts.lastIndexOf('.');
	if (dot < 0) return `${ts.slice(0, -1)}.000000000Z`;
	return ts.length === dot + 11 ? ts : `${ts.slice(0, dot + 1)}${ts.slice(dot + 1, -1).padEnd(9, '0')}Z`;
}

/**
 * Characters of one line the pane holds. A longer line keeps its head and a marked count of the rest, so
 * a megabyte line cannot make search, highlighting or wrapping exhaust memory; `docker logs` has it whole.
 */
export const maxLineChars = 16_384;

/** The text held for a line: at most `maxLineChars` of it, then "… [+N chars]" for what was left out. */
export function capText(text: string, max = maxLineChars): string {
	if (text.length <= max) return text;
	// Never end on half a surrogate pair.
	const end = /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max;
	return `${text.slice(0, end)} … [+${(text.length - end).toLocaleString('en-US')} chars]`;
}

const timestamped = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/;

/**
 * One raw line from a `timestamps: true` log stream, e.g. "2026-11-23T18:09:37.123456789Z hello"; with
 * `details` (a service's or task's log) the engine's attributes after the timestamp give the line's origin.
 */
export function parseLogLine(raw: string, source: string, stream: LogStream, details = false): LogLine {
	const space = raw.indexOf(' ');
	const head = space > 0 ? raw.slice(0, space) : raw;
	if (timestamped.test(head)) {
		const rest = space > 0 ? raw.slice(space + 1) : '';
		const {origin, text: body} = details ? splitDetails(rest) : {text: rest};
		const line: LogLine = {source, stream, ts: fullTs(head), time: Date.parse(head), text: capText(cleanText(body))};
		return withStyle(origin ? {...line, origin} : line, body);
	}

	return withStyle({source, stream, ts: '', time: Number.NaN, text: capText(cleanText(raw))}, raw);
}

/**
 * Adds the coloured form of the text, only to lines that carry colours (most do not: no extra memory), and
 * only to lines within the cap (a longer one is shown plain, cut like its text).
 */
function withStyle(line: LogLine, raw: string): LogLine {
	const styled = raw.length <= maxLineChars ? styledText(raw) : undefined;
	return styled === undefined ? line : {...line, styled};
}

/** Moves a stream's mark past these lines (in stream order). */
export function advanceMark(mark: LineMark | undefined, lines: readonly LogLine[]): LineMark | undefined {
	let next = mark;
	for (const line of lines) {
		if (line.ts === '' || line.gap) continue;
		if (next === undefined || line.ts > next.ts) next = {ts: line.ts, count: 1};
		else if (line.ts === next.ts) next = {ts: next.ts, count: next.count + 1};
	}

	return next;
}

/**
 * Drops what a stream already delivered from a read that starts again at `since` = the mark's time (the
 * engine's `since` is inclusive): older lines, and the first `count` lines at exactly the mark's time.
 * The first line past those opens the gate for good, so a later batch is never trimmed. Lines without
 * a timestamp cannot be placed and are kept.
 */
export function createSeenFilter(mark: LineMark | undefined): (lines: readonly LogLine[]) => LogLine[] {
	let open = mark === undefined;
	let repeats = mark?.count ?? 0;
	const pass = (line: LogLine): boolean => {
		if (open || line.ts === '') return true;
		if (line.ts < mark!.ts) return false;
		if (line.ts === mark!.ts && repeats > 0) {
			repeats--;
			return false;
		}

		open = true;
		return true;
	};

	return (lines) => (open ? [...lines] : lines.filter(pass));
}

/**
 * Merges several containers' lines by the engine's full-precision timestamps. Each input keeps its own
 * order (the order its stream delivered), whatever its timestamps say; equal times go to the line that
 * arrived first (`arrival` numbers them), and a line without a timestamp stays after the one before it.
 */
export function interleave(streams: ReadonlyArray<readonly LogLine[]>, arrival: (line: LogLine) => number = () => 0): LogLine[] {
	const cursors = streams.map(() => 0);
	const out: LogLine[] = [];
	for (;;) {
		let best = -1;
		for (let index = 0; index < streams.length; index++) {
			const line = streams[index]![cursors[index]!];
			if (line === undefined) continue;
			if (best < 0) {
				best = index;
				continue;
			}

			const other = streams[best]![cursors[best]!]!;
			if (line.ts === '' || other.ts === '') continue;
			if (line.ts < other.ts || (line.ts === other.ts && arrival(line) < arrival(other))) best = index;
		}

		if (best < 0) return out;
		out.push(streams[best]![cursors[best]!]!);
		cursors[best]!++;
	}
}

/**
 * Orders one frame's batch from several containers by time, each container's lines in the order they
 * came (never regrouped by stdout and stderr), ties by arrival.
 */
export function orderBatch(lines: readonly LogLine[]): LogLine[] {
	const bySource = new Map<string, LogLine[]>();
	const order = new Map<LogLine, number>();
	for (const [index, line] of lines.entries()) {
		order.set(line, index);
		const list = bySource.get(line.source);
		if (list) list.push(line);
		else bySource.set(line.source, [line]);
	}

	return bySource.size <= 1 ? [...lines] : interleave([...bySource.values()], (line) => order.get(line) ?? 0);
}

/**
 * How many lines at the front of a merged batch of several containers can be shown now: those no newer
 * than `watermark` (the oldest of each container's newest timestamp: nothing older can still come),
 * and those that waited long enough (`waited`), so a quiet container holds nobody up for long.
 */
export function releasable(
	merged: readonly LogLine[],
	watermark: string | undefined,
	waited: (line: LogLine) => boolean,
): number {
	let count = 0;
	for (const line of merged) {
		if (line.ts !== '' && !(watermark !== undefined && line.ts <= watermark) && !waited(line)) break;
		count++;
	}

	return count;
}

/** "18:09:37.123" from a timestamp, in UTC like the engine's own; "2026-11-23 18:09:37.123" when `dated`. */
export const shortTime = (line: LogLine, dated = false): string => {
	if (!line.ts) return ' '.repeat(dated ? 23 : 12);
	const time = line.ts.slice(11, 23).padEnd(12, '0');
	return dated ? `${line.ts.slice(0, 10)} ${time}` : time;
};

/**
 * A saved log file: one line each, with its timestamp, its source when there are several (a container, or a
 * swarm task and node: `nameOf`), and stderr marked. Where the pane holds a gap row the file says so on a
 * line of its own starting with "# gap:".
 */
export function logFileText(lines: Iterable<LogLine>, nameOf: (line: LogLine) => string, several: boolean): string {
	let text = '';
	for (const line of lines) {
		if (line.gap) {
			text += `# gap: ${several ? `${nameOf(line)}: ` : ''}${line.text}, not in this file (${line.gap.from || '?'} to ${line.gap.to || '?'})\n`;
			continue;
		}

		const parts = [line.ts || '-'];
		if (several) parts.push(nameOf(line));
		if (line.stream === 'stderr') parts.push('[stderr]');
		parts.push(line.text);
		text += `${parts.join(' ')}\n`;
	}

	return text;
}
