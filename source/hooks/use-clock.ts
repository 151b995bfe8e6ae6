// The current time for relative texts ("Up 3 minutes"), on the one shared tick of state/core/tick.ts:
// it wakes only at the aligned moment some visible text changes, and a wake that changes no visible
// text sets no state, so an idle dashboard renders nothing between those moments.
import {useEffect, useState} from 'react';
import {tickChanges} from '../state/core/tick.js';

/**
 * `nextWakeAt(now)` is the next aligned tick at which a visible text may change (Infinity for none);
 * `textsAt(now)` is what those texts read at a moment, to tell whether a tick changed anything.
 */
export function useClock(nextWakeAt: (now: number) => number, textsAt: (now: number) => readonly string[]): number {
	const [now, setNow] = useState(Date.now);
	useEffect(() => {
		let timer: NodeJS.Timeout | undefined;
		const shown = textsAt(now);
		const arm = (from: number) => {
			const at = nextWakeAt(from);
			if (!Number.isFinite(at)) return;
			// A couple of ms past the tick, so Date.now() read in the callback is on its far side.
			timer = setTimeout(
				() => {
					const current = Date.now();
					if (tickChanges(shown, textsAt(current))) setNow(current);
					else arm(current);
				},
				Math.max(1, at - Date.now() + 2),
			);
		};

		arm(now);
		return () => clearTimeout(timer);
	}, [now, nextWakeAt, textsAt]);
	return now;
}
