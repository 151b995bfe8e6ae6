// Start-up marks for the bench: with DOCKPIT_TRACE_STARTUP=<file>, the milliseconds since the process
// started at each step to the first frame are written to that file as JSON once the frame is out, with
// what became of the code cache (source/app/launcher.ts). Off (and free) otherwise. The first frame is
// also when the launcher may save the code cache, whether traced or not.
import {writeFileSync} from 'node:fs';
import type {LauncherNote} from './launcher.js';

export type StartupMark = 'entry' | 'request sent' | 'answer' | 'ui loaded' | 'first frame';

const file = process.env['DOCKPIT_TRACE_STARTUP'];
const marks: Array<[StartupMark, number]> = [];

/** The launcher's note, when dockpit runs from dist/ (not under tsx or in a test). */
const launcher = (globalThis as Record<symbol, unknown>)[Symbol.for('dockpit.launcher')] as LauncherNote | undefined;
let framed = false;

/** Records a step; the first frame ends the trace and writes it. */
export function markStartup(mark: StartupMark): void {
	if (mark === 'first frame' && !framed) {
		framed = true;
		launcher?.firstFrame();
	}

	if (!file || marks.some(([name]) => name === mark)) return;
	marks.push([mark, Math.round(performance.now() * 10) / 10]);
	if (mark !== 'first frame') return;
	try {
		writeFileSync(file, `${JSON.stringify({...Object.fromEntries(marks), codeCache: launcher?.codeCache ?? 'none'})}\n`);
	} catch {
		// A trace that cannot be written must not stop the dashboard.
	}
}
