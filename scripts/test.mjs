// The one entry for the test suites: collects each depth's files, says whether the end-to-end
// suites can reach an engine, and runs them all under node:test, one file at a time.
//
//   node scripts/test.mjs                   every suite
//   node scripts/test.mjs unit e2e          some depths
//   node scripts/test.mjs test/e2e/x.test.ts --test-name-pattern=rename
//
// Arguments starting with "--" go to node unchanged.
import {spawn} from 'node:child_process';
import {readdir, stat} from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {tsImport} from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Each depth's folder and the suffix of its files. */
const depths = {
	unit: ['test/unit', '.test.ts'],
	component: ['test/component', '.test.tsx'],
	e2e: ['test/e2e', '.test.ts'],
};

async function filesIn(folder, suffixes) {
	try {
		const names = await readdir(path.join(root, folder));
		return names
			.filter((name) => suffixes.some((suffix) => name.endsWith(suffix)))
			.sort()
			.map((name) => `${folder}/${name}`);
	} catch (error) {
		if (error.code === 'ENOENT') return [];
		throw error;
	}
}

async function select(selectors) {
	const chosen = selectors.length === 0 ? Object.keys(depths) : selectors;
	const files = [];
	for (const selector of chosen) {
		if (Object.hasOwn(depths, selector)) {
			const [folder, suffix] = depths[selector];
			files.push(...(await filesIn(folder, [suffix])));
			continue;
		}

		const relative = path.relative(root, path.resolve(selector)).split(path.sep).join('/');
		const info = await stat(path.join(root, relative)).catch(() => undefined);
		if (!info) throw new Error(`"${selector}" is neither a depth (${Object.keys(depths).join(', ')}) nor a file or folder`);
		files.push(...(info.isDirectory() ? await filesIn(relative, ['.test.ts', '.test.tsx']) : [relative]));
	}

	return [...new Set(files)];
}

/** Why the end-to-end suites cannot reach an engine, once engineLine has looked. */
let unavailable;

async function engineLine(files) {
	if (!files.some((file) => file.startsWith('test/e2e/'))) return 'engine: not checked (no e2e suites selected)';
	// The same check the suites make, so this line and their skip reasons never disagree.
	const {engineAddress, engineStatus, ensureTestImage, TEST_IMAGE} = await tsImport(
		'../test/helpers/engine-status.ts',
		import.meta.url,
	);
	// An engine that answers without the test image gets it built here (seconds, no registry).
	const built = await ensureTestImage();
	if (built) console.log(built);
	const status = await engineStatus();
	if (!status.ok) unavailable = status.reason;
	if (status.ok) return `engine: available at ${engineAddress()} with image ${TEST_IMAGE}`;
	const consequence = process.env.CI === 'true' ? 'e2e engine suites will FAIL (CI=true)' : 'e2e engine suites will be skipped';
	return `engine: unavailable, ${consequence}: ${status.reason}`;
}

const args = process.argv.slice(2);
const nodeFlags = args.filter((arg) => arg.startsWith('--'));
let files;
try {
	files = await select(args.filter((arg) => !arg.startsWith('--')));
} catch (error) {
	console.error(`test: ${error.message}`);
	process.exit(2);
}

if (files.length === 0) {
	// node --test with no files would go looking for tests all over the repository.
	console.error('test: no test files matched');
	process.exit(1);
}

console.log(await engineLine(files));

const child = spawn(
	process.execPath,
	// --test-force-exit: a handle a suite leaves open (a socket, a timer) must not keep its file, and so the
	// whole run, from ending once every test has finished.
	['--import', 'tsx', '--test', '--test-force-exit', '--test-concurrency=1', '--test-reporter=spec', ...nodeFlags, ...files],
	{cwd: root, stdio: 'inherit'},
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
	if (unavailable) {
		// The summary above counts the skipped tests; this says how to run them.
		console.log(
			`\ntest: the end-to-end tests ${process.env.CI === 'true' ? 'failed (CI=true)' : 'were skipped'}: ${unavailable}.\n` +
				'test: for the full suite, make an engine answer (as root: bash scripts/provision-engine.sh), then run npm test again.',
		);
	}

	process.exit(code ?? (signal ? 1 : 0));
});
