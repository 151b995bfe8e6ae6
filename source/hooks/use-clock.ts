// The current time for relative texts ("Up 3 minutes"). It wakes only when some visible text would
// change, computed by the caller, so an idle dashboard does no work between those moments.
import {useEffect, useState} from 'react';

export function useClock(nextChangeAt: (now: number) => number): number {
	const [now, setNow] = useState(Date.now);
	const wakeAt = nextChangeAt(now);
	useEffect(() => {
		if (!Number.isFinite(wakeAt)) return;
		const timer = setTimeout(() => setNow(Date.now()), Math.max(50, wakeAt - Date.now() + 5));
		return () => clearTimeout(timer);
	}, [wakeAt]);
	return now;
}
