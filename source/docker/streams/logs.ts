// Follows a container's log through the Engine API: the history window first (one request, so several
// containers can be interleaved before anything is shown), then `follow` from the newest line seen.
// Non-TTY streams are demultiplexed (stdout and stderr apart); a TTY container's stream is raw.
import {deadlines, type Engine} from '../engine.js';
import {toEngineError} from '../errors.js';
import {createFollowRun} from './follow-run.js';
import {advanceMark, createSeenFilter, type LogLine, type LineMark} from '../../state/logs/log-lines.js';
import {createLogParser, sinceParam} from './log-parser.js';
import {readInTurns} from './read-gate.js';
import {gapLine} from '../../state/logs/log-gaps.js';
import type {LogWindow, StreamStatus} from '../../state/logs/log-types.js';

export type LogFollowOptions = {
	readonly id: string;
	/** What the lines say they came from (a row's key, with several engines); the id by default. */
	readonly source?: string;
	/** Where the lines already held end: ask only for what came after (a reattach). */
	readonly after?: LineMark;
	/** The history to read first when nothing is held yet. */
	readonly window: LogWindow;
	/** Most lines worth reading back: what the buffer can hold. */
	readonly limit: number;
	readonly onLines: (lines: LogLine[]) => void;
	readonly onStatus: (status: StreamStatus) => void;
	/** Once the history is delivered (or there is none to deliver). */
	readonly onHistory: () => void;
};

/** How far the newest line read may trail the clock before the stream jumps ahead to now… */
export const maxLagMs = 750;
/** …if it has trailed that far for this long while bytes kept arriving: a quiet container never trails… */
export const trailingMs = 2000;
/** …or at once, if the stream brought more than it may read (followBytesPerSecond) within this long. */
const cappedWithinMs = 1000;

/**
 * Whether a followed stream jumps ahead to now: its newest line is `lagMs` behind the clock, and has been
 * that far behind for `trailingForMs`. A burst is let through for `trailingMs`; a stream read at its cap
 * only falls further behind, so it jumps as soon as it is too far behind.
 */
export function shouldJump(lagMs: number, trailingForMs: number, capped: boolean): boolean {
	return lagMs >= maxLagMs && (capped || trailingForMs >= trailingMs);
}
/** A pause this long between chunks means the stream caught up with its producer. */
const idleMs = 250;
/**
 * Handling a flood's chunks stops for a turn of the event loop after this long (read-gate.ts): a key or a
 * frame then waits for at most one such turn, not for a whole 2 MB read.
 */
const turnBudgetMs = 10;
/**
 * A followed stream reads at most this much a second (in windows of a tenth of it). Here busybox floods
 * ~170,000 lines a second and the engine serves a follower ~30,000 of them (the flood slows to that pace
 * while followed): read whole, that cost dockpit a quarter of a core, much of it garbage collection, and
 * keys waited behind it. Past this rate the stream trails the clock and jumps ahead behind a gap row
 * once it is maxLagMs behind (shouldJump). 512 KB is about 5,000 lines of 100 bytes, 30 times what a
 * flooded pane shows.
 */
const followBytesPerSecond = 512 * 1024;
/** After a jump ahead, the lines read back up to now: a few screens, the gap row above them. */
const catchUpLines = 500;
/** How long a range read waits, once it has its last line, for lines stamped the same moment. */
const rangeSettleMs = 300;

export type LogFollow = {readonly close: () => void};

type Readable = NodeJS.ReadableStream & {destroy?: () => void};

/**
 * How many lines a jump ahead passes over: the container's pace times how far the stream trails. The pace
 * is read from the lines' own times (`span`, first to newest read): read at a capped rate, a flood's
 * lines come slower than it writes them. Lines all stamped the same moment fall back to how fast they came.
 */
export function skippedEstimate(received: number, spanMs: number, elapsedMs: number, lagMs: number): number {
	const perMs = spanMs > 0 ? received / spanMs : received / Math.max(1000, elapsedMs);
	return Math.round(perMs * lagMs);
}

export function windowQuery(window: LogWindow, limit: number, now: number): Record<string, unknown> {
	switch (window.kind) {
		case 'tail':
			return {tail: Math.min(window.lines, limit)};
		case 'since':
			return {since: ((now - window.ms) / 1000).toFixed(3), tail: limit};
		case 'all':
			return {tail: limit};
	}
}

