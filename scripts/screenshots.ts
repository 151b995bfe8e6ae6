// npm run screenshots: brings the demo fleet up, runs the built CLI in a real pseudo-terminal scoped to
// it, drives it with key presses as a user would, and writes what the terminal shows into screenshots/
// as SVG (see terminal-svg.ts). Nothing is drawn by hand: every picture is the terminal's own cells.
import {chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import Docker from 'dockerode';
import {REPO_ROOT, isCursorHidden, startDockpit, type Session} from '../test/helpers/pty.js';
import {DEMO_FILTER, demoDown, demoUp} from './demo-fleet.js';
import {terminalSvg} from './terminal-svg.js';

const COLS = 120;
const ROWS = 32;
const OUT_DIR = path.join(REPO_ROOT, 'screenshots');
const keep = process.argv.includes('--keep');

const docker = new Docker();
const written: string[] = [];

function shoot(session: Session, name: string, title: string): void {
	const file = path.join(OUT_DIR, `${name}.svg`);
	writeFileSync(file, terminalSvg(session.terminal, {title, cursor: !isCursorHidden(session)}));
	written.push(path.relative(REPO_ROOT, file));
	console.log(`  wrote ${path.relative(REPO_ROOT, file)}`);
}

/** Moves the list's selection (the row marked ▶) onto the row naming `name`, counting rows on screen. */
async function select(session: Session, name: string): Promise<void> {
	await session.settled();
	// Each row starts with the mark gutter (one column), then the selection marker.
	const lines = session
		.screen()
		.split('\n')
		.map((line) => line.slice(1));
	const from = lines.findIndex((line) => line.startsWith('▶'));
	const to = lines.findIndex((line) => line.slice(2).startsWith(`${name} `));
	if (from < 0 || to < 0) throw new Error(`no row for ${name} (or no selection) on the screen:\n${session.screen()}`);
	const key = to > from ? 'j' : 'k';
	for (let step = 0; step < Math.abs(to - from); step++) await session.press(key);
	await session.waitForScreen((screen) => screen.split('\n').some((line) => line.slice(1).startsWith(`▶ ${name} `)), {
		what: `${name} selected`,
	});
}

/** A screen that has stayed the same for `quiet` ms: spinners and counters have settled. */
async function steady(session: Session, quiet = 400, timeout = 5000): Promise<void> {
	const deadline = Date.now() + timeout;
	let last = '';
	let since = Date.now();
	while (Date.now() < deadline) {
		await session.settled();
		const screen = session.screen();
		if (screen !== last) {
			last = screen;
			since = Date.now();
		} else if (Date.now() - since >= quiet) {
			return;
		}

		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

mkdirSync(OUT_DIR, {recursive: true});
// A private copy of the build: another `npm run build` (which empties dist/) cannot pull the chunks
// out from under the running program. Inside node_modules, so the bundle's externals (ssh2) resolve.
const cacheDir = path.join(REPO_ROOT, 'node_modules', '.cache');
mkdirSync(cacheDir, {recursive: true});
const buildCopy = mkdtempSync(path.join(cacheDir, 'dockpit-screenshots-'));
cpSync(path.join(REPO_ROOT, 'dist'), buildCopy, {recursive: true});
chmodSync(path.join(buildCopy, 'cli.js'), 0o755);

console.log('Bringing the demo fleet up:');
await demoUp(docker, (line) => console.log(`  ${line}`));
console.log(`\nRunning dockpit --filter ${DEMO_FILTER} at ${COLS}x${ROWS}:`);

const session = await startDockpit({
	// The built file runs itself, as the installed command does: its shebang carries the heap flags.
	command: [path.join(buildCopy, 'cli.js')],
	args: ['--filter', DEMO_FILTER],
	cols: COLS,
	rows: ROWS,
	keyGap: 60,
});

try {
	// The dashboard, once every container is listed and the busy loop's status has settled.
	await session.waitForText('dockpit-demo-migrate', {timeout: 20_000});
	await session.waitForText(/Exited \(3\)/);
	await select(session, 'shop-api-1');
	await steady(session);
	shoot(session, 'dashboard', 'dockpit — containers');

	// Logs of the chatty logger, with a search that hits.
	await select(session, 'dockpit-demo-logger');
	await session.press('l');
	await session.waitForText('/api/orders/');
	await session.waitForScreen((screen) => screen.split('timeout').length > 3, {timeout: 40_000, what: 'three timeouts'});
	await session.press('/');
	await session.type('timeout');
	await session.press('enter');
	await session.waitForText(/\d+\/\d+/);
	await steady(session, 300);
	shoot(session, 'logs-search', 'dockpit — logs, searching for "timeout"');
	await session.press('escape', 'escape');
	await session.waitForScreen((screen) => !screen.includes('/api/orders/'), {what: 'the logs pane closed'});

	// The stats tab of the busy loop, once a few samples have drawn sparklines.
	await select(session, 'dockpit-demo-busy');
	await session.press('i');
	await session.waitForText('Inspect');
	for (let tab = 0; tab < 5; tab++) await session.press('tab');
	await session.waitForText(/CPU\s+\d/, {timeout: 15_000});
	await session.waitForText(/([89]|\d\d) readings/, {timeout: 30_000});
	shoot(session, 'stats', 'dockpit — details, stats tab');
	await session.press('escape');
	await session.waitForScreen((screen) => !/CPU\s+\d/.test(screen), {what: 'the details panel closed'});

	// The help overlay.
	await session.press('?');
	await session.waitForText('Keys (');
	await steady(session);
	shoot(session, 'help', 'dockpit — help');
	await session.press('?');
	await session.waitForScreen((screen) => !screen.includes('Keys ('), {what: 'the help closed'});

	// The images pane: the demo's tags and the dangling build they replaced.
	await session.press('2');
	await session.waitForText('dockpit-demo/shop-api');
	await steady(session);
	shoot(session, 'images', 'dockpit — images');
	await session.press('1');
	await session.waitForText('dockpit-demo-migrate');

	// The prune preview with stopped containers and dangling images; closed with n, so nothing is removed.
	await session.press('P');
	await session.waitForText(/Will remove \d+ items?/, {timeout: 20_000});
	await session.press('i');
	await session.waitForText('[x] i dangling');
	await session.waitForText(/Will remove [2-9] items/, {timeout: 20_000});
	await steady(session);
	shoot(session, 'prune-preview', 'dockpit — prune preview');
	await session.press('n');
	await session.waitForScreen((screen) => !screen.includes('Clean up'), {what: 'the prune dialog closed'});

	// A shell inside the api service, after a command or two.
	await select(session, 'shop-api-1');
	await session.press('x');
	await session.waitForText('#', {timeout: 15_000});
	await session.type('hostname; echo $DATABASE_URL; ps\r');
	await session.waitForText('httpd -f -v -p 8080');
	await steady(session);
	shoot(session, 'exec-shell', 'dockpit — shell in shop-api-1');
	await session.type('exit\r');
	await session.waitForText('shop-api-1', {timeout: 15_000});

	await session.press('q');
	await session.exited;
} finally {
	await session.close();
	rmSync(buildCopy, {recursive: true, force: true});
	if (!keep) {
		console.log('\nRemoving the demo fleet (pass --keep to leave it up):');
		await demoDown(docker, (line) => console.log(`  ${line}`));
	}
}

console.log(`\n${written.length} screenshots in screenshots/.`);
process.exit(0);
