// The shots of the demo fleet (demo-fleet.ts) on the local engine: the grouped list with its CPU and
// memory figures, logs with a search, the stats tab, help, images, the events of a restart, the prune
// preview and a shell. The fleet is brought up first and removed afterwards (unless kept).
import type Docker from 'dockerode';
import {startDockpit, type Session} from '../test/helpers/pty.js';
import {DEMO_FILTER, demoDown, demoUp} from './demo-fleet.js';
import {waitFor} from '../test/helpers/wait.js';
import {COLS, ROWS, rowWith, select, steady, type Camera} from './shot-tools.js';

/** Rows of running containers whose CPU % or MEM / LIMIT cell still waits for a figure (shows —). */
const waitingRows = (screen: string) =>
	screen.split('\n').filter((line) => / running /.test(line) && !line.includes(' project ') && line.includes('—'));

/** Back to pane 1, once its own header is drawn (other panes name containers too). */
async function containersPane(session: Session): Promise<void> {
	await session.press('1');
	await session.waitForText(/NAME +IMAGE +STATE/);
}

async function dashboard(session: Session, camera: Camera): Promise<void> {
	// Every container listed under its project, the job's exit settled, and a figure in every cell.
	await session.waitForText('shop-migrate-1', {timeout: 20_000});
	await session.waitForText(/Exited \(3\)/);
	await session.waitForText('▾ blog');
	await session.waitForScreen((screen) => waitingRows(screen).length === 0 && /dockpit-demo-busy .* [1-9]\d?\.\d%/.test(screen), {
		timeout: 30_000,
		what: 'a CPU and memory figure on every running row',
	});
	await select(session, 'shop-worker-1');
	await steady(session);
	camera.shoot(session, 'dashboard', 'dockpit — containers, grouped by compose project');
}

async function logsSearch(session: Session, camera: Camera): Promise<void> {
	await select(session, 'dockpit-demo-logger');
	await session.press('l');
	await session.waitForText('/api/orders/');
	await session.waitForScreen((screen) => screen.split('timeout').length > 3, {timeout: 40_000, what: 'three timeouts'});
	await session.press('/');
	await session.type('timeout');
	await session.press('enter');
	await session.waitForText(/\d+\/\d+/);
	await steady(session, 300);
	camera.shoot(session, 'logs-search', 'dockpit — logs, searching for "timeout"');
	// Esc ends the search, hands the keys back to the list, then closes the pane: as many as it takes.
	await waitFor(
		async () => {
			await session.press('escape');
			await session.settled();
			return !session.screen().includes('/api/orders/');
		},
		{timeout: 10_000, interval: 300, what: 'the logs pane closed'},
	);
}

async function stats(session: Session, camera: Camera): Promise<void> {
	// The stats tab of the busy loop, once a few samples have drawn sparklines.
	await select(session, 'dockpit-demo-busy');
	await session.press('i');
	await session.waitForText('Inspect');
	for (let tab = 0; tab < 5; tab++) await session.press('tab');
	await session.waitForText(/CPU\s+\d/, {timeout: 15_000});
	await session.waitForText(/([89]|\d\d) readings/, {timeout: 30_000});
	camera.shoot(session, 'stats', 'dockpit — details, stats tab');
	await session.press('escape');
	await session.waitForScreen((screen) => !/CPU\s+\d/.test(screen), {what: 'the details panel closed'});
}

async function help(session: Session, camera: Camera): Promise<void> {
	await session.press('?');
	await session.waitForText('Keys (');
	await steady(session);
	camera.shoot(session, 'help', 'dockpit — help');
	await session.press('?');
	await session.waitForScreen((screen) => !screen.includes('Keys ('), {what: 'the help closed'});
}

async function images(session: Session, camera: Camera): Promise<void> {
	// The demo's tags and the dangling build they replaced.
	await session.press('2');
	await session.waitForText('dockpit-demo/shop-api');
	await steady(session);
	camera.shoot(session, 'images', 'dockpit — images');
	await containersPane(session);
}

async function events(session: Session, camera: Camera, docker: Docker): Promise<void> {
	// Restart two containers from the list, then read what the engine reported about it in pane 5.
	const restarted = ['shop-web-1', 'dockpit-demo-logger'];
	for (const name of restarted) {
		const startedAt = async () => (await docker.getContainer(name).inspect()).State.StartedAt;
		const before = await startedAt();
		await select(session, name);
		await session.press('r');
		await waitFor(async () => (await startedAt()) !== before, {timeout: 20_000, interval: 200, what: `${name} restarted`});
		// The list may still show it exited (and sorted lower) until the start event arrives.
		await session.waitForScreen((screen) => / running /.test(rowWith(screen, ` ${name} `)), {
			timeout: 20_000,
			what: `${name} running again in the list`,
		});
	}

	await session.press('5');
	const listed = (screen: string) =>
		restarted.every((name) => screen.split('\n').some((line) => /\brestart\b/.test(line) && line.includes(name)));
	await session.waitForScreen(listed, {timeout: 20_000, what: 'the restart events of both containers'});
	await steady(session);
	camera.shoot(session, 'events', 'dockpit — events, after two restarts');
	await containersPane(session);
}

async function prunePreview(session: Session, camera: Camera): Promise<void> {
	// Stopped containers and dangling images; closed with n, so nothing is removed.
	await session.press('P');
	await session.waitForText(/Will remove \d+ items?/, {timeout: 20_000});
	await session.press('i');
	await session.waitForText('[x] i dangling');
	await session.waitForText(/Will remove [2-9] items/, {timeout: 20_000});
	await steady(session);
	camera.shoot(session, 'prune-preview', 'dockpit — prune preview');
	await session.press('n');
	await session.waitForScreen((screen) => !screen.includes('Clean up'), {what: 'the prune dialog closed'});
}

async function execShell(session: Session, camera: Camera): Promise<void> {
	// A shell inside the api service, after a command or two.
	await select(session, 'shop-api-1');
	await session.press('x');
	await session.waitForText('#', {timeout: 15_000});
	await session.type('hostname; echo $DATABASE_URL; ps\r');
	await session.waitForText('httpd -f -v -p 8080');
	await steady(session);
	camera.shoot(session, 'exec-shell', 'dockpit — shell in shop-api-1');
	await session.type('exit\r');
	await session.waitForText('shop-api-1', {timeout: 15_000});
}

/** Brings the demo fleet up, takes its shots with the CLI at `cli`, and removes the fleet unless `keep`. */
export async function fleetShots(docker: Docker, camera: Camera, cli: string, keep: boolean): Promise<void> {
	console.log('Bringing the demo fleet up:');
	await demoUp(docker, (line) => console.log(`  ${line}`));
	console.log(`\nRunning dockpit --filter ${DEMO_FILTER} at ${COLS}x${ROWS}:`);
	let session: Session | undefined;
	try {
		session = await startDockpit({command: [cli], args: ['--filter', DEMO_FILTER], cols: COLS, rows: ROWS, keyGap: 60});
		for (const scene of [dashboard, logsSearch, stats, help, images, events, prunePreview, execShell]) {
			await scene(session, camera, docker);
		}

		await session.press('q');
		await session.exited;
	} finally {
		await session?.close();
		if (!keep) {
			console.log('\nRemoving the demo fleet (pass --keep to leave it up):');
			await demoDown(docker, (line) => console.log(`  ${line}`));
		}
	}
}
