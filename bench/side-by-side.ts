// `npm run bench`: dockpit and dockly on the same labelled fleet in one run, one table. Start to the first
// frame (100 running containers, 200×50, median of 7), CPU and RSS at idle over 60 s (both at once, then
// dockpit alone with its CPU/MEM columns off), key press to screen while a container floods its logs (logs
// pane open, 160×45, p95; then again under bench/key-reader.mjs, a terminal that only reads), and an external
// `docker run` to its row, next to the floors: `node -e ''`, `docker ps -a`, the `docker run` command's own
// time, and for the flood a program that only answers the key and Ink alone drawing the same lines
// (bench/flood-keys.ts).
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {loadavg, tmpdir} from 'node:os';
import path from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import {TEST_IMAGE} from '../test/helpers/engine-status.js';
import {CLI_PATH, startDockpit, type Session} from '../test/helpers/pty.js';
import {waitFor} from '../test/helpers/wait.js';
import {createFleet, docker} from './fleet.js';
import {
	floodPresses,
	floorLatency,
	inkFloor,
	keyEcho,
	lightPresses,
	pressLatencies,
	timestampShown,
	type Figures,
	type LightFlood,
	type Toggle,
} from './flood-keys.js';
import {installDockly} from './peer.js';
import {cpuSeconds, median, percentile, rssMegabytes, timeCommand, waitForQuiet} from './stats.js';
import {inBatches, printTable, removeLabelled, type Row} from './table.js';

type Tool = {
	readonly name: 'dockpit' | 'dockly';
	readonly start: (cols: number, rows: number, env?: Record<string, string>) => Promise<Session>;
	/** Started for the flood, with the flood as the selected (first) row. */
	readonly startForFlood: (cols: number, rows: number) => Promise<Session>;
	/** Opens the logs of the selected container (the flood, which sorts first in both). */
	readonly logKeys: readonly string[];
	/** A key that changes the screen, and how to tell it did: on, then off again. */
	readonly toggle: Toggle;
	/** The same flood and presses for bench/key-reader.mjs, a terminal that only reads. */
	readonly lightFlood: (floodName: string) => LightFlood;
};

const count = 100;
/** Any row of the fleet: dockpit lists it by name (f000 first), dockly newest first (f099). */
const fleetRow = (prefix: string) => new RegExp(`${prefix}f\\d{3}`);
const startRuns = 7;
const idleSeconds = 60;
/**
 * How long both tools run before the idle window starts: past start-up's work (the first stats samples,
 * exact times) and past the one major garbage collection V8 runs on start-up's garbage about 50 s after
 * start (~120 ms of CPU here, once): idle is what the dashboard costs from then on, for as long as it is open.
 */
const settleSeconds = 60;
/** Issue 13's idle figure is for containers 3–7 minutes old: younger ones count seconds, and redraw each second. */
const idleFleetAge = 180;

/** `docker run -d`, timed: the command's own wall time is the floor of the external-run figure. */
function dockerRun(name: string, labelValue: string): Promise<number> {
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const child = spawn(
			'docker',
			['run', '-d', '--name', name, '--label', `dockpit.bench=${labelValue}`, TEST_IMAGE, 'sleep', '3600'],
			{
				stdio: 'ignore',
			},
		);
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0 ? resolve(performance.now() - started) : reject(new Error(`docker run exited ${code}`)),
		);
	});
}

/** Start events of the fleet's containers, by name, at the moment they reached the bench. */
async function watchStarts(labelValue: string): Promise<{readonly at: Map<string, number>; readonly stop: () => void}> {
	const at = new Map<string, number>();
	const stream = (await docker.getEvents({
		filters: {label: [`dockpit.bench=${labelValue}`], event: ['start']},
	})) as NodeJS.ReadableStream & {
		destroy: () => void;
	};
	let buffered = '';
	stream.on('data', (chunk: Buffer) => {
		buffered += chunk.toString('utf8');
		const lines = buffered.split('\n');
		buffered = lines.pop() ?? '';
		for (const line of lines) {
			if (!line.trim()) continue;
			const event = JSON.parse(line) as {Actor?: {Attributes?: {name?: string}}};
			const name = event.Actor?.Attributes?.name;
			if (name) at.set(name, performance.now());
		}
	});
	return {at, stop: () => stream.destroy()};
}

/**
 * Starts `runs` times to a fleet row on screen. For dockpit (`trace`), each start's marks are read, and
 * `env` sets its code cache folder (XDG_CACHE_HOME; source/app/launcher.ts).
 */
