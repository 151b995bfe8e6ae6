// The tests' hold on the real engine: a per-run label that scopes everything the tests create (and
// what dockpit is shown), helpers to create, inspect and remove those containers, and engineSuite,
// which runs a suite only when an engine is usable and says why when it is not.
import {randomBytes} from 'node:crypto';
import * as nodeTest from 'node:test';
import type {TestOptions} from 'node:test';
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

/** Set while a suite that cannot run is being declared: its tests are skipped (or, under CI, fail) with this. */
let unusable: {readonly reason: string; readonly fail: boolean} | undefined;

type TestBody = (context: nodeTest.TestContext) => void | Promise<void>;
type HookBody = (context: nodeTest.SuiteContext | nodeTest.TestContext) => unknown;

/**
 * node:test's `it`, for end-to-end files: inside an engineSuite that has no engine, each test is reported
 * as skipped with the reason, so the runner's summary counts it (under CI=true it fails instead).
 */
export function it(name: string, optionsOrBody?: TestOptions | TestBody, body?: TestBody): void {
	const [options, fn] = typeof optionsOrBody === 'function' ? [{}, optionsOrBody] : [optionsOrBody ?? {}, body];
	if (!unusable) {
		void nodeTest.it(name, options, fn);
	} else if (unusable.fail) {
		const {reason} = unusable;
		void nodeTest.it(name, options, () => {
			throw new Error(`${reason} (CI=true: a skip is a failure)`);
		});
	} else {
		void nodeTest.it(name, {...options, skip: unusable.reason});
	}
}

/** A hook that does not run inside an engineSuite without an engine (it would only fail on the missing engine). */
const engineHook =
	(register: (fn: HookBody, options?: {timeout?: number}) => void) =>
	(fn: HookBody, options?: {timeout?: number}): void => {
		if (!unusable) register(fn, options);
	};

export const before = engineHook(nodeTest.before as never);
export const after = engineHook(nodeTest.after as never);
export const beforeEach = engineHook(nodeTest.beforeEach as never);
export const afterEach = engineHook(nodeTest.afterEach as never);

/**
 * A `describe` that needs the engine. Without one, each of its tests is skipped with the reason (so the
 * summary counts them), except under CI=true, where a missing engine is a broken machine: each fails.
 * Its tests must use `it` and the hooks exported here, not node:test's own.
 */
export function engineSuite(name: string, fn: () => void): void {
	if (ENGINE.ok) {
		void nodeTest.describe(name, () => {
			nodeTest.after(cleanupRun);
			fn();
		});
		return;
	}

	const reason = `engine unavailable: ${ENGINE.reason}`;
	void nodeTest.describe(name, () => {
		unusable = {reason, fail: process.env['CI'] === 'true'};
		try {
			fn();
		} finally {
			unusable = undefined;
		}
	});
}
