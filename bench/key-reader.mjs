// A terminal that only reads, for the flood figure of bench/side-by-side.ts. The bench's own harness keeps a
// headless terminal that parses every byte, in the bench's process, on the same two cores the flood fills:
// how soon it reads the pty is part of what it measures. This process owns the pty, parses nothing and only
// timestamps each key it writes and the first output after it that shows the toggle, as sshd or a native
// terminal would read it.
//
//   node bench/key-reader.mjs '<json>'   prints {"latencies": [ms or null, …]} on its last line
//
// The JSON: command (program and arguments), env (the program's whole environment), cols, rows, steps (in order:
// {"waitFor": regex source} or {"send": text}), key, on (regex source: what the output shows once the key
// turned the toggle on), presses, gapMs. Only presses that turn the toggle on are timed (even ones, from the
// first); a null is a press whose output never showed it within timeoutMs. After three nulls the presses stop:
// a program that keeps missing would hold the bench for minutes, and its p95 is already "never". The last
// line also has "times": each timed press's [written, shown] in ms since the epoch (shown null when never),
// to set beside bench/key-trace.mjs' record of the same presses.
import process from 'node:process';
import {setTimeout as delay} from 'node:timers/promises';
import {spawn} from 'node-pty';
import stripAnsi from 'strip-ansi';

const spec = JSON.parse(process.argv[2] ?? '{}');
const timeoutMs = spec.timeoutMs ?? 10_000;
const child = spawn(spec.command[0], spec.command.slice(1), {
	name: 'xterm-256color',
	cols: spec.cols,
	rows: spec.rows,
	cwd: process.cwd(),
	env: spec.env ?? process.env,
});

let all = '';
/** The output since the key being timed, and when it first showed the toggle on. */
let pressed;
child.onData((data) => {
	const at = performance.now();
	all += data;
	if (!pressed || pressed.shownAt !== undefined) return;
	pressed.output += data;
	if (pressed.on.test(stripAnsi(pressed.output))) pressed.shownAt = at;
});
let exited = false;
child.onExit(() => {
	exited = true;
});

async function waitFor(pattern, ms) {
	const until = Date.now() + ms;
	while (!pattern.test(stripAnsi(all))) {
		if (exited) throw new Error(`the program exited before showing ${pattern}`);
		if (Date.now() > until) throw new Error(`no ${pattern} within ${ms} ms`);
		await delay(20);
	}

	// Only what comes after counts for the next wait.
	all = '';
}

try {
	for (const step of spec.steps) {
		if ('send' in step) {
			child.write(step.send);
			await delay(300);
		} else {
			await waitFor(new RegExp(step.waitFor), step.timeoutMs ?? 60_000);
		}
	}

	await delay(2000);
	const on = new RegExp(spec.on);
	const latencies = [];
	const times = [];
	for (let press = 0; press < spec.presses; press++) {
		const turnsOn = press % 2 === 0;
		const startedAt = performance.now();
		if (turnsOn) pressed = {on, output: '', shownAt: undefined};
		child.write(spec.key);
		if (turnsOn) {
			while (pressed.shownAt === undefined && performance.now() - startedAt < timeoutMs && !exited) await delay(1);
			latencies.push(pressed.shownAt === undefined ? null : pressed.shownAt - startedAt);
			const epoch = (at) => (at === undefined ? null : performance.timeOrigin + at);
			times.push([epoch(startedAt), epoch(pressed.shownAt)]);
			pressed = undefined;
			if (latencies.filter((latency) => latency === null).length >= 3) break;
		}

		await delay(spec.gapMs);
	}

	console.log(JSON.stringify({latencies, times}));
} finally {
	child.kill();
}

process.exit(0);