export function followLogs(engine: Engine, options: LogFollowOptions): LogFollow {
	const follow = createFollowRun(options);
	const container = engine.docker.getContainer(options.id);
	const source = options.source ?? options.id;
	const base = {stdout: true, stderr: true, timestamps: true};
	let mark = options.after;
	// Read through a function: the compiler cannot see `deliver` move the mark inside run().
	const markTs = () => mark?.ts;
	/** Lines passed over by a jump ahead, shown as a gap row before the next line delivered. */
	let pending: {readonly from: string; readonly estimate: number | undefined} | undefined;

	/** Delivers what is new since the mark, after the gap row it follows, if any. */
	const deliver = (lines: LogLine[]) => {
		if (lines.length === 0 || follow.closed) return;
		if (pending) {
			const to = lines.find((line) => line.ts !== '')?.ts ?? '';
			lines.unshift(gapLine(source, {reason: 'skipped', estimate: pending.estimate, from: pending.from, to}));
			pending = undefined;
		}

		mark = advanceMark(mark, lines);
		options.onLines(lines);
	};

	async function read(query: Record<string, unknown>, tty: boolean): Promise<LogLine[]> {
		const body = (await engine.within(
			container.logs({...base, follow: false, ...query}),
			deadlines.logReadMs,
		)) as unknown as Buffer;
		const parser = createLogParser(source, tty);
		return [...parser.write(Buffer.isBuffer(body) ? body : Buffer.from(String(body))), ...parser.end()];
	}

	/**
	 * Everything the engine holds after the last line delivered, at most `room` lines; a gap row says
	 * when they did not reach back to that line. Once a stream ends (the container stopped, died or was
	 * killed), these are its last words; after a jump ahead, the lines up to now.
	 */
	async function readBack(since: string, tty: boolean, room: number): Promise<void> {
		const lines = await read({since: mark ? sinceParam(mark.ts) : since, tail: room}, tty);
		if (follow.closed) return;
		const fresh = createSeenFilter(mark)(lines);
		const cut = mark !== undefined && lines.length >= room && fresh.length === lines.length;
		if (cut && !pending) pending = {from: mark!.ts, estimate: undefined};
		if (fresh.length === 0) pending = undefined;
		deliver(fresh);
	}

	async function run(): Promise<void> {
		options.onStatus({kind: 'connecting'});
		const info = await engine.within(container.inspect());
		const tty = info.Config.Tty === true;
		let since = mark === undefined ? undefined : sinceParam(mark.ts);
		if (mark === undefined) {
			const startedAt = Date.now();
			const lines = await read(windowQuery(options.window, options.limit, startedAt), tty);
			if (follow.closed) return;
			deliver(lines);
			// With no history, follow from just before it was read: anything newer is new.
			const newest = markTs();
			since = newest === undefined ? ((startedAt - 1000) / 1000).toFixed(3) : sinceParam(newest);
		}

		options.onHistory();
		// A container that is not running has nothing to follow: its last lines are all there is to read.
		if (info.State.Running) {
			// Local engines share our clock; for remote ones the least lag seen stands in for the skew.
			let offset = engine.endpoint.kind === 'unix' ? 0 : Number.POSITIVE_INFINITY;
			let from: string | undefined = since;
			for (;;) {
				const outcome = await followFrom(from, tty, offset, since!);
				if (follow.closed) return;
				if (outcome.kind === 'ended') break;
				// Trailed the producer for a while: jump to now, and leave a gap row where lines were passed over.
				offset = outcome.offset;
				pending = {from: pending?.from ?? markTs() ?? '', estimate: (pending?.estimate ?? 0) + outcome.skipped};
				// tail=0 starts at the end of the log at once; a `since` would make the engine scan the whole file.
				from = undefined;
			}
		}

		// One row less than the buffer holds, so that a gap row before them still fits.
		await readBack(since!, tty, Math.max(1, options.limit - 1));
		if (!follow.closed) options.onStatus({kind: 'stopped'});
	}

	type Outcome = {readonly kind: 'ended'} | {readonly kind: 'behind'; readonly skipped: number; readonly offset: number};

	/** Follows from `since`, or from now (tail=0) after a jump ahead, first reading back what led up to now. */
	async function followFrom(since: string | undefined, tty: boolean, offset: number, start: string): Promise<Outcome> {
		const query = since === undefined ? {tail: 0} : {since};
		const followed = (await engine.within(
			container.logs({...base, follow: true, ...query} as never) as unknown as Promise<NodeJS.ReadableStream>,
			deadlines.subscribeMs,
		)) as unknown as Readable;
		if (!follow.adopt(followed)) return {kind: 'ended'};
		options.onStatus({kind: 'live', tty});
		const parser = createLogParser(source, tty);
		let newer = createSeenFilter(since === undefined ? undefined : mark);
		// Live lines wait while the read-back runs; it returns the lines up to now, they the ones after.
		let held: LogLine[] | undefined;
		let caughtUp = Promise.resolve();
		if (since === undefined) {
			held = [];
			caughtUp = readBack(start, tty, Math.min(catchUpLines, Math.max(1, options.limit - 1)))
				.catch(() => undefined)
				.finally(() => {
					newer = createSeenFilter(mark);
					const live = newer(held ?? []);
					held = undefined;
					deliver(live);
				});
		}

		const startedAt = Date.now();
		let received = 0;
		/** The first line's own time: how fast the container writes, read from the lines, not from how fast they came. */
		let firstTime: number | undefined;
		let lastChunkAt = startedAt;
		/** When the stream last started to trail: bytes arriving without a pause, the newest line old. */
		let trailingSince: number | undefined;
		/** When the stream last brought more than it may read. */
		let cappedAt = Number.NEGATIVE_INFINITY;
		const spent = readInTurns(followed, {
			turnMs: turnBudgetMs,
			window: {
				ms: 100,
				bytes: followBytesPerSecond / 10,
				onFull() {
					cappedAt = Date.now();
				},
			},
		});
		return new Promise<Outcome>((resolve) => {
			let behind: Outcome | undefined;
			followed.on('data', (chunk: Buffer) => {
				if (behind) return;
				spent(chunk.length);
				const now = Date.now();
				if (now - lastChunkAt > idleMs) trailingSince = undefined;
				lastChunkAt = now;
				if (held) {
					held.push(...parser.write(chunk));
					return;
				}

				const lines = newer(parser.write(chunk));
				if (lines.length === 0) return;
				received += lines.length;
				deliver(lines);
				const newest = lines.at(-1)!;
				if (Number.isNaN(newest.time)) return;
				firstTime ??= Number.isNaN(lines[0]!.time) ? newest.time : lines[0]!.time;
				const lag = now - newest.time;
				offset = Math.min(offset, lag);
				if (lag - offset < maxLagMs) {
					trailingSince = undefined;
					return;
				}

				trailingSince ??= now;
				if (!shouldJump(lag - offset, now - trailingSince, now - cappedAt < cappedWithinMs)) return;
				behind = {
					kind: 'behind',
					skipped: skippedEstimate(received, newest.time - firstTime, now - startedAt, lag - offset),
					offset,
				};
				followed.destroy?.();
			});
			const done = () => {
				if (behind) {
					resolve(behind);
					return;
				}

				void caughtUp.then(() => {
					deliver(newer(parser.end()));
					resolve({kind: 'ended'});
				});
			};

			followed.on('end', done);
			followed.on('close', done);
			followed.on('error', done);
		});
	}

	return follow.start(run);
}