async function startToFirstFrame(
	tool: Tool,
	prefix: string,
	trace: boolean,
	env: Record<string, string> = {},
	runs = startRuns,
): Promise<{times: number[]; marks: Array<Record<string, number | string>>}> {
	const times: number[] = [];
	const marks: Array<Record<string, number | string>> = [];
	const folder = mkdtempSync(path.join(tmpdir(), 'dockpit-bench-trace-'));
	try {
		for (let run = 0; run < runs; run++) {
			const file = path.join(folder, `run-${run}.json`);
			const started = performance.now();
			const session = await tool.start(200, 50, trace ? {...env, DOCKPIT_TRACE_STARTUP: file} : env);
			try {
				await session.waitForText(fleetRow(prefix), {timeout: 60_000});
				times.push(performance.now() - started);
			} finally {
				await session.close();
			}

			if (trace) {
				try {
					marks.push(JSON.parse(readFileSync(file, 'utf8')) as Record<string, number | string>);
				} catch {
					// No trace: an older build; the figure stands without its marks.
				}
			}
		}
	} finally {
		rmSync(folder, {recursive: true, force: true});
	}

	return {times, marks};
}

/** Every tool idle over the same 60 s, side by side: same container ages, same engine activity. */
async function idleFigures(
	tools: readonly Tool[],
	prefix: string,
	keys: readonly string[] = [],
): Promise<Map<string, {cpu: number; rss: number}>> {
	const sessions = await Promise.all(tools.map(async (tool) => tool.start(200, 50)));
	try {
		await Promise.all(sessions.map(async (session) => session.waitForText(fleetRow(prefix), {timeout: 60_000})));
		// Keys pressed first (dockpit's M: the CPU/MEM columns off, their stats streams closed).
		for (const session of sessions) if (keys.length > 0) await session.press(...keys);
		await delay(settleSeconds * 1000);
		const before = sessions.map((session) => cpuSeconds(session.pid));
		const started = performance.now();
		await delay(idleSeconds * 1000);
		const seconds = (performance.now() - started) / 1000;
		return new Map(
			tools.map((tool, index) => [
				tool.name,
				{cpu: ((cpuSeconds(sessions[index]!.pid) - before[index]!) / seconds) * 100, rss: rssMegabytes(sessions[index]!.pid)},
			]),
		);
	} finally {
		await Promise.all(sessions.map(async (session) => session.close()));
	}
}

async function runToRow(
	tool: Tool,
	prefix: string,
	labelValue: string,
	runs: number,
): Promise<{afterEvent: number[]; command: number[]; missed: number}> {
	const session = await tool.start(200, 50);
	const starts = await watchStarts(labelValue);
	const afterEvent: number[] = [];
	const command: number[] = [];
	let missed = 0;
	try {
		await session.waitForText(fleetRow(prefix), {timeout: 60_000});
		for (let run = 0; run < runs; run++) {
			// "e" sorts before the fleet's "f": the new row lands in the window of both tools.
			const name = `${prefix}e${tool.name}${String(run).padStart(2, '0')}`;
			const commandTime = dockerRun(name, labelValue);
			try {
				await session.waitForText(name, {timeout: 5000});
				const shownAt = performance.now();
				command.push(await commandTime);
				const eventAt = starts.at.get(name);
				if (eventAt !== undefined) afterEvent.push(Math.max(0, shownAt - eventAt));
			} catch {
				await commandTime.catch(() => undefined);
				missed++;
			}
		}
	} finally {
		starts.stop();
		await session.close();
	}

	return {afterEvent, command, missed};
}

async function floodLatency(
	tool: Tool,
	floodName: string,
): Promise<Figures & {light: Figures & {slowest?: string}; rss: number[]; logsShown: boolean}> {
	const session = await tool.startForFlood(160, 45);
	let onScreen: Figures & {rss: number[]; logsShown: boolean};
	try {
		await session.waitForText(floodName, {timeout: 60_000});
		await session.press(...tool.logKeys);
		// A line of the flood itself, not the container's name in the list. A tool whose pane never shows
		// one is still measured (the flood runs in the engine either way), and the table says so.
		const logsShown = await session.waitForText(/flood \d+ the quick/, {timeout: 60_000}).then(
			() => true,
			() => false,
		);
		const {latencies, rss} = await pressLatencies(session, tool.toggle);
		onScreen = {p95: percentile(latencies, 95), median: median(latencies), rss, logsShown};
	} finally {
		await session.close();
	}

	return {...onScreen, light: await lightPresses(tool.lightFlood(floodName))};
}

