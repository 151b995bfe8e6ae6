// One shared clock for every relative text on screen ("Up 7 minutes", "7m ago"): texts that count
// seconds are redrawn on whole seconds, coarser ones on a 15-second grid, so a screen of rows started at
// different moments wakes the app at most four times a minute instead of once per row per minute.

export const fineTick = 1000;
export const coarseTick = 15_000;

/** When one visible text next reads differently, and whether it counts seconds. */
export type TextChange = {
	/** Epoch ms of the change. */
	readonly at: number;
	/** The text counts seconds ("12 seconds", "45s"): it is redrawn on the next whole second. */
	readonly fine: boolean;
};

/** The first tick of the text's grid at or after its change. */
export const alignedTick = (change: TextChange): number => {
	const step = change.fine ? fineTick : coarseTick;
	return Math.ceil(change.at / step) * step;
};

/**
 * The moment the shared clock next wakes: the earliest aligned tick among the visible texts' changes,
 * never before the next millisecond; Infinity when no visible text will change.
 */
export function nextWake(now: number, changes: Iterable<TextChange>): number {
	let wake = Number.POSITIVE_INFINITY;
	for (const change of changes) wake = Math.min(wake, Math.max(now + 1, alignedTick(change)));
	return wake;
}

/** Whether a tick changes what is on screen; one that does not is not rendered at all. */
export const tickChanges = (before: readonly string[], after: readonly string[]): boolean =>
	before.length !== after.length || before.some((text, index) => text !== after[index]);
