// Newline-delimited JSON arrives in chunks that can split an object, or a UTF-8 character, anywhere.
import {StringDecoder} from 'node:string_decoder';

export type LineSplitter = {
	/** Feeds a chunk; returns the lines it completed. */
	readonly push: (chunk: Buffer | string) => string[];
	/** What is left without a final newline. */
	readonly rest: () => string;
};

export function createLineSplitter(): LineSplitter {
	const decoder = new StringDecoder('utf8');
	let pending = '';
	return {
		push(chunk) {
			pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
			const lines = pending.split('\n');
			pending = lines.pop() ?? '';
			return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line)).filter((line) => line !== '');
		},
		rest: () => pending,
	};
}

/** Parses each complete line as JSON; a line that is not JSON is skipped rather than ending the stream. */
export function createNdjsonParser<T>(): (chunk: Buffer | string) => T[] {
	const splitter = createLineSplitter();
	return (chunk) => {
		const values: T[] = [];
		for (const line of splitter.push(chunk)) {
			try {
				values.push(JSON.parse(line) as T);
			} catch {
				// A malformed line is the engine's bug, not a reason to drop the connection.
			}
		}

		return values;
	};
}
