// Follows a container's log through the Engine API: the history window first (one request, so several
// containers can be interleaved before anything is shown), then `follow` from the newest line seen.
// Non-TTY streams are demultiplexed (stdout and stderr apart); a TTY container's stream is raw.
import {StringDecoder} from 'node:string_decoder';
import type {Engine} from '../engine.js';
import {createDemuxer, type StreamType} from './demux.js';
import {toEngineError} from '../errors.js';
import {createLineSplitter, type LineSplitter} from '../../state/core/line-splitter.js';
import {isAfter, newestTs, parseLogLine, type LogLine, type LogStream} from '../../state/logs/log-lines.js';
import type {LogWindow, StreamStatus} from '../../state/logs/log-types.js';

export type LogFollowOptions = {
	readonly id: string;
	/** Newest timestamp already held: ask only for what came after it (a reattach). */
	readonly after?: string;
	/** The history to read first when nothing is held yet. */
	readonly window: LogWindow;
	/** Most lines worth reading back: what the buffer can hold. */
	readonly limit: number;
	readonly onLines: (lines: LogLine[]) => void;
	readonly onStatus: (status: StreamStatus) => void;
	/** Once the history is delivered (or there is none to deliver). */
	readonly onHistory: () => void;
	/** The stream fell too far behind and jumped to now, passing over about this many lines. */
	readonly onSkip: (lines: number) => void;
};

/** How far the newest line read may trail the clock before the stream jumps ahead to now. */
export const maxLagMs = 750;

export type LogFollow = {readonly close: () => void};

type Parser = {readonly write: (chunk: Buffer) => LogLine[]; readonly end: () => LogLine[]};

/** Bytes of one log stream to lines: demultiplexed unless TTY, decoded as UTF-8 across chunk edges. */
export function createLogParser(source: string, tty: boolean): Parser {
	const lanes = new Map<LogStream, {decoder: StringDecoder; splitter: LineSplitter}>();
	const lane = (stream: LogStream) => {
		let found = lanes.get(stream);
		if (!found) {
			found = {decoder: new StringDecoder('utf8'), splitter: createLineSplitter()};
			lanes.set(stream, found);
		}

		return found;
	};

	let out: LogLine[] = [];
	const take = (stream: LogStream, bytes: Buffer) => {
		const {decoder, splitter} = lane(stream);
		for (const raw of splitter.push(decoder.write(bytes))) out.push(parseLogLine(raw, source, stream));
	};

	const demuxer = createDemuxer((type: StreamType, payload) => take(type === 'stderr' ? 'stderr' : 'stdout', payload));
	return {
		write(chunk) {
			if (tty) take('tty', chunk);
			else demuxer.write(chunk);
			const lines = out;
			out = [];
			return lines;
		},
		end() {
			for (const [stream, {decoder, splitter}] of lanes) {
				for (const raw of splitter.push(decoder.end())) out.push(parseLogLine(raw, source, stream));
				for (const raw of splitter.flush()) out.push(parseLogLine(raw, source, stream));
			}

			const lines = out;
			out = [];
			return lines;
		},
	};
}

/** The engine's `since`: "1795457377.123456789" from "2026-11-23T18:09:37.123456789Z". */
export function sinceParam(ts: string): string {
	const seconds = Math.floor(Date.parse(ts) / 1000);
	const fraction = /\.(\d+)Z$/.exec(ts)?.[1] ?? '0';
	return `${seconds}.${fraction}`;
}

