// Bytes of a log stream to log lines: demultiplexed unless the container has a terminal, decoded as UTF-8
// across chunk edges, split into lines; and the engine's `since` for a line's timestamp.
import {StringDecoder} from 'node:string_decoder';
import {createDemuxer, type StreamType} from './demux.js';
import {createLineSplitter, type LineSplitter} from '../../state/core/line-splitter.js';
import {parseLogLine, type LogLine, type LogStream} from '../../state/logs/log-lines.js';

export type Parser = {readonly write: (chunk: Buffer) => LogLine[]; readonly end: () => LogLine[]};

/**
 * Bytes of one log stream to lines: demultiplexed unless TTY, decoded as UTF-8 across chunk edges; with
 * `details` (a swarm service's or task's log) each line's engine attributes name its task and node.
 */
export function createLogParser(source: string, tty: boolean, details = false): Parser {
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
		for (const raw of splitter.push(decoder.write(bytes))) out.push(parseLogLine(raw, source, stream, details));
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
				for (const raw of splitter.push(decoder.end())) out.push(parseLogLine(raw, source, stream, details));
				for (const raw of splitter.flush()) out.push(parseLogLine(raw, source, stream, details));
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
