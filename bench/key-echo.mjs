// The key-latency floor of bench/side-by-side.ts: a program that does nothing but answer a key. In raw
// mode, each `t` rewrites its one line, on and off; `q` quits. Timed in the same terminal harness, under the
// same flood, it shows what the machine and the harness cost a key before any dashboard does anything.
process.stdin.setRawMode(true);
let on = false;
const line = () => `\u001B[H\u001B[2K${on ? 'key on' : 'key off'}`;
process.stdout.write(`\u001B[2J${line()}`);
process.stdin.on('data', (data) => {
	for (const key of data.toString('utf8')) {
		if (key === 'q' || key === '\u0003') process.exit(0);
		if (key !== 't') continue;
		on = !on;
		process.stdout.write(line());
	}
});