/**
 * Every line the engine holds for a container between two timestamps, both inclusive (the engine's
 * `since` and `until`; '' for no bound): what a gap row stands for. Read as a stream and handed on a
 * piece at a time, so that a range of millions of lines is never held whole.
 */
export async function readLogRange(
	engine: Engine,
	id: string,
	since: string,
	until: string,
	onLines: (lines: LogLine[]) => void,
	source: string = id,
): Promise<void> {
	try {
		const container = engine.docker.getContainer(id);
		const tty = (await engine.within(container.inspect())).Config.Tty === true;
		const parser = createLogParser(source, tty);
		const query = {stdout: true, stderr: true, timestamps: true, since: since === '' ? '0' : sinceParam(since)};
		if (until === '') {
			// Without an end, only a plain read ends by itself.
			const body = (await engine.within(container.logs({...query, follow: false}), deadlines.logReadMs)) as unknown as Buffer;
			onLines(parser.write(Buffer.isBuffer(body) ? body : Buffer.from(String(body))));
		} else {
			// Followed, the engine streams the range instead of building it whole; it stops sending at `until`
			// but keeps the connection open while the container is quiet, so the end is seen here.
			const stream = (await engine.within(
				container.logs({...query, until: sinceParam(until), follow: true} as never) as unknown as Promise<NodeJS.ReadableStream>,
				deadlines.subscribeMs,
			)) as unknown as NodeJS.ReadableStream & {destroy?: () => void};
			await new Promise<void>((resolve, reject) => {
				let timer: NodeJS.Timeout | undefined;
				const finish = () => {
					clearTimeout(timer);
					stream.destroy?.();
					resolve();
				};

				const spent = readInTurns(stream, {turnMs: turnBudgetMs});
				stream.on('data', (chunk: Buffer) => {
					spent(chunk.length);
					const lines = parser.write(chunk);
					onLines(lines);
					// The last line is at `until`: only others stamped the very same moment can still come.
					if (lines.some((line) => line.ts >= until)) {
						clearTimeout(timer);
						timer = setTimeout(finish, rangeSettleMs);
					}
				});
				stream.on('end', finish);
				stream.on('close', finish);
				stream.on('error', (error) => {
					clearTimeout(timer);
					reject(error);
				});
			});
		}

		onLines(parser.end());
	} catch (error) {
		throw toEngineError(error);
	}
}
