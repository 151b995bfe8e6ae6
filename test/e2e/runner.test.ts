// `npm test` itself (scripts/test.mjs): without an engine every end-to-end test is counted as skipped with
// the reason, or fails under CI=true; with an engine but no test image, the image is built and they run.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {describe} from 'node:test';
import {docker, engineSuite, it} from '../helpers/engine.js';
import {REPO_ROOT} from '../helpers/pty.js';

type Summary = {readonly output: string; readonly status: number | null; readonly counts: Record<string, number>};

/** Runs the test runner on one suite file, with these variables set, and reads its summary. */
function runTests(file: string, env: Record<string, string | undefined>): Summary {
	const result = spawnSync(process.execPath, ['scripts/test.mjs', file], {
		cwd: REPO_ROOT,
		// NODE_TEST_CONTEXT would make the inner runner think it is nested in this one and run nothing.
		env: {...process.env, NODE_TEST_CONTEXT: undefined, ...env},
		encoding: 'utf8',
		timeout: 240_000,
	});
	const output = `${result.stdout}${result.stderr}`;
	const counts: Record<string, number> = {};
	for (const [, name, value] of output.matchAll(/^ℹ (\w+) (\d+)$/gm)) counts[name!] = Number(value);
	return {output, status: result.status, counts};
}

const noEngine = {DOCKER_HOST: 'unix:///nonexistent/dockpit-test.sock'};

describe('npm test without an engine', () => {
	it('counts every end-to-end test as skipped, with the reason, and says how to run them', () => {
		const {output, status, counts} = runTests('test/e2e/cleanup.test.ts', {...noEngine, CI: undefined});
		assert.equal(status, 0, output);
		assert.ok((counts['skipped'] ?? 0) > 0, output);
		assert.equal(counts['skipped'], counts['tests'], output);
		assert.equal(counts['fail'], 0, output);
		assert.match(output, /# engine unavailable: no Docker engine answers at unix:\/\/\/nonexistent/);
		assert.match(output, /test: the end-to-end tests were skipped: .*\ntest: for the full suite, .*provision-engine\.sh/);
	});

	it('fails every end-to-end test under CI=true', () => {
		const {output, status, counts} = runTests('test/e2e/cleanup.test.ts', {...noEngine, CI: 'true'});
		assert.notEqual(status, 0, output);
		assert.equal(counts['skipped'], 0, output);
		assert.ok((counts['fail'] ?? 0) > 0, output);
		assert.equal(counts['fail'], counts['tests'], output);
	});
});

engineSuite('npm test with an engine but no test image', () => {
	const tag = `dockpit-test/runner-check:${process.pid}`;

	it('builds the image itself, then runs the end-to-end tests', async () => {
		try {
			const {output, status, counts} = runTests('test/e2e/harness.test.ts', {DOCKPIT_TEST_IMAGE: tag, CI: undefined});
			assert.equal(status, 0, output);
			assert.match(output, new RegExp(`engine: built the test image ${tag} in [\\d.]+ s`));
			assert.equal(counts['skipped'], 0, output);
			assert.ok((counts['pass'] ?? 0) > 0, output);
			assert.equal((await docker.getImage(tag).inspect()).RepoTags?.includes(tag), true);
		} finally {
			await docker
				.getImage(tag)
				.remove({force: true})
				.catch(() => undefined);
		}
	});
});
