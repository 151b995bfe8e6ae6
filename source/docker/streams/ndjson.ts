// Newline-delimited JSON arrives in chunks that can split an object, or a UTF-8 character, anywhere.
import {StringDecoder} from 'node:string_decoder';
import {createLineSplitter} from '../../state/core/line-splitter.js';

export type NdjsonOptions = {
	/**
	 * Parse only the newest complete line of each piece: a stream whose every value replaces the one before
	 * (a container's stats) and that is read seconds at a time holds several, and only the last is shown.
	 */
	readonly newestOnly?: boolean;
};

const parsed = <T>(line: string): {value: T} | undefined => {
	try {
		return {value: JSON.parse(line) as T};
	} catch {
		// A malformed line is the engine's bug, not a reason to drop the connection.
		return undefined;
	}
};

const newline = 0x0a;

/**
 * The newest complete line's value, reading bytes: only that line is decoded (a newline byte is never part
 * of a longer UTF-8 character, so the bytes split there safely); what follows the last newline is kept.
 */
function createNewestParser<T>(): (chunk: Buffer | string) => T[] {
	let rest: Buffer = Buffer.alloc(0);
	return (chunk) => {
		const piece = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
		const bytes = rest.length === 0 ? piece : Buffer.concat([rest, piece]);
		let end = bytes.lastIndexOf(newline);
		// A copy: the rest is short, and the chunk it came from need not stay in memory.
		rest = Buffer.from(bytes.subarray(end + 1));
		while (end >= 0) {
			const start = end === 0 ? 0 : bytes.lastIndexOf(newline, end - 1) + 1;
			const line = bytes.toString('utf8', start, end > start && bytes[end - 1] === 0x0d ? end - 1 : end);
			const result = line === '' ? undefined : parsed<T>(line);
			if (result) return [result.value];
			end = start - 1;
		}

		return [];
	};
}

/** Parses each complete line as JSON; a blank line is skipped, and so is one that is not JSON rather than ending the stream. */
export function createNdjsonParser<T>(options: NdjsonOptions = {}): (chunk: Buffer | string) => T[] {
	if (options.newestOnly) return createNewestParser<T>();
	const decoder = new StringDecoder('utf8');
	const splitter = createLineSplitter();
	return (chunk) => {
		const lines = splitter.push(typeof chunk === 'string' ? chunk : decoder.write(chunk));
		const values: T[] = [];
		for (const line of lines) {
			const result = line === '' ? undefined : parsed<T>(line);
			if (result) values.push(result.value);
		}

		return values;
	};
}
