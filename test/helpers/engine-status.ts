// Decides whether end-to-end suites can run: an engine must answer and the local test image must
// exist. Kept apart from engine.ts so scripts/test.mjs can ask without loading node:test.
import Docker from 'dockerode';
import {buildTestImage, staticBusybox} from '../../scripts/demo-image.js';

export const TEST_IMAGE = process.env['DOCKPIT_TEST_IMAGE'] ?? 'dockpit-test/busybox:latest';

export type EngineStatus = {readonly ok: true} | {readonly ok: false; readonly reason: string};

const PROVISION = 'run `bash scripts/provision-engine.sh` (as root: it installs and starts the engine)';

/** Where the engine is expected, in the user's own terms. */
export function engineAddress(): string {
	return process.env['DOCKER_HOST'] ?? '/var/run/docker.sock';
}

function errorCode(error: unknown): string {
	const status = httpStatus(error);
	if (status !== undefined) return `HTTP ${status}`;
	if (error instanceof Error) {
		const {code} = error as NodeJS.ErrnoException;
		return code ?? error.message;
	}

	return String(error);
}

/** The HTTP status the engine answered with, if the error came from the engine. */
export function httpStatus(error: unknown): number | undefined {
	const code = (error as {statusCode?: unknown} | undefined)?.statusCode;
	return typeof code === 'number' ? code : undefined;
}

export async function engineStatus({timeout = 3000}: {readonly timeout?: number} = {}): Promise<EngineStatus> {
	// A short client timeout, so a dead TCP host fails fast instead of hanging every e2e file.
	const probe = new Docker({timeout});
	const where = engineAddress();
	const fix = process.env['DOCKER_HOST'] ? 'start that engine or unset DOCKER_HOST' : PROVISION;
	const started = Date.now();
	try {
		await probe.ping();
	} catch (error) {
		// The modem reports its own timeout as a reset socket; say what really happened.
		const cause = Date.now() - started >= timeout ? `no answer within ${timeout} ms` : errorCode(error);
		return {ok: false, reason: `no Docker engine answers at ${where} (${cause}); ${fix}`};
	}

	try {
		await probe.getImage(TEST_IMAGE).inspect();
	} catch (error) {
		const missing = httpStatus(error) === 404;
		const notStatic = missing ? staticBusybox() : undefined;
		const detail = !missing
			? `could not be inspected (${errorCode(error)})`
			: notStatic
				? `is missing, and cannot be built: ${notStatic}; apt-get install busybox-static`
				: 'is missing; `npm test` builds it (ensureTestImage)';
		return {ok: false, reason: `the engine at ${where} answers but image ${TEST_IMAGE} ${detail}`};
	}

	return {ok: true};
}

/**
 * Builds the test image when the engine answers but does not have it (seconds, no registry): what
 * `npm test` does before the suites ask engineStatus. Returns a line to print, or undefined when there was
 * nothing to do or nothing could be done (engineStatus then gives the reason).
 */
export async function ensureTestImage(): Promise<string | undefined> {
	const probe = new Docker({timeout: 3000});
	try {
		await probe.ping();
		await probe.getImage(TEST_IMAGE).inspect();
		return undefined;
	} catch (error) {
		if (httpStatus(error) !== 404) return undefined;
	}

	const notStatic = staticBusybox();
	if (notStatic) {
		return `engine: image ${TEST_IMAGE} is missing and cannot be built here: ${notStatic} (apt-get install busybox-static)`;
	}

	const started = Date.now();
	try {
		await buildTestImage(new Docker(), TEST_IMAGE);
		return `engine: built the test image ${TEST_IMAGE} in ${((Date.now() - started) / 1000).toFixed(1)} s`;
	} catch (error) {
		return `engine: building ${TEST_IMAGE} failed: ${error instanceof Error ? error.message : String(error)}`;
	}
}