/** Never more history than the buffer holds: a long log would otherwise be read whole into memory. */
function windowQuery(window: LogWindow, limit: number, now: number): Record<string, unknown> {
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
	let closed = false;
	let stream: (NodeJS.ReadableStream & {destroy?: () => void}) | undefined;
	const container = engine.docker.getContainer(options.id);
	const base = {stdout: true, stderr: true, timestamps: true};

	async function run(): Promise<void> {
		options.onStatus({kind: 'connecting'});
		const info = await container.inspect();
		const tty = info.Config.Tty === true;
		let after = options.after;
		let since = after === undefined ? undefined : sinceParam(after);
		if (after === undefined) {
			const startedAt = Date.now();
			const history = (await container.logs({
				...base,
				follow: false,
				...windowQuery(options.window, options.limit, startedAt),
			})) as unknown as Buffer;
			if (closed) return;
			const parser = createLogParser(options.id, tty);
			const lines = [...parser.write(Buffer.isBuffer(history) ? history : Buffer.from(String(history))), ...parser.end()];
			if (lines.length > 0) options.onLines(lines);
			after = newestTs(lines);
			// With no history, follow from just before it was read: anything newer is new.
			since = after === undefined ? ((startedAt - 1000) / 1000).toFixed(3) : sinceParam(after);
		}

		options.onHistory();
		// Local engines share our clock; for remote ones the least lag seen stands in for the skew.
		let offset = engine.endpoint.kind === 'unix' ? 0 : Number.POSITIVE_INFINITY;
		for (;;) {
			const outcome = await followFrom(since, tty, after, offset);
			if (closed) return;
			if (outcome.kind === 'ended') break;
			// Fell behind the producer: jump to now, and say roughly how much was passed over.
			offset = outcome.offset;
			after = outcome.newest ?? after;
			// tail=0 starts at the end of the log at once; a `since` would make the engine scan the whole file.
			since = undefined;
			options.onSkip(outcome.skipped);
		}

		options.onStatus({kind: 'stopped'});
	}

	type Outcome =
		| {readonly kind: 'ended'}
		| {readonly kind: 'behind'; readonly skipped: number; readonly newest?: string; readonly offset: number};

	async function followFrom(
		since: string | undefined,
		tty: boolean,
		after: string | undefined,
		offset: number,
	): Promise<Outcome> {
		const query = since === undefined ? {tail: 0} : {since};
		const followed = (await container.logs({...base, follow: true, ...query} as never)) as unknown as NodeJS.ReadableStream & {
			destroy?: () => void;
		};
		if (closed) {
			followed.destroy?.();
			return {kind: 'ended'};
		}

		stream = followed;
		options.onStatus({kind: 'live', tty});
		const parser = createLogParser(options.id, tty);
		const newer = (lines: LogLine[]) => (after === undefined ? lines : lines.filter((line) => isAfter(line, after)));
		const startedAt = Date.now();
		let received = 0;
		return new Promise<Outcome>((resolve) => {
			let behind: Outcome | undefined;
			followed.on('data', (chunk: Buffer) => {
				if (behind) return;
				const lines = newer(parser.write(chunk));
				if (lines.length === 0) return;
				received += lines.length;
				options.onLines(lines);
				const newest = lines.at(-1)!;
				if (Number.isNaN(newest.time)) return;
				const lag = Date.now() - newest.time;
				offset = Math.min(offset, lag);
				if (lag - offset < maxLagMs) return;
				const rate = received / Math.max(1, (Date.now() - startedAt) / 1000);
				behind = {kind: 'behind', skipped: Math.round((rate * (lag - offset)) / 1000), newest: newest.ts, offset};
				followed.destroy?.();
			});
			const done = () => {
				if (behind) {
					resolve(behind);
					return;
				}

				const rest = newer(parser.end());
				if (rest.length > 0 && !closed) options.onLines(rest);
				resolve({kind: 'ended'});
			};

			followed.on('end', done);
			followed.on('close', done);
			followed.on('error', done);
		});
	}

	run().catch((error: unknown) => {
		if (closed) return;
		options.onHistory();
		const failure = toEngineError(error);
		options.onStatus(failure.kind === 'not-found' ? {kind: 'removed'} : {kind: 'error', message: failure.message});
	});
	return {
		close() {
			closed = true;
			stream?.destroy?.();
		},
	};
}
