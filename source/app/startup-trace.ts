// Start-up marks for the bench: with DOCKPIT_TRACE_STARTUP=<file>, the milliseconds since the process
// started at each step to the first frame are written to that file as JSON once the frame is out.
// Off (and free) otherwise.
import {writeFileSync} from 'node:fs';

export type StartupMark = 'entry' | 'request sent' | 'answer' | 'ui loaded' | 'first frame';

const file = process.env['DOCKPIT_TRACE_STARTUP'];
const marks: Array<[StartupMark, number]> = [];

/** Records a step; the first frame ends the trace and writes it. */
export function markStartup(mark: StartupMark): void {
	if (!file || marks.some(([name]) => name === mark)) return;
	marks.push([mark, Math.round(performance.now() * 10) / 10]);
	if (mark !== 'first frame') return;
	try {
		writeFileSync(file, `${JSON.stringify(Object.fromEntries(marks))}\n`);
	} catch {
		// A trace that cannot be written must not stop the dashboard.
	}
}
