// P4: one container floods its log for 60 s while dockpit shows it. Prints dockpit's RSS every 10 s,
// key-press-to-screen latency (median, p95 of 20 presses) and how far behind the clock the newest
// shown line is at the end; then, once the flood is killed, how long its last line takes to show and
// whether the pane lost any line that no gap row marks.
import {randomBytes} from 'node:crypto';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import Docker from 'dockerode';
import {TEST_IMAGE} from '../test/helpers/engine-status.js';
import {startDockpit, type Session} from '../test/helpers/pty.js';
import {median, ms, percentile, rssMegabytes} from './stats.js';

const docker = new Docker();
const label = `dockpit.bench=${randomBytes(4).toString('hex')}`;
const [labelKey, labelValue] = label.split('=') as [string, string];
const floodSeconds = 60;

const stamped = /(\d\d):(\d\d):(\d\d)\.(\d{3}) flood (\d+)/;

/** The newest shown line's time (ms since UTC midnight) and counter, when timestamps are on. */
function newestShown(screen: string): {at: number; count: number} | undefined {
	const rows = screen.split('\n').filter((row) => stamped.test(row));
	const match = stamped.exec(rows.at(-1) ?? '');
	if (!match) return undefined;
	const [h, m, s, milli] = match.slice(1, 5).map(Number) as [number, number, number, number];
	return {at: ((h * 60 + m) * 60 + s) * 1000 + milli, count: Number(match[5])};
}

const utcMsOfDay = (time: number) => time % 86_400_000;

/** The counter of the last line of a non-TTY log read (8-byte frame header, then the line). */
function lastFloodNumber(raw: Buffer | string): number {
	const text = Buffer.isBuffer(raw) ? raw.subarray(8).toString('utf8') : raw;
	const match = /flood (\d+)/.exec(text);
	if (!match) throw new Error(`no flood line in the engine's last line: ${JSON.stringify(text)}`);
	return Number(match[1]);
}

/** In a saved pane, numbers missing between two consecutive lines with no "# gap:" line between them. */
function unmarkedLosses(saved: string): {lost: number; gaps: number; held: number} {
	let previous: number | undefined;
	let lost = 0;
	let gaps = 0;
	let held = 0;
	for (const line of saved.split('\n')) {
		if (line.startsWith('# gap:')) {
			gaps++;
			previous = undefined;
			continue;
		}

		const match = /flood (\d+) /.exec(line);
		if (!match) continue;
		const count = Number(match[1]);
		held++;
		if (previous !== undefined && count > previous + 1) lost += count - previous - 1;
		previous = count;
	}

	return {lost, gaps, held};
}

/** Presses t (timestamps on/off) and waits until the screen shows the change. */
async function toggleLatency(session: Session, on: boolean): Promise<number> {
	const started = performance.now();
	await session.press('t');
	await session.waitForScreen((screen) => (newestShown(screen) !== undefined) === on && screen.includes('flood '), {
		what: on ? 'timestamps shown' : 'timestamps hidden',
		timeout: 30_000,
	});
	return performance.now() - started;
}

export async function benchLogs(): Promise<void> {
	const name = `bench-flood-${labelValue}`;
	console.log(`P4 logs under a flood: ${name} writes as fast as it can for ${floodSeconds} s (label ${label})…`);
	const container = await docker.createContainer({
		name,
		Image: TEST_IMAGE,
		Cmd: ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo "flood $i the quick brown fox jumps over the lazy dog"; done'],
		Labels: {[labelKey]: labelValue},
		StopTimeout: 1,
		// The engine's own json-file would otherwise grow by hundreds of MB.
		HostConfig: {LogConfig: {Type: 'json-file', Config: {'max-size': '50m', 'max-file': '1'}}},
	});
	let session: Session | undefined;
	try {
		await container.start();
		session = await startDockpit({args: ['--filter', `label=${label}`], cols: 120, rows: 40});
		await session.waitForText(`▶ ${name}`);
		await session.press('l');
		await session.waitForText('flood ');
		const started = performance.now();
		const rss: Array<[number, number]> = [[0, rssMegabytes(session.pid)]];
		const latencies: number[] = [];
		let on = false;
		// 20 presses spread over the flood, RSS every 10 s.
		while (performance.now() - started < floodSeconds * 1000) {
			const elapsed = performance.now() - started;
			if (latencies.length < 20 && elapsed > latencies.length * 2500 + 5000) {
				on = !on;
				latencies.push(await toggleLatency(session, on));
			}

			const mark = Math.floor((performance.now() - started) / 10_000) * 10;
			if (mark > rss.at(-1)![0]) rss.push([mark, rssMegabytes(session.pid)]);
			await delay(100);
		}

		rss.push([floodSeconds, rssMegabytes(session.pid)]);
		if (!on) await toggleLatency(session, true);
		await session.settled();
		const screen = session.screen();
		const now = Date.now();
		const newest = newestShown(screen);
		const lag = newest === undefined ? Number.NaN : utcMsOfDay(now) - newest.at;
		const inspect = await container.inspect();
		const ranFor = (now - Date.parse(inspect.State.StartedAt)) / 1000;

		console.log(`  RSS of dockpit: ${rss.map(([second, mb]) => `${second}s ${mb.toFixed(0)} MB`).join(', ')}`);
		console.log(
			`  key press to screen (${latencies.length} presses of t): median ${ms(median(latencies))}, p95 ${ms(percentile(latencies, 95))}`,
		);
		console.log(
			`  newest shown line vs clock at the end: ${ms(lag)} behind (line ${newest?.count ?? '?'}, ~${Math.round((newest?.count ?? 0) / ranFor)} lines/s written)`,
		);

		// The flood ends: the pane must end on the engine's last line, and what it holds must have no hole
		// that no gap row marks.
		await container.kill();
		const finishedAt = Date.parse((await container.inspect()).State.FinishedAt);
		const last = lastFloodNumber(await container.logs({stdout: true, stderr: true, tail: 1}));
		await session.waitForText(new RegExp(`flood ${last} the`), {timeout: 120_000});
		const toLastLine = Date.now() - finishedAt;
		const saved = path.join(mkdtempSync(path.join(tmpdir(), 'dockpit-bench-')), 'flood.log');
		await session.press('s', 'ctrl+u');
		await session.type(saved);
		await session.press('enter');
		await session.waitForText('Saved ', {timeout: 30_000});
		const {lost, gaps, held} = unmarkedLosses(readFileSync(saved, 'utf8'));
		console.log(`  exit to the engine's last line (flood ${last}) on screen: ${ms(toLastLine)}`);
		console.log(`  lines lost without a gap row: ${lost} (the pane held ${held} lines and ${gaps} gap rows)`);
		console.log('  targets: RSS < 150 MB and flat after warm-up; key p95 < 100 ms; lag < 1 s; 0 lost without a gap row');
	} finally {
		await session?.close();
		await container.remove({force: true});
	}
}
