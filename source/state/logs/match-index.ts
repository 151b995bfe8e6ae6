// The search's matches in the line buffer, found a bounded step at a time: newly appended lines first,
// then backwards from the newest, so no single step (and so no frame) tests more than a fixed number of
// lines and characters, however long the lines and however full the buffer.
import type {RingBuffer} from '../core/ring-buffer.js';
import type {LogLine} from './log-lines.js';
import type {Matcher} from './log-search.js';

/** Most characters one step hands to the matcher (a longer line is still tested whole: lines are capped). */
export const SEARCH_STEP_CHARS = 256 * 1024;
/** Most lines one step tests. */
export const SEARCH_STEP_LINES = 4000;

export type StepBudget = {readonly chars: number; readonly lines: number};

export type StepWork = {readonly lines: number; readonly chars: number};

export class MatchIndex {
	/** Matching sequence numbers found so far, oldest first. */
	private found: number[] = [];
	/** Lines in [low, high) have been tested. */
	private low: number;
	private high: number;
	private rewrites: number;

	constructor(
		readonly buffer: RingBuffer<LogLine>,
		readonly matcher: Extract<Matcher, {ok: true}>,
	) {
		this.low = buffer.end;
		this.high = buffer.end;
		this.rewrites = buffer.rewrites;
	}

	/** Matches found so far, oldest first. */
	get seqs(): readonly number[] {
		this.sync();
		return this.found;
	}

	/** Every line held has been tested. */
	get complete(): boolean {
		this.sync();
		return this.high === this.buffer.end && this.low === this.buffer.first;
	}

	/** Lines still to test. */
	get pending(): number {
		this.sync();
		return this.buffer.end - this.high + (this.low - this.buffer.first);
	}

	/** Tests the next lines within `budget`: at least one line when any is left. */
	step(budget: StepBudget = {chars: SEARCH_STEP_CHARS, lines: SEARCH_STEP_LINES}): StepWork {
		this.sync();
		let lines = 0;
		let chars = 0;
		const spent = () => lines >= budget.lines || (lines > 0 && chars >= budget.chars);
		const test = (seq: number): boolean => {
			const text = this.buffer.at(seq)!.text;
			// A line that would overrun the budget waits for the next step, unless it is the step's first.
			if (lines > 0 && chars + text.length > budget.chars) return false;
			lines++;
			chars += text.length;
			return this.matcher.test(text);
		};

		const appended: number[] = [];
		while (this.high < this.buffer.end && !spent()) {
			const seq = this.high;
			const before = lines;
			const hit = test(seq);
			if (lines === before) break;
			if (hit) appended.push(seq);
			this.high++;
		}

		if (appended.length > 0) this.found = this.found.concat(appended);
		const older: number[] = [];
		while (this.high === this.buffer.end && this.low > this.buffer.first && !spent()) {
			const seq = this.low - 1;
			const before = lines;
			const hit = test(seq);
			if (lines === before) break;
			if (hit) older.push(seq);
			this.low--;
		}

		if (older.length > 0) this.found = older.reverse().concat(this.found);
		return {lines, chars};
	}

	/** Follows the buffer: lines dropped off the front leave; a rewrite (a gap filled in) starts over. */
	private sync(): void {
		const {buffer} = this;
		if (buffer.rewrites !== this.rewrites) {
			this.rewrites = buffer.rewrites;
			this.found = [];
			this.low = buffer.end;
			this.high = buffer.end;
			return;
		}

		if (this.low < buffer.first) {
			this.low = buffer.first;
			if (this.high < this.low) this.high = this.low;
			let drop = 0;
			while (drop < this.found.length && this.found[drop]! < buffer.first) drop++;
			if (drop > 0) this.found = this.found.slice(drop);
		}
	}
}
