// Loaded into a tool under bench/key-reader.mjs (node --import, through NODE_OPTIONS) to split a key's time
// in two: how long the key waited before the tool's event loop took it from the terminal, and how long from
// then to the write that shows the toggle, with the CPU the tool's process spent meanwhile and the time its
// main thread was runnable but not running. A slow key whose draw took little CPU and much run-queue time
// waited for a CPU, not for the tool's own work.
//
// Appends one JSON line per event to DOCKPIT_BENCH_TRACE, synchronously (the reader ends the tool with a
// signal, so nothing is kept for an exit handler):
//   {"at": ms since the epoch, "kind": "read" | "shown", "cpu": the process's user + system CPU in ms,
//    "queued": the main thread's time so far runnable but not running, in ms (Linux's schedstat; absent elsewhere)}
// "read" is each chunk taken from the terminal's stdin; "shown" each write to the terminal whose text,
// escapes left out, matches DOCKPIT_BENCH_TRACE_ON. Only terminal streams are wrapped: sockets are not.
import {appendFileSync, readFileSync} from 'node:fs';
import process from 'node:process';
import tty from 'node:tty';

const file = process.env.DOCKPIT_BENCH_TRACE;
const on = new RegExp(process.env.DOCKPIT_BENCH_TRACE_ON ?? '$^');
// The tool's children (an exec session's shell, say) are not traced.
delete process.env.NODE_OPTIONS;
delete process.env.DOCKPIT_BENCH_TRACE;

if (file) {
	const escapes = /\u001B\[[\d;?]*[A-Za-z]/g;
	// The main thread's schedstat: ns on a CPU, ns on the run queue, time slices. A key drawn slowly with little
	// CPU either waited there (the machine had no CPU for it) or slept (on a write, say).
	const schedstat = `/proc/self/task/${process.pid}/schedstat`;
	const queued = () => {
		try {
			return Number(readFileSync(schedstat, 'utf8').split(' ')[1]) / 1e6;
		} catch {
			return undefined;
		}
	};

	const record = (kind) => {
		const cpu = process.cpuUsage();
		const at = performance.timeOrigin + performance.now();
		appendFileSync(file, `${JSON.stringify({at, kind, cpu: (cpu.user + cpu.system) / 1000, queued: queued()})}\n`);
	};

	// Each chunk as the event loop takes it from the terminal, whether the program then reads it ('readable'
	// and read(), as Ink does) or is handed it ('data', which bypasses read()).
	const push = tty.ReadStream.prototype.push;
	tty.ReadStream.prototype.push = function (chunk, ...rest) {
		if (chunk !== null && chunk !== undefined) record('read');
		return push.call(this, chunk, ...rest);
	};

	const write = tty.WriteStream.prototype.write;
	tty.WriteStream.prototype.write = function (data, ...rest) {
		const text = typeof data === 'string' ? data : Buffer.isBuffer(data) ? data.toString('utf8') : '';
		// Recorded before the write: the write itself is the terminal's to take.
		if (on.test(text.replace(escapes, ''))) record('shown');
		return write.call(this, data, ...rest);
	};
}
