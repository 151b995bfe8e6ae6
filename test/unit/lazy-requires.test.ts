// What start-up loads (scripts/lazy-requires.mjs): the shipped bundle is built into a scratch folder with
// dist's own options, and the chunks a start reads (the entry, everything it imports, and the engine, UI
// and container feed chunks it imports as it connects) are followed from file to file. dockerode's
// BuildKit session (gRPC, protobuf) and RE2 must be in none of them, yet still shipped for when they are used.
import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {build} from 'esbuild';
import {distOptions} from '../../scripts/bundle-options.mjs';

/** Texts only dockerode's session code and @grpc/grpc-js carry, minified or not. */
const sessionMarkers = ['X-Docker-Expose-Session-Uuid', 'grpc-accept-encoding'];
/** A text only protobufjs carries (the BuildKit session's and dockerode's BuildKit progress decoder's). */
const protobufMarker = 'invalid wire type';
/** A text only RE2 (re2js), the logs pane's regex engine, carries. */
const re2Marker = 'invalid nested repetition operator';
/** The chunks a start imports as it goes: the engine connection, the UI, the containers' feed. */
const startChunks = /^\.\/(chunks\/)?(engine|run|container-feed)-[A-Z\d]+\.js$/;

describe('what start-up loads', () => {
	let outdir: string;

	before(async () => {
		outdir = mkdtempSync(path.join(tmpdir(), 'dockpit-bundle-'));
		await build({...distOptions(outdir), minify: true, logLevel: 'error'});
	});

	after(() => rmSync(outdir, {recursive: true, force: true}));

	/** Every file a start reads, from the entry through static imports and the start's own dynamic ones. */
	function startFiles(): Map<string, string> {
		const files = new Map<string, string>();
		const pending = [path.join(outdir, 'cli.js')];
		while (pending.length > 0) {
			const file = pending.pop()!;
			if (files.has(file)) continue;
			const text = readFileSync(file, 'utf8');
			files.set(file, text);
			const imports = [...text.matchAll(/(?:from|import)\s*"(\.\/[^"]+\.js)"/g)].map((match) => match[1]!);
			const dynamic = [...text.matchAll(/import\("(\.\/[^"]+\.js)"\)/g)].map((match) => match[1]!);
			for (const request of [...imports, ...dynamic.filter((request) => startChunks.test(request))]) {
				pending.push(path.resolve(path.dirname(file), request));
			}
		}

		return files;
	}

	it('reads the engine, UI and feed chunks, and none of them holds the BuildKit session, gRPC or protobufjs', () => {
		const files = startFiles();
		const names = [...files.keys()].map((file) => path.basename(file));
		for (const chunk of ['engine-', 'run-', 'container-feed-']) {
			assert.ok(
				names.some((name) => name.startsWith(chunk)),
				`a start reads the ${chunk} chunk (found: ${names.join(', ')})`,
			);
		}

		for (const [file, text] of files) {
			for (const marker of [...sessionMarkers, protobufMarker]) {
				assert.ok(!text.includes(marker), `${path.basename(file)} holds ${marker}`);
			}
		}
	});

	it('still ships the session, in a chunk of its own that only a BuildKit build imports', () => {
		const chunks = readdirSync(path.join(outdir, 'chunks'));
		const holders = chunks.filter((name) =>
			sessionMarkers.every((marker) => readFileSync(path.join(outdir, 'chunks', name), 'utf8').includes(marker)),
		);
		assert.equal(holders.length, 1, `the session is in one chunk (found ${holders.join(', ') || 'none'})`);
		assert.ok(!startFiles().has(path.join(outdir, 'chunks', holders[0]!)));
	});

	it('reads RE2 only when the logs pane asks for it: in no start file, yet shipped', () => {
		for (const [file, text] of startFiles()) assert.ok(!text.includes(re2Marker), `${path.basename(file)} holds re2js`);
		const chunks = readdirSync(path.join(outdir, 'chunks'));
		const holders = chunks.filter((name) => readFileSync(path.join(outdir, 'chunks', name), 'utf8').includes(re2Marker));
		assert.equal(holders.length, 1, `RE2 is in one chunk (found ${holders.join(', ') || 'none'})`);
	});
});
