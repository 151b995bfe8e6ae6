// Key presses under bench/side-by-side.ts' log flood, timed two ways: to the screen of the test harness's
// headless terminal, and under bench/key-reader.mjs, a terminal of its own that only reads. Also the two
// floors the tools are read against: a program that only answers the key (bench/key-echo.mjs, what the
// machine and the terminal cost a key), and Ink alone drawing the same lines (bench/ink-floor.tsx, what the
// framework's frame costs a key before dockpit does anything of its own). Neither floor reads the flood's log, so
// the engine works a little less for them than for a tool. Under the reader, bench/key-trace.mjs splits each
// program's keys into waiting to be taken from the terminal and being drawn (splitKeys).
import {spawn} from 'node:child_process';
import {chmodSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {setTimeout as delay} from 'node:timers/promises';
import {build} from 'esbuild';
import {bundlePlugins} from '../scripts/bundle-plugins.mjs';
import {asShipped, projectRoot} from '../test/helpers/bundle.js';
import {startDockpit, terminalEnv, type Session} from '../test/helpers/pty.js';
import {median, percentile, rssMegabytes} from './stats.js';

/** Presses per tool and terminal; half of them turn the toggle on. */
export const floodPresses = 40;
/** A press not on screen by then counts as never shown. */
const pressTimeoutMs = 10_000;

/** A key that changes the screen, and how to tell it did: on, then off again. */
export type Toggle = {readonly key: string; readonly shown: (screen: string) => boolean};

export type Figures = {readonly p95: number; readonly median: number};

/**
 * Where a key's time went, from bench/key-trace.mjs: how long it waited before the tool's event loop took it
 * from the terminal, how long from then to the write that showed it, the CPU the tool's process spent in that
 * draw and, where the trace has it (Linux), how long of the draw its main thread was runnable but not running.
 */
export type KeySplit = {
	readonly total: number;
	readonly waited: number;
	readonly drawn: number;
	readonly cpu: number;
	readonly queued?: number;
};

/** `queued`: the main thread's time on the run queue so far, in ms (schedstat's second field). */
type TraceEvent = {readonly at: number; readonly kind: 'read' | 'shown'; readonly cpu: number; readonly queued?: number};

/**
 * Each timed press's split: its key is the first chunk read after it was written (a clock read in two
 * processes may differ by a fraction of a millisecond, hence the 1 ms of slack), its frame the first write
 * after that read that showed the toggle. A press that was never shown, or not seen in the trace, has none.
 */
export function splitKeys(times: ReadonlyArray<readonly [number, number | null]>, events: readonly TraceEvent[]): KeySplit[] {
	const splits: KeySplit[] = [];
	for (const [written, shown] of times) {
		if (shown === null) continue;
		const read = events.find((event) => event.kind === 'read' && event.at >= written - 1);
		const frame = read && events.find((event) => event.kind === 'shown' && event.at >= read.at);
		if (!read || !frame || frame.at > shown + 1) continue;
		splits.push({
			total: shown - written,
			waited: Math.max(0, read.at - written),
			drawn: frame.at - read.at,
			cpu: frame.cpu - read.cpu,
			...(read.queued === undefined || frame.queued === undefined ? {} : {queued: frame.queued - read.queued}),
		});
	}

	return splits;
}

/** The slowest tenth of the presses, split, as the bench prints them. */
export function slowestSplits(splits: readonly KeySplit[]): string {
	const slowest = [...splits].sort((a, b) => b.total - a.total).slice(0, Math.max(1, Math.ceil(splits.length / 10)));
	const list = (pick: (split: KeySplit) => number) => slowest.map((split) => pick(split).toFixed(0)).join('/');
	const queued = slowest.every((split) => split.queued !== undefined)
		? `, runnable but not running for ${list((split) => split.queued ?? 0)} ms of the draw (on the run queue)`
		: '';
	return `the slowest ${slowest.length} of ${splits.length} took ${list((split) => split.total)} ms: waited to be read ${list((split) => split.waited)} ms, then drawn in ${list((split) => split.drawn)} ms using ${list((split) => split.cpu)} ms of CPU${queued}`;
}

/** Presses a toggle `floodPresses` times, half a second apart: each press's time to the screen, and RSS after it. */
export async function pressLatencies(session: Session, toggle: Toggle): Promise<{latencies: number[]; rss: number[]}> {
	const latencies: number[] = [];
	const rss: number[] = [rssMegabytes(session.pid)];
	let missed = 0;
	for (let press = 0; press < floodPresses; press++) {
		const on = press % 2 === 0;
		await session.press(toggle.key);
		// From the key's arrival: press() first waits for a frame being drawn to end (under a flood, up to
		// half a second) and for the gap the harness keeps between keys; neither is the tool's latency.
		const started = session.lastKeySent;
		try {
			await session.waitForScreen((screen) => toggle.shown(screen) === on, {what: 'the toggle', timeout: pressTimeoutMs});
			latencies.push(performance.now() - started);
		} catch {
			latencies.push(Number.POSITIVE_INFINITY);
			// A tool that keeps missing would hold the bench for minutes: its p95 is already "never".
			if (++missed >= 3) break;
		}

		rss.push(rssMegabytes(session.pid));
		await delay(500);
	}

	return {latencies, rss};
}

/** What bench/key-reader.mjs runs: the program, what to wait for and send before the presses, and the toggle. */
export type LightFlood = {
	readonly command: readonly string[];
	readonly env?: Readonly<Record<string, string>>;
	readonly steps: ReadonlyArray<{readonly waitFor: string; readonly timeoutMs?: number} | {readonly send: string}>;
	readonly key: string;
	/** A regex source: what the output shows once a press turned the toggle on. */
	readonly on: string;
	/** Split each key's time with bench/key-trace.mjs (a Node program that reads NODE_OPTIONS). */
	readonly traced?: boolean;
};

/**
 * The presses again, under a terminal that only reads (bench/key-reader.mjs, a process of its own): the time
 * from each key that turns the toggle on to the first output that shows it, p95 and median. Twice as many
 * presses as on the harness's screen, so that as many are timed.
 */
export async function lightPresses(flood: LightFlood): Promise<Figures & {slowest?: string}> {
	// Where each key's time went (bench/key-trace.mjs), for tools whose Node reads NODE_OPTIONS.
	const traceFolder = flood.traced ? mkdtempSync(path.join(tmpdir(), 'dockpit-bench-keys-')) : undefined;
	const traceFile = traceFolder && path.join(traceFolder, 'keys.jsonl');
	const traceEnv = traceFile
		? {
				NODE_OPTIONS: `--import ${new URL('key-trace.mjs', import.meta.url).href}`,
				DOCKPIT_BENCH_TRACE: traceFile,
				DOCKPIT_BENCH_TRACE_ON: flood.on,
			}
		: {};
	// The environment the harness gives a tool (no CI, no COLUMNS…), complete: the reader passes it on as it is.
	const spec = {
		...flood,
		env: terminalEnv({...flood.env, ...traceEnv}),
		cols: 160,
		rows: 45,
		presses: 2 * floodPresses,
		gapMs: 500,
		timeoutMs: pressTimeoutMs,
	};
	const reader = spawn(process.execPath, [fileURLToPath(new URL('key-reader.mjs', import.meta.url)), JSON.stringify(spec)], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let out = '';
	let errors = '';
	reader.stdout.on('data', (data: Buffer) => {
		out += data.toString('utf8');
	});
	reader.stderr.on('data', (data: Buffer) => {
		errors += data.toString('utf8');
	});
	const code = await new Promise<number | null>((resolve) => {
		reader.on('close', resolve);
	});
	const last = out.trim().split('\n').at(-1) ?? '';
	if (code !== 0 || !last.startsWith('{')) {
		// The figure is then empty ("—"); the presses timed by the harness still count.
		console.log(`    key-reader failed (exit ${code}): ${(errors || out).trim().slice(-300)}`);
		return {p95: Number.NaN, median: Number.NaN};
	}

	const result = JSON.parse(last) as {latencies: Array<number | null>; times: Array<[number, number | null]>};
	const latencies = result.latencies.map((value) => (value === null ? Number.POSITIVE_INFINITY : value));
	let slowest: string | undefined;
	if (traceFolder && traceFile) {
		try {
			const events = readFileSync(traceFile, 'utf8')
				.split('\n')
				.filter((line) => line !== '')
				.map((line) => JSON.parse(line) as TraceEvent);
			const splits = splitKeys(result.times, events);
			slowest = splits.length > 0 ? slowestSplits(splits) : 'no press was seen in its trace';
		} catch (error) {
			slowest = `no trace: ${error instanceof Error ? error.message : String(error)}`;
		} finally {
			rmSync(traceFolder, {recursive: true, force: true});
		}
	}

	return {p95: percentile(latencies, 95), median: median(latencies), ...(slowest === undefined ? {} : {slowest})};
}

/** A floor program: how to start it, what it shows once ready, and how its toggle shows on screen and in bytes. */
type Floor = {
	readonly command: readonly string[];
	readonly ready: string;
	readonly shown: (screen: string) => boolean;
	/** A regex source, for the reader. */
	readonly on: string;
};

/** A floor's presses, timed as a tool's: on the harness's screen, then under the reader. */
export async function floorLatency(floor: Floor): Promise<Figures & {light: Figures & {slowest?: string}}> {
	const session = await startDockpit({command: [...floor.command], cols: 160, rows: 45});
	let screenTimes: Figures;
	try {
		await session.waitForText(floor.ready);
		const {latencies} = await pressLatencies(session, {key: 't', shown: floor.shown});
		screenTimes = {p95: percentile(latencies, 95), median: median(latencies)};
	} finally {
		await session.close();
	}

	// Both floors are Node programs: their keys are split as dockpit's are.
	const light = await lightPresses({
		command: floor.command,
		steps: [{waitFor: floor.ready}],
		key: 't',
		on: floor.on,
		traced: true,
	});
	return {...screenTimes, light};
}

/** bench/key-echo.mjs: only answers the key. */
export const keyEcho = (): Floor => ({
	command: [process.execPath, fileURLToPath(new URL('key-echo.mjs', import.meta.url))],
	ready: 'key off',
	shown: (screen) => screen.includes('key on'),
	on: 'key on',
});

/** What shows a flood line's timestamp: dockpit's and the Ink floor's `t` on. */
export const timestampShown = String.raw`\d\d:\d\d:\d\d\.\d{3} flood`;

/**
 * bench/ink-floor.tsx, bundled into `folder` with dockpit's bundle plugins and started with the Node flags of
 * dockpit's own first line, so the only difference left is dockpit's code.
 */
export async function inkFloor(folder: string): Promise<Floor> {
	const file = path.join(folder, 'ink-floor.mjs');
	const hashbang = readFileSync(path.join(projectRoot, 'cli.tsx'), 'utf8').split('\n', 1)[0]!;
	await build({
		...asShipped,
		entryPoints: [fileURLToPath(new URL('ink-floor.tsx', import.meta.url))],
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		minify: true,
		outfile: file,
		plugins: bundlePlugins,
		banner: {js: `${hashbang}\n${asShipped.banner!['js']}`},
		logLevel: 'silent',
	});
	chmodSync(file, 0o755);
	const shown = new RegExp(timestampShown);
	return {command: [file], ready: 'flood 1 the quick', shown: (screen) => shown.test(screen), on: timestampShown};
}
