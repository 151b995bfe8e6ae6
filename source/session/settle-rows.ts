// Rows passed over quickly (a held `j`, PgDn after PgDn, G then g) are not worth a stats stream or an
// inspect for their exact times: each scroll key's frame was followed by opening and closing streams and
// reading times for rows the next key took off screen again, and the next key waited behind that work.
// What the list shows is handed on once it has stayed on screen for a moment; the first rows and an empty
// list go at once.

/** How long rows stay on screen before their stats streams open and their exact times are read. */
export const rowsSettleMs = 250;

export type SettleTimers = {
	readonly setTimeout: (run: () => void, ms: number) => unknown;
	readonly clearTimeout: (timer: unknown) => void;
};

const realTimers: SettleTimers = {
	setTimeout: (run, ms) => setTimeout(run, ms),
	clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout),
};

export type SettledRows = {
	/** The rows on screen now; handed on once they stay, at once if they are the first or none. */
	readonly show: (ids: readonly string[]) => void;
	/** Drops a change still waiting (the session ends). */
	readonly stop: () => void;
};

export function settleRows(
	apply: (ids: readonly string[]) => void,
	ms = rowsSettleMs,
	timers: SettleTimers = realTimers,
): SettledRows {
	let applied: readonly string[] | undefined;
	let timer: unknown;
	const cancel = () => {
		if (timer !== undefined) timers.clearTimeout(timer);
		timer = undefined;
	};

	const handOn = (ids: readonly string[]) => {
		cancel();
		applied = ids;
		apply(ids);
	};

	return {
		show(ids) {
			if (applied === undefined || ids.length === 0) {
				handOn(ids);
				return;
			}

			cancel();
			if (ids.length === applied.length && ids.every((id, index) => id === applied![index])) return;
			timer = timers.setTimeout(() => {
				handOn(ids);
			}, ms);
		},
		stop: cancel,
	};
}