/** Where the reader's slowest keys spent their time (bench/key-trace.mjs), on a line of its own. */
const slowestText = (slowest: string | undefined) => (slowest === undefined ? '' : `\n      ${slowest}`);

const fmt = (value: number | undefined, unit = ' ms', digits = 0) =>
	value === undefined || Number.isNaN(value) ? '—' : Number.isFinite(value) ? `${value.toFixed(digits)}${unit}` : 'never';

export async function benchSideBySide(): Promise<void> {
	const {labelValue, createRunning} = createFleet();
	const prefix = `a${labelValue}-`;
	const loadAtStart = loadavg();
	console.log(`Side-by-side bench: ${count} running containers (label dockpit.bench=${labelValue})…`);
	const peer = installDockly();
	if (!peer.ok) console.log(`dockly skipped: ${peer.why}.`);
	// dockpit's code cache (source/app/launcher.ts) in a folder of the bench's own, not the user's.
	const cacheHome = mkdtempSync(path.join(tmpdir(), 'dockpit-bench-cache-'));
	process.once('exit', () => rmSync(cacheHome, {recursive: true, force: true}));
	// The Ink floor's bundle (bench/flood-keys.ts).
	const floorFolder = mkdtempSync(path.join(tmpdir(), 'dockpit-bench-ink-floor-'));
	process.once('exit', () => rmSync(floorFolder, {recursive: true, force: true}));
	const tools: Tool[] = [
		{
			name: 'dockpit',
			start: (cols, rows, env) => startDockpit({cols, rows, env: {XDG_CACHE_HOME: cacheHome, ...env}}),
			// Scoped to the bench's label, where the flood sorts first; unscoped, another running container
			// on a shared engine could.
			startForFlood: (cols, rows) =>
				startDockpit({cols, rows, args: ['--filter', `label=dockpit.bench=${labelValue}`], env: {XDG_CACHE_HOME: cacheHome}}),
			logKeys: ['l'],
			toggle: {key: 't', shown: (screen) => new RegExp(timestampShown).test(screen)},
			lightFlood: (floodName) => ({
				command: [CLI_PATH, '--filter', `label=dockpit.bench=${labelValue}`],
				env: {XDG_CACHE_HOME: cacheHome},
				steps: [{waitFor: floodName}, {send: 'l'}, {waitFor: String.raw`flood \d+ the quick`}],
				key: 't',
				on: timestampShown,
				traced: true,
			}),
		},
	];
	if (peer.ok) {
		tools.push({
			name: 'dockly',
			start: (cols, rows) => startDockpit({command: [process.execPath, peer.entry], cols, rows}),
			// dockly lists the newest container first: the flood, made last.
			startForFlood: (cols, rows) => startDockpit({command: [process.execPath, peer.entry], cols, rows}),
			logKeys: ['enter'],
			toggle: {key: 'h', shown: (screen) => screen.includes('Dockly Help')},
			lightFlood: (floodName) => ({
				command: [process.execPath, peer.entry],
				steps: [{waitFor: floodName}, {send: '\r'}],
				key: 'h',
				on: 'Dockly Help',
			}),
		});
	}

	const results = new Map<string, Map<string, string>>();
	const figure = (tool: string, key: string, value: string) => {
		if (!results.has(key)) results.set(key, new Map());
		results.get(key)!.set(tool, value);
	};
	const numbers = new Map<string, Map<string, number>>();
	const keep = (tool: string, key: string, value: number) => {
		if (!numbers.has(key)) numbers.set(key, new Map());
		numbers.get(key)!.set(tool, value);
	};

	try {
		await inBatches(count, 6, (index) => createRunning(`${prefix}f${String(index).padStart(3, '0')}`));
		// Start-up figures are taken once the engine has finished starting the fleet.
		console.log(`  machine before the start-up figures: ${await waitForQuiet()}`);
		const nodeFloor = timeCommand(process.execPath, ['-e', ''], 7);
		const psFloor = timeCommand('docker', ['ps', '-a'], 7);
		let traceLine = '';
		for (const tool of tools) {
			const dockpit = tool.name === 'dockpit';
			if (dockpit) {
				// A first start after installing or upgrading: no code cache yet (a new empty folder each time).
				await attempt(tool.name, 'first start, no code cache ×3', async () => {
					const times: number[] = [];
					for (let run = 0; run < 3; run++) {
						const empty = mkdtempSync(path.join(tmpdir(), 'dockpit-bench-nocache-'));
						try {
							times.push(...(await startToFirstFrame(tool, prefix, false, {XDG_CACHE_HOME: empty}, 1)).times);
						} finally {
							rmSync(empty, {recursive: true, force: true});
						}
					}

					keep(tool.name, 'firstStart', median(times));
					return `median ${fmt(median(times))} (${times.map((time) => time.toFixed(0)).join(', ')})`;
				});
				// Every later start runs from the cache the first one saves a few seconds after its first frame.
				const session = await tool.start(200, 50);
				try {
					await session.waitForText(fleetRow(prefix), {timeout: 60_000});
					await waitFor(
						() => existsSync(cacheHome) && readdirSync(path.join(cacheHome, 'dockpit')).some((name) => name.startsWith('code-')),
						{
							timeout: 15_000,
							what: "dockpit's code cache written",
						},
					).catch(() => undefined);
				} finally {
					await session.close();
				}
			}

			await attempt(tool.name, `start-up ×${startRuns}`, async () => {
				const {times, marks} = await startToFirstFrame(tool, prefix, dockpit);
				keep(tool.name, 'start', median(times));
				if (marks.length > 0) {
					const names = Object.keys(marks[0]!).filter((name) => typeof marks[0]![name] === 'number');
					traceLine = names
						.map((name) => `${name} ${fmt(median(marks.map((mark) => Number(mark[name] ?? Number.NaN))))}`)
						.join(', ');
					traceLine += `; code cache: ${[...new Set(marks.map((mark) => String(mark['codeCache'])))].join(', ')}`;
				}

				return `median ${fmt(median(times))} (${times.map((time) => time.toFixed(0)).join(', ')})`;
			});
			await attempt(tool.name, 'external docker run ×10', async () => {
				const run = await runToRow(tool, prefix, labelValue, 10);
				keep(tool.name, 'run', run.afterEvent.length > 0 ? percentile(run.afterEvent, 95) : Number.POSITIVE_INFINITY);
				keep(tool.name, 'runCommand', median(run.command));
				if (run.missed > 0) figure(tool.name, 'runMissed', `${run.missed} of 10 never shown within 5 s`);
				return `p95 ${fmt(percentile(run.afterEvent, 95))} after the start event, ${run.missed} missed`;
			});
		}

		let fleetAge = '';
		await attempt(tools.map((tool) => tool.name).join(' and '), `idle ${idleSeconds} s, side by side`, async () => {
			const createdAt = (await docker.listContainers({filters: {label: [`dockpit.bench=${labelValue}`]}})).map(
				(row) => row.Created * 1000,
			);
			const youngest = Math.max(...createdAt);
			await delay(Math.max(0, youngest + (idleFleetAge - settleSeconds) * 1000 - Date.now()));
			const idle = await idleFigures(tools, prefix);
			const ages = createdAt.map((at) => (Date.now() - at) / 1000);
			fleetAge = `${Math.round(Math.min(...ages) - idleSeconds)}–${Math.round(Math.max(...ages))} s old`;
			for (const [name, {cpu, rss}] of idle) {
				keep(name, 'cpu', cpu);
				keep(name, 'rss', rss);
			}

			return [...idle].map(([name, {cpu, rss}]) => `${name} ${fmt(cpu, ' %', 2)}, ${fmt(rss, ' MB')}`).join('; ');
		});

		// dockpit's own idle cost, without the stats streams its CPU/MEM columns keep open (one per running row on
		// screen, about one sample a second each): the same 60 s, dockpit alone, columns off with M.
		const dockpitTool = tools.find((tool) => tool.name === 'dockpit');
		if (dockpitTool) {
			await attempt('dockpit', `idle ${idleSeconds} s alone, CPU/MEM columns off (M)`, async () => {
				const idle = (await idleFigures([dockpitTool], prefix, ['M'])).get('dockpit')!;
				keep('dockpit', 'cpuBare', idle.cpu);
				keep('dockpit', 'rssBare', idle.rss);
				return `${fmt(idle.cpu, ' %', 2)}, ${fmt(idle.rss, ' MB')}`;
			});
		}

		// The flood: written by a container that sorts first in both tools, so it is the selected row.
		const floodName = `${prefix}d-flood`;
		const flood = await docker.createContainer({
			name: floodName,
			Image: TEST_IMAGE,
			Cmd: ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo "flood $i the quick brown fox jumps over the lazy dog"; done'],
			Labels: {'dockpit.bench': labelValue},
			StopTimeout: 1,
			HostConfig: {LogConfig: {Type: 'json-file', Config: {'max-size': '50m', 'max-file': '1'}}},
		});
		await flood.start();
		const floors = [
			{name: 'floor', what: 'a program that only answers keys', floor: async () => keyEcho()},
			{name: 'inkFloor', what: 'Ink alone drawing the same lines', floor: async () => inkFloor(floorFolder)},
		];
		for (const {name, what, floor} of floors) {
			await attempt(what, 'key presses under the log flood (floor)', async () => {
				const figures = await floorLatency(await floor());
				keep(name, 'flood', figures.p95);
				keep(name, 'floodMedian', figures.median);
				keep(name, 'floodLight', figures.light.p95);
				keep(name, 'floodLightMedian', figures.light.median);
				return `p95 ${fmt(figures.p95)}, median ${fmt(figures.median)}; read by a terminal that only reads: p95 ${fmt(figures.light.p95)}, median ${fmt(figures.light.median)}${slowestText(figures.light.slowest)}`;
			});
		}
		for (const tool of tools) {
			await attempt(tool.name, 'key presses under a log flood', async () => {
				const result = await floodLatency(tool, floodName);
				keep(tool.name, 'flood', result.p95);
				keep(tool.name, 'floodMedian', result.median);
				keep(tool.name, 'floodLight', result.light.p95);
				keep(tool.name, 'floodLightMedian', result.light.median);
				keep(tool.name, 'floodRss', Math.max(...result.rss));
				if (!result.logsShown) figure(tool.name, 'floodHidden', 'its logs pane never showed the flood');
				return `p95 ${fmt(result.p95)}, median ${fmt(result.median)}, RSS up to ${fmt(Math.max(...result.rss), ' MB')}; read by a terminal that only reads: p95 ${fmt(result.light.p95)}, median ${fmt(result.light.median)}${slowestText(result.light.slowest)}`;
			});
		}

		const get = (key: string, tool: string) => numbers.get(key)?.get(tool);
		const rows: Row[] = [
			{
				figure: `start to first frame, ${count} running, 200×50 (median of ${startRuns})`,
				dockpit: fmt(get('start', 'dockpit')),
				dockly: fmt(get('start', 'dockly')),
				floor: `node -e '' ${fmt(nodeFloor)}; docker ps -a ${fmt(psFloor)}`,
				ratio: ratio(get('start', 'dockpit'), get('start', 'dockly')),
				target: '≤ 350 ms and ≤ 0.5× dockly',
				met: met(
					get('start', 'dockpit')! <= 350 &&
						(get('start', 'dockly') === undefined || get('start', 'dockpit')! <= 0.5 * get('start', 'dockly')!),
				),
			},
			{
				figure: `first start after installing, no code cache yet (median of 3)`,
				dockpit: fmt(get('firstStart', 'dockpit')),
				dockly: '',
				floor: '',
				ratio: ratio(get('firstStart', 'dockpit'), get('start', 'dockly')),
				target: 'none (the start above is with it)',
				met: '',
			},
			{
				figure: `CPU at idle over ${idleSeconds} s${tools.length > 1 ? ', both at once' : ''}, containers ${fleetAge}, dockpit's CPU/MEM columns on (default)`,
				dockpit: fmt(get('cpu', 'dockpit'), ' %', 2),
				dockly: fmt(get('cpu', 'dockly'), ' %', 2),
				floor: '',
				ratio: ratio(get('cpu', 'dockpit'), get('cpu', 'dockly')),
				target: '< 0.5 % of one core',
				met: met(get('cpu', 'dockpit')! < 0.5),
			},
			{
				figure: `CPU at idle over ${idleSeconds} s, dockpit alone, CPU/MEM columns off (M), RSS ${fmt(get('rssBare', 'dockpit'), ' MB')}`,
				dockpit: fmt(get('cpuBare', 'dockpit'), ' %', 2),
				dockly: '—',
				floor: '',
				ratio: '',
				target: '< 0.5 % of one core',
				met: met(get('cpuBare', 'dockpit')! < 0.5),
			},
			{
				figure: 'RSS at idle',
				dockpit: fmt(get('rss', 'dockpit'), ' MB'),
				dockly: fmt(get('rss', 'dockly'), ' MB'),
				floor: '',
				ratio: ratio(get('rss', 'dockpit'), get('rss', 'dockly')),
				target: '≤ 80 MB',
				met: met(get('rss', 'dockpit')! <= 80),
			},
			{
				figure: `key press to screen, log flood, 160×45 (p95 of ${floodPresses}; median)`,
				dockpit: `${fmt(get('flood', 'dockpit'))}; ${fmt(get('floodMedian', 'dockpit'))}`,
				dockly: peer.ok
					? `${fmt(get('flood', 'dockly'))}; ${fmt(get('floodMedian', 'dockly'))}` +
						(results.get('floodHidden')?.get('dockly') ? ` (${results.get('floodHidden')!.get('dockly')})` : '')
					: '—',
				floor: `a program that only answers the key: p95 ${fmt(get('flood', 'floor'))}; ${fmt(get('floodMedian', 'floor'))}. Ink alone drawing the same lines: p95 ${fmt(get('flood', 'inkFloor'))}; ${fmt(get('floodMedian', 'inkFloor'))}`,
				ratio: ratio(get('flood', 'dockpit'), get('flood', 'dockly')),
				target: 'p95 < 50 ms',
				met: met(get('flood', 'dockpit')! < 50),
			},
			{
				figure: `the same, read by a terminal that only reads (bench/key-reader.mjs; p95 of the ${floodPresses} presses that turn it on; median)`,
				dockpit: `${fmt(get('floodLight', 'dockpit'))}; ${fmt(get('floodLightMedian', 'dockpit'))}`,
				dockly: peer.ok ? `${fmt(get('floodLight', 'dockly'))}; ${fmt(get('floodLightMedian', 'dockly'))}` : '—',
				floor: `the program that only answers: p95 ${fmt(get('floodLight', 'floor'))}; ${fmt(get('floodLightMedian', 'floor'))}. Ink alone: p95 ${fmt(get('floodLight', 'inkFloor'))}; ${fmt(get('floodLightMedian', 'inkFloor'))}`,
				ratio: ratio(get('floodLight', 'dockpit'), get('floodLight', 'dockly')),
				target: 'none (the row above is the target; this one leaves out the harness, short of CPU itself)',
				met: '',
			},
			{
				figure: 'RSS under the flood (highest seen)',
				dockpit: fmt(get('floodRss', 'dockpit'), ' MB'),
				dockly: fmt(get('floodRss', 'dockly'), ' MB'),
				floor: '',
				ratio: ratio(get('floodRss', 'dockpit'), get('floodRss', 'dockly')),
				target: '< 150 MB',
				met: met(get('floodRss', 'dockpit')! < 150),
			},
			{
				figure: 'external docker run: start event to its row (p95 of 10)',
				dockpit:
					fmt(get('run', 'dockpit')) +
					(results.get('runMissed')?.get('dockpit') ? ` (${results.get('runMissed')!.get('dockpit')})` : ''),
				dockly: peer.ok
					? fmt(get('run', 'dockly')) +
						(results.get('runMissed')?.get('dockly') ? ` (${results.get('runMissed')!.get('dockly')})` : '')
					: '—',
				floor: `docker run itself ${fmt(get('runCommand', 'dockpit'))}`,
				ratio: ratio(get('run', 'dockpit'), get('run', 'dockly')),
				target: '≤ 100 ms after the start event',
				met: met(get('run', 'dockpit')! <= 100),
			},
		];
		console.log('');
		printTable(rows, peer.ok ? undefined : 'dockly was skipped (see above)', loadAtStart);
		if (traceLine) console.log(`dockpit start-up marks (median, ms since process start): ${traceLine}`);
	} finally {
		await removeLabelled(`dockpit.bench=${labelValue}`);
		if (peer.ok) peer.remove();
	}
}

const ratio = (ours: number | undefined, theirs: number | undefined): string =>
	ours === undefined || theirs === undefined || !Number.isFinite(theirs) || theirs === 0
		? theirs !== undefined && !Number.isFinite(theirs)
			? '∞ better'
			: '—'
		: `${(ours / theirs).toFixed(2)}×`;

const met = (ok: boolean): string => (ok ? 'yes' : 'no');

/** Runs one measurement and prints its result; a failure is printed and leaves that figure empty ("—"). */
async function attempt(tool: string, what: string, measure: () => Promise<string>): Promise<void> {
	console.log(`  ${tool}: ${what}…`);
	try {
		console.log(`  ${tool}: ${what}: ${await measure()}`);
	} catch (error) {
		console.log(`  ${tool}: ${what} failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
	}
}
