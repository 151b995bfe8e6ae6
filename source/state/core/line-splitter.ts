// Text that arrives in pieces, cut into lines: the one splitter for log streams and NDJSON alike.

export type LineSplitter = {
	/** Complete lines in this piece of text (with what was left over from before); the rest is kept. */
	readonly push: (text: string) => string[];
	/** What is left without a newline, when the stream ends. */
	readonly flush: () => string[];
};

/**
 * Splits on \n and drops the \r of \r\n (TTY output, some proxies); a partial line waits for the rest.
 * Empty lines are kept (a log may print one); a reader that has no use for them skips them itself.
 */
export function createLineSplitter(): LineSplitter {
	let carry = '';
	return {
		push(text) {
			const parts = (carry + text).split('\n');
			carry = parts.pop()!;
			return parts.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
		},
		flush() {
			const rest = carry.endsWith('\r') ? carry.slice(0, -1) : carry;
			carry = '';
			return rest === '' ? [] : [rest];
		},
	};
}
