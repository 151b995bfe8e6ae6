// Hand-made domain values for unit and component tests: a container with sensible defaults, and
// app states built through the real reducers.
import {appReducer, initialAppState, type AppAction, type AppState} from '../../source/state/core/app.js';
import type {Container} from '../../source/state/core/model.js';

/** A fixed clock, so relative texts in tests never depend on when they run. */
export const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

const MINUTE = 60_000;

let serial = 0;

/** A running container, created an hour before NOW; override any field. */
export function makeContainer(overrides: Partial<Container> = {}): Container {
	serial++;
	const id = overrides.id ?? `${String(serial).padStart(4, '0')}${'ab'.repeat(30)}`;
	return {
		id,
		name: `container-${serial}`,
		image: 'dockpit-test/busybox:latest',
		command: 'sleep 3600',
		state: 'running',
		startedAt: NOW - 3 * 60_000,
		timesExact: true,
		createdAt: NOW - 60 * 60_000,
		ports: [],
		labels: {},
		...overrides,
	};
}

/** web and db running, batch exited (137): times relative to the real clock, for tests that render the App (it reads Date.now). */
export function liveFleet(): Container[] {
	const now = Date.now();
	const createdAt = now - 2 * 60 * MINUTE;
	return [
		makeContainer({
			id: 'a'.repeat(64),
			name: 'web',
			image: 'nginx:1.27',
			state: 'running',
			startedAt: now - 3 * MINUTE,
			createdAt,
		}),
		makeContainer({
			id: 'b'.repeat(64),
			name: 'db',
			image: 'postgres:16',
			state: 'running',
			startedAt: now - 90 * MINUTE,
			createdAt,
		}),
		makeContainer({
			id: 'c'.repeat(64),
			name: 'batch',
			image: 'dockpit-test/busybox:latest',
			state: 'exited',
			exitCode: 137,
			finishedAt: now - 5 * MINUTE,
			createdAt,
		}),
	];
}

/** An app state after a snapshot of these containers and then the given actions. */
export function stateWith(containers: readonly Container[], ...actions: AppAction[]): AppState {
	let state = appReducer(initialAppState({endpoint: 'unix:///var/run/docker.sock', scope: []}), {
		type: 'containers/snapshot',
		containers,
	});
	for (const action of actions) state = appReducer(state, action);
	return state;
}

/** A small deterministic random source (mulberry32), so sampled tests are repeatable. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}
