// Several engines in one view, from a real run: the shared engine and a private second dockerd
// (test/helpers/second-engine.ts: its own socket, data, pidfile and bridge; docker0 checked after), each
// named by a docker context, a few labelled containers on each, and dockpit given both contexts. The second
// daemon and every container made here are always removed again.
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {contextId} from '../source/docker/connect/endpoint.js';
import {TEST_IMAGE} from '../test/helpers/engine-status.js';
import {startDockpit, type Session} from '../test/helpers/pty.js';
import {startSecondEngine, type SecondEngine} from '../test/helpers/second-engine.js';
import {COLS, ROWS, steady, type Camera} from './shot-tools.js';

const LABEL = 'dockpit.shots=engines';
const onMain = ['shop-web-1', 'shop-api-1', 'shop-db-1'];
const onSecond = ['staging-web-1', 'staging-api-1', 'staging-db-1'];

/** A docker context named `name` for `host`, in the CLI's own layout under `home`. */
function writeContext(home: string, name: string, host: string): void {
	const meta = path.join(home, '.docker', 'contexts', 'meta', contextId(name));
	mkdirSync(meta, {recursive: true});
	writeFileSync(path.join(meta, 'meta.json'), JSON.stringify({Name: name, Endpoints: {docker: {Host: host}}}));
}

/** The docker CLI against the local engine (setting up and taking down only; dockpit itself uses the API). */
const mainDocker = (...args: string[]): string =>
	execFileSync('docker', args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}).trim();

function runOn(docker: (...args: string[]) => string, names: readonly string[]): void {
	for (const name of names) {
		const command = name.endsWith('db-1') ? 'sleep 3600' : 'httpd -f -p 8080 -h /';
		docker('run', '-d', '--name', name, '--label', LABEL, TEST_IMAGE, 'sh', '-c', `exec ${command}`);
	}
}

/** Starts the second engine, shoots the merged list with its ENGINE column, and takes everything down. */
export async function enginesShots(camera: Camera, cli: string): Promise<void> {
	console.log('\nStarting a private second dockerd (test/helpers/second-engine.ts):');
	let second: SecondEngine | undefined;
	let session: Session | undefined;
	const home = mkdtempSync(path.join(os.tmpdir(), 'dockpit-shots-home-'));
	try {
		second = await startSecondEngine('shots', 'dpshots0');
		writeContext(home, 'production', 'unix:///var/run/docker.sock');
		writeContext(home, 'staging', second.host);
		runOn(mainDocker, onMain);
		runOn(second.docker, onSecond);
		console.log(`Running dockpit --context production --context staging at ${COLS}x${ROWS}:`);
		session = await startDockpit({
			command: [cli],
			args: ['--context', 'production', '--context', 'staging', '--filter', `label=${LABEL}`],
			env: {HOME: home, DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined, DOCKER_CONFIG: undefined},
			cols: COLS,
			rows: ROWS,
		});
		const everyRow = [...onMain, ...onSecond];
		await session.waitForScreen((screen) => screen.includes('ENGINE') && everyRow.every((name) => screen.includes(name)), {
			timeout: 30_000,
			what: 'both engines’ containers in one list',
		});
		// CPU and MEM figures on every row, from each container's own engine.
		await session.waitForScreen((screen) => !/ — {2}/.test(screen), {timeout: 30_000, what: 'every row’s CPU and MEM figures'});
		await steady(session);
		camera.shoot(session, 'engines', 'dockpit — two engines in one list, with the ENGINE column');
		await session.press('q');
		await session.exited;
	} finally {
		await session?.close();
		for (const name of onMain) {
			try {
				mainDocker('rm', '-f', name);
			} catch {
				// Not made, or gone already.
			}
		}

		rmSync(home, {recursive: true, force: true});
		console.log('Stopping the second dockerd.');
		await second?.stop();
	}
}
