// What start-up loads (scripts/lazy-requires.mjs, scripts/bundle-options.mjs): the shipped bundle is built
// into a scratch folder as dist/ is, and the files a start reads (the launcher and app.js) are checked.
// dockerode's BuildKit session (gRPC, protobuf) and RE2 must be in neither, yet still shipped, each in a
// file of its own that app.js requires only when it is used.
import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {Script} from 'node:vm';
import {after, before, describe, it} from 'node:test';
import {buildDist} from '../../scripts/bundle-options.mjs';

/** Texts only dockerode's session code and @grpc/grpc-js carry, minified or not. */
const sessionMarkers = ['X-Docker-Expose-Session-Uuid', 'grpc-accept-encoding'];
/** A text only protobufjs carries (the BuildKit session's and dockerode's BuildKit progress decoder's). */
const protobufMarker = 'invalid wire type';
/** A text only RE2 (re2js), the logs pane's regex engine, carries. */
const re2Marker = 'invalid nested repetition operator';

describe('what start-up loads', () => {
	let outdir: string;
	const read = (name: string) => readFileSync(path.join(outdir, name), 'utf8');
	/** The files of dist/ other than those a start reads, and which of them hold `marker`. */
	const holders = (marker: string) =>
		readdirSync(outdir).filter((name) => !['cli.js', 'app.js'].includes(name) && read(name).includes(marker));

	before(async () => {
		outdir = mkdtempSync(path.join(tmpdir(), 'dockpit-bundle-'));
		await buildDist(outdir, {minify: true});
	});

	after(() => rmSync(outdir, {recursive: true, force: true}));

	it('starts from two files: the launcher and the application, which imports nothing dynamically', () => {
		const launcher = read('cli.js');
		assert.match(launcher.split('\n', 1)[0]!, /^#!\/usr\/bin\/env -S node /, 'the launcher keeps cli.tsx’s node flags');
		assert.ok(launcher.includes('app.js'), 'the launcher runs app.js');
		const app = read('app.js');
		assert.ok(app.startsWith('(function (exports, require,'), 'app.js is one function');
		assert.doesNotMatch(app, /[^\w$.]import\(/, 'a script cannot import(): every dynamic import became a require');
		// A classic script: no import statement, import.meta or top-level await (yoga's and Ink's are gone).
		assert.doesNotThrow(() => new Script(app, {filename: 'app.js'}));
		assert.equal(JSON.parse(read('package.json')).type, 'commonjs');
	});

	it('holds neither the BuildKit session, gRPC nor protobufjs in a start file, yet ships them apart', () => {
		for (const name of ['cli.js', 'app.js']) {
			for (const marker of [...sessionMarkers, protobufMarker])
				assert.ok(!read(name).includes(marker), `${name} holds ${marker}`);
		}

		assert.deepEqual(holders(sessionMarkers[0]!), ['buildkit-session.js']);
		assert.ok(read('app.js').includes('require("./buildkit-session.js")'), 'app.js requires the session when it is used');
		assert.ok(holders(protobufMarker).includes('buildkit-progress.js'));
	});

	it('reads RE2 only when the logs pane asks for it: in no start file, yet shipped', () => {
		for (const name of ['cli.js', 'app.js']) assert.ok(!read(name).includes(re2Marker), `${name} holds re2js`);
		assert.deepEqual(holders(re2Marker), ['re2.js']);
		assert.ok(read('app.js').includes('require("./re2.js")'));
	});
});
