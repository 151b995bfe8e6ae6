// The tests' hold on the real engine: a per-run label that scopes everything the tests create (and
// what dockpit is shown), helpers to create, inspect and remove those containers, and engineSuite,
// which runs a suite only when an engine is usable and says why when it is not.
import {randomBytes} from 'node:crypto';
import {after, describe, it} from 'node:test';
import Docker from 'dockerode';
import {TEST_IMAGE, engineStatus, httpStatus, type EngineStatus} from './engine-status.js';

export {TEST_IMAGE, engineAddress, engineStatus, type EngineStatus} from './engine-status.js';
export {waitFor, type WaitOptions} from './wait.js';

/** Checked once per test file, before any suite is declared. */
export const ENGINE: EngineStatus = await engineStatus();

const runId = `${Date.now().toString(36)}-${process.pid}-${randomBytes(3).toString('hex')}`;

export const RUN_LABEL = {key: 'dockpit.test', value: runId} as const;

/** Pass as `--filter` to dockpit so it sees only this run's containers. */
export const SCOPE_FILTER = `label=${RUN_LABEL.key}=${RUN_LABEL.value}`;

/** For assertions about what the engine really holds. */
export const docker = new Docker();

/** Short, so it fits in a dashboard column, and random, so runs never collide. */
export function uniqueName(prefix: string): string {
	const safe = prefix.replaceAll(/[^\w.-]/g, '-');
	return `${safe}-${randomBytes(3).toString('hex')}`;
}

export type CreateContainerOptions = {
	readonly name?: string;
	/** Defaults to `sleep 3600`. */
	readonly cmd?: readonly string[];
	/** Start it after creating it (default true). */
	readonly start?: boolean;
	readonly tty?: boolean;
	readonly env?: Readonly<Record<string, string>>;
	/** Added to the run label, which is always present. */
	readonly labels?: Readonly<Record<string, string>>;
	/**
	 * Seconds the engine waits after SIGTERM before SIGKILL (default 1). PID 1 ignores SIGTERM
	 * unless it handles it, so `sleep` would otherwise take the engine's 10 s to stop.
	 */
	readonly stopTimeout?: number;
};

export type CreatedContainer = {
	readonly id: string;
	readonly name: string;
	readonly container: Docker.Container;
};

export async function createContainer(options: CreateContainerOptions = {}): Promise<CreatedContainer> {
	const name = options.name ?? uniqueName('dockpit-test');
	const container = await docker.createContainer({
		name,
		Image: TEST_IMAGE,
		Cmd: [...(options.cmd ?? ['sleep', '3600'])],
		Tty: options.tty ?? false,
		Env: Object.entries(options.env ?? {}).map(([key, value]) => `${key}=${value}`),
		Labels: {...options.labels, [RUN_LABEL.key]: RUN_LABEL.value},
		StopTimeout: options.stopTimeout ?? 1,
	});
	if (options.start ?? true) await container.start();
	return {id: container.id, name, container};
}

export type ContainerState =
	| {readonly exists: false}
	| {
			readonly exists: true;
			/** Without the engine's leading slash. */
			readonly name: string;
			readonly state: Docker.ContainerInspectInfo['State'];
			readonly labels: Readonly<Record<string, string>>;
	  };

export async function containerState(nameOrId: string): Promise<ContainerState> {
	try {
		const info = await docker.getContainer(nameOrId).inspect();
		return {exists: true, name: info.Name.replace(/^\//, ''), state: info.State, labels: info.Config.Labels ?? {}};
	} catch (error) {
		if (httpStatus(error) === 404) return {exists: false};
		throw error;
	}
}

/**
 * Force-removes every container carrying this run's label, and nothing else: never a prune, which
 * would reach the host's own containers. Safe to call again, or while a test is removing one.
 */
export async function cleanupRun(): Promise<void> {
	const mine = await docker.listContainers({all: true, filters: {label: [`${RUN_LABEL.key}=${RUN_LABEL.value}`]}});
	await Promise.all(
		mine.map(async ({Id}) => {
			try {
				await docker.getContainer(Id).remove({force: true, v: true});
			} catch (error) {
				// 404: already gone; 409: a removal is already in progress.
				const code = httpStatus(error);
				if (code !== 404 && code !== 409) throw error;
			}
		}),
	);
}

/**
 * A `describe` that needs the engine. Without one, it is skipped with the reason, except under
 * CI=true, where a missing engine is a broken machine and must fail rather than pass quietly.
 */
export function engineSuite(name: string, fn: () => void): void {
	if (ENGINE.ok) {
		void describe(name, () => {
			after(cleanupRun);
			fn();
		});
	} else if (process.env['CI'] === 'true') {
		const {reason} = ENGINE;
		void describe(name, () => {
			it('has a Docker engine (required when CI=true)', () => {
				throw new Error(`engine unavailable: ${reason}`);
			});
		});
	} else {
		void describe(name, {skip: `engine unavailable: ${ENGINE.reason}`}, fn);
	}
}
