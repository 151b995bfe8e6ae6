// Log lines as the pane holds them: reading the engine's timestamp prefix, cleaning a line for the screen,
// and interleaving several containers' lines by time.
import stripAnsi from 'strip-ansi';

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
	/** Printable text: colours and control characters removed. */
	readonly text: string;
};

// Control characters left after strip-ansi, other than TAB (expanded).
const controls = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
const hasControl = /[\u0000-\u0008\u000B-\u001F\u007F]/;

/** What a terminal would leave on screen: colours and escapes removed, the last \r overwrite, tabs as spaces. */
export function cleanText(text: string): string {
	let line = text.includes('\u001B') ? stripAnsi(text) : text;
	const cr = line.lastIndexOf('\r');
	if (cr >= 0) line = line.slice(cr + 1);
	if (line.includes('\t')) line = line.replaceAll('\t', '    ');
	return hasControl.test(line) ? line.replace(controls, '') : line;
}

const timestamped = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/;

/** One raw line from a `timestamps: true` log stream, e.g. "2026-11-23T18:09:37.123456789Z hello". */
export function parseLogLine(raw: string, source: string, stream: LogStream): LogLine {
	const space = raw.indexOf(' ');
	const head = space > 0 ? raw.slice(0, space) : raw;
	if (timestamped.test(head)) {
		return {source, stream, ts: head, time: Date.parse(head), text: cleanText(space > 0 ? raw.slice(space + 1) : '')};
	}

	return {source, stream, ts: '', time: Number.NaN, text: cleanText(raw)};
}

/** Later than `ts` (both the engine's fixed-width timestamps)? Lines without a timestamp always count as new. */
export const isAfter = (line: LogLine, ts: string | undefined): boolean => !ts || !line.ts || line.ts > ts;

/** The newest timestamp among lines (they are in time order), if any has one. */
export function newestTs(lines: readonly LogLine[]): string | undefined {
	for (let index = lines.length - 1; index >= 0; index--) if (lines[index]!.ts !== '') return lines[index]!.ts;
	return undefined;
}

/**
 * Merges lines by timestamp. Each input is already in time order (one container's stream); lines with
 * the same time keep their input order, and lines without a timestamp stay after the one before them.
 */
export function interleave(streams: ReadonlyArray<readonly LogLine[]>): LogLine[] {
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
			if (line.ts !== '' && other.ts !== '' && line.ts < other.ts) best = index;
		}

		if (best < 0) return out;
		out.push(streams[best]![cursors[best]!]!);
		cursors[best]!++;
	}
}

/** Orders one frame's batch from several sources by time, keeping each source's own order. */
export function orderBatch(lines: readonly LogLine[]): LogLine[] {
	const bySource = new Map<string, LogLine[]>();
	for (const line of lines) {
		const list = bySource.get(line.source);
		if (list) list.push(line);
		else bySource.set(line.source, [line]);
	}

	return bySource.size <= 1 ? [...lines] : interleave([...bySource.values()]);
}

/** "18:09:37.123" from a timestamp, in UTC like the engine's own. */
export const shortTime = (line: LogLine): string => (line.ts ? line.ts.slice(11, 23).padEnd(12, '0') : ' '.repeat(12));

/** A saved log file: one line each, with its timestamp, its container when there are several, and stderr marked. */
export function logFileText(lines: Iterable<LogLine>, nameOf: (id: string) => string, several: boolean): string {
	let text = '';
	for (const line of lines) {
		const parts = [line.ts || '-'];
		if (several) parts.push(nameOf(line.source));
		if (line.stream === 'stderr') parts.push('[stderr]');
		parts.push(line.text);
		text += `${parts.join(' ')}\n`;
	}

	return text;
}
