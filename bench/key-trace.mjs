// Loaded into a tool under bench/key-reader.mjs (node --import, through NODE_OPTIONS) to split a key's time
// in two: how long the key waited before the tool's event loop took it from the terminal, and how long from
// then to the write that shows the toggle, with the CPU the tool's process spent meanwhile. A slow key whose
// draw took little CPU waited for a CPU, not for the tool's own work.
//
// Appends one JSON line per event to DOCKPIT_BENCH_TRACE, synchronously (the reader ends the tool with a
// signal, so nothing is kept for an exit handler):
//   {"at": ms since the epoch, "kind": "read" | "shown", "cpu": the process's user + system CPU in ms}
// "read" is each chunk taken from the terminal's stdin; "shown" each write to the terminal whose text,
// escapes left out, matches DOCKPIT_BENCH_TRACE_ON. Only terminal streams are wrapped: sockets are not.
import {appendFileSync} from 'node:fs';
import process from 'node:process';
import tty from 'node:tty';

const file = process.env.DOCKPIT_BENCH_TRACE;
const on = new RegExp(process.env.DOCKPIT_BENCH_TRACE_ON ?? '$^');
// The tool's children (an exec session's shell, say) are not traced.
delete process.env.NODE_OPTIONS;
delete process.env.DOCKPIT_BENCH_TRACE;

if (file) {
	const escapes = /\u001B\[[\d;?]*[A-Za-z]/g;
	const record = (kind) => {
		const cpu = process.cpuUsage();
		appendFileSync(
			file,
			`${JSON.stringify({at: performance.timeOrigin + performance.now(), kind, cpu: (cpu.user + cpu.system) / 1000})}\n`,
		);
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
