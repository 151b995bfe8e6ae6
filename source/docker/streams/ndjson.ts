// Newline-delimited JSON arrives in chunks that can split an object, or a UTF-8 character, anywhere.
import {StringDecoder} from 'node:string_decoder';
import {createLineSplitter} from '../../state/core/line-splitter.js';

/** Parses each complete line as JSON; a blank line is skipped, and so is one that is not JSON rather than ending the stream. */
export function createNdjsonParser<T>(): (chunk: Buffer | string) => T[] {
	const decoder = new StringDecoder('utf8');
	const splitter = createLineSplitter();
	return (chunk) => {
		const values: T[] = [];
		for (const line of splitter.push(typeof chunk === 'string' ? chunk : decoder.write(chunk))) {
			if (line === '') continue;
			try {
				values.push(JSON.parse(line) as T);
			} catch {
				// A malformed line is the engine's bug, not a reason to drop the connection.
			}
		}

		return values;
	};
}
