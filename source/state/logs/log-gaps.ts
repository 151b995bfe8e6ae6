// Gap rows: where the logs pane says lines are missing (passed over to keep up, or more than the buffer
// holds), what they say, and how a fetch from the engine fills one in place.
import {createSeenFilter, type LineMark, type LogGap, type LogLine} from './log-lines.js';

const clock = (ts: string) => (ts ? ts.slice(11, 23) : '?');

/** "31,944 lines skipped 12:01:03.120–12:01:09.877": what a gap row says (and a saved file). */
export function gapText(gap: LogGap): string {
	const count =
		gap.count === undefined
			? gap.estimate === undefined
				? 'an unknown number of lines'
				: `~${gap.estimate.toLocaleString('en-US')} lines (estimated)`
			: `${gap.count.toLocaleString('en-US')} line${gap.count === 1 ? '' : 's'}`;
	// Across midnight the times alone would read backwards: say the dates.
	const dated = gap.from !== '' && gap.to !== '' && gap.from.slice(0, 10) !== gap.to.slice(0, 10);
	const at = (ts: string) => (dated ? `${ts.slice(0, 10)} ${clock(ts)}` : clock(ts));
	return `${count} skipped ${at(gap.from)}–${at(gap.to)}`;
}

/** A row standing for lines of `source` the pane does not hold. */
export function gapLine(source: string, gap: LogGap): LogLine {
	return {source, stream: 'stdout', ts: gap.from, time: gap.from ? Date.parse(gap.from) : Number.NaN, text: gapText(gap), gap};
}

/**
 * At most `cap` rows of one frame's batch: when more arrived than the buffer holds, the oldest are
 * folded into one gap row per container at the front (counted exactly, with their time range), so the
 * pane says what it never showed. Gap rows already among them add their counts.
 */
export function capBatch(lines: readonly LogLine[], cap: number): LogLine[] {
	if (lines.length <= cap) return [...lines];
	const sources = new Set(lines.map((line) => line.source));
	const keep = Math.max(0, cap - sources.size);
	const dropped = lines.slice(0, lines.length - keep);
	const folded = new Map<string, {count: number; estimated: boolean; from: string; to: string}>();
	for (const line of dropped) {
		const entry = folded.get(line.source) ?? {count: 0, estimated: false, from: '', to: ''};
		const missing = line.gap ? (line.gap.count ?? line.gap.estimate ?? 0) : 1;
		entry.count += missing;
		entry.estimated ||= line.gap !== undefined && line.gap.count === undefined;
		const from = line.gap ? line.gap.from : line.ts;
		const to = line.gap ? line.gap.to : line.ts;
		if (entry.from === '' || (from !== '' && from < entry.from)) entry.from = from;
		if (to > entry.to) entry.to = to;
		folded.set(line.source, entry);
	}

	const gaps = [...folded].map(([source, {count, estimated, from, to}]) =>
		gapLine(source, {reason: 'dropped', ...(estimated ? {estimate: count} : {count}), from, to}),
	);
	return [...gaps, ...lines.slice(lines.length - keep)];
}

/** What to read from the engine to fill a gap row, and how to fit what comes back in its place. */
export type GapPlan = {
	/** Both inclusive, as the engine's `since` and `until` are; '' for no bound. */
	readonly since: string;
	readonly until: string;
	/** Takes the lines read, in order, a piece at a time: memory stays within the room the buffer has. */
	readonly push: (lines: readonly LogLine[]) => void;
	/** The lines read, less those the pane holds on either side, within the room; a smaller gap for the rest. */
	readonly finish: () => LogLine[];
	/** push then finish, for a read held whole. */
	readonly place: (read: readonly LogLine[]) => LogLine[];
};

type Held = {readonly first: number; readonly end: number; readonly at: (seq: number) => LogLine | undefined};

/** The lines of `source` nearest a gap row on one side: the timestamp and how many share it. */
function neighbour(buffer: Held, seq: number, step: 1 | -1, source: string): LineMark | undefined {
	let mark: LineMark | undefined;
	for (let at = seq + step; at >= buffer.first && at < buffer.end; at += step) {
		const line = buffer.at(at)!;
		if (line.source !== source || line.gap || line.ts === '') continue;
		if (mark === undefined) mark = {ts: line.ts, count: 1};
		else if (line.ts === mark.ts) mark = {ts: mark.ts, count: mark.count + 1};
		else break;
	}

	return mark;
}

/**
 * The read that fills the gap row at `seq`: from the last line held before it to the first held after
 * it (of the same container), both already shown and so left out again. What does not fit in `cap`
 * with everything after the gap stays a smaller gap row, counted exactly.
 */
export function gapFill(buffer: Held, seq: number, cap: number): GapPlan {
	const row = buffer.at(seq)!;
	const gap = row.gap!;
	const before = neighbour(buffer, seq, -1, row.source);
	const after = neighbour(buffer, seq, 1, row.source);
	const since = before?.ts ?? gap.from;
	const until = after?.ts ?? gap.to;
	const room = Math.max(1, cap - (buffer.end - seq - 1));
	const fresh = createSeenFilter(before);
	// The newest lines read, enough for the room and for those after the gap that come again at the end.
	const tail: LogLine[] = [];
	const limit = room + (after?.count ?? 0);
	const shed = {count: 0, from: '', to: ''};
	const drop = (lines: readonly LogLine[]) => {
		for (const line of lines) {
			shed.count++;
			if (shed.from === '') shed.from = line.ts;
			if (line.ts !== '') shed.to = line.ts;
		}
	};

	const push = (lines: readonly LogLine[]) => {
		for (const line of fresh(lines)) if (until === '' || line.ts === '' || line.ts <= until) tail.push(line);
		if (tail.length > limit * 2) drop(tail.splice(0, tail.length - limit));
	};

	const finish = () => {
		if (tail.length > limit) drop(tail.splice(0, tail.length - limit));
		let repeats = after?.count ?? 0;
		while (repeats > 0 && tail.length > 0 && tail.at(-1)!.ts === after!.ts) {
			tail.pop();
			repeats--;
		}

		if (shed.count === 0 && tail.length <= room) return [...tail];
		drop(tail.splice(0, Math.max(0, tail.length - (room - 1))));
		return [gapLine(row.source, {reason: gap.reason, count: shed.count, from: shed.from, to: shed.to}), ...tail];
	};

	return {
		since,
		until,
		push,
		finish,
		place(read) {
			push(read);
			return finish();
		},
	};
}
