// A fixed-capacity ring buffer addressed by sequence number: every item pushed gets the next number,
// forever, so a view can hold its place (a paused scroll position) while old items fall off the front.

export class RingBuffer<T> {
	private readonly items: Array<T | undefined>;
	/** Slot of the oldest item held. */
	private head = 0;
	private count = 0;
	/** Sequence number of the oldest item held. */
	private firstSeq = 0;
	/** Items pushed out by newer ones since the buffer was made (not those cleared). */
	private evictedCount = 0;
	/** Times items were replaced in place (replace()), which renumbers the items after them. */
	private rewriteCount = 0;

	constructor(readonly capacity: number) {
		if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`ring buffer capacity must be ≥ 1, got ${capacity}`);
		this.items = new Array<T | undefined>(capacity);
	}

	/** Sequence number of the oldest item held. */
	get first(): number {
		return this.firstSeq;
	}

	/** Sequence number the next push will get (one past the newest). */
	get end(): number {
		return this.firstSeq + this.count;
	}

	get size(): number {
		return this.count;
	}

	get evicted(): number {
		return this.evictedCount;
	}

	/** Bumped by replace(): what was read by sequence number before it may have moved. */
	get rewrites(): number {
		return this.rewriteCount;
	}

	push(item: T): void {
		const slot = (this.head + this.count) % this.capacity;
		this.items[slot] = item;
		if (this.count < this.capacity) {
			this.count++;
		} else {
			this.head = (this.head + 1) % this.capacity;
			this.firstSeq++;
			this.evictedCount++;
		}
	}

	pushAll(items: readonly T[]): void {
		// Only the last `capacity` items can survive; skip the copies that would be overwritten at once.
		const skip = Math.max(0, items.length - this.capacity);
		if (skip > 0) {
			const dropped = Math.min(this.count, this.capacity);
			this.firstSeq += this.count + skip;
			this.evictedCount += dropped + skip;
			this.head = 0;
			this.count = 0;
		}

		for (let index = skip; index < items.length; index++) this.push(items[index]!);
	}

	/** The item with this sequence number, if still held. */
	at(seq: number): T | undefined {
		if (seq < this.firstSeq || seq >= this.end) return undefined;
		return this.items[(this.head + (seq - this.firstSeq)) % this.capacity];
	}

	/**
	 * Replaces the item at `seq` with `items` (a gap filled in). Items before it keep their numbers, those
	 * after move by the difference; when the whole no longer fits, the oldest fall off the front.
	 */
	replace(seq: number, items: readonly T[]): void {
		if (seq < this.firstSeq || seq >= this.end) return;
		this.rewriteCount++;
		const all = [...this.slice(this.firstSeq, seq), ...items, ...this.slice(seq + 1)];
		const first = this.firstSeq;
		const evicted = this.evictedCount;
		this.items.fill(undefined);
		this.head = 0;
		this.count = 0;
		this.firstSeq = first;
		this.pushAll(all);
		this.evictedCount = evicted + Math.max(0, all.length - this.capacity);
	}

	/** Drops everything; numbering carries on, so positions taken before stay unambiguous. */
	clear(): void {
		this.items.fill(undefined);
		this.firstSeq = this.end;
		this.head = 0;
		this.count = 0;
	}

	/** Items from `from` (inclusive) to `to` (exclusive), clamped to what is held. */
	slice(from = this.firstSeq, to = this.end): T[] {
		const out: T[] = [];
		for (let seq = Math.max(from, this.firstSeq); seq < Math.min(to, this.end); seq++) out.push(this.at(seq)!);
		return out;
	}
}
