// The bundle-time change to Ink's throttle (scripts/ink-input-frames.mjs): the frame a key causes is drawn
// at once, even right after another frame, while frames nothing typed still wait for the throttle. Ink is
// bundled twice, with and without the plugin, and driven through fake streams; the throttle is set to one
// frame a second so that "at once" and "at the throttle's trailing edge" cannot be confused on a slow machine.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {inkInputFrames} from '../../scripts/ink-input-frames.mjs';
import {asShipped, bundleAndImport} from '../helpers/bundle.js';

type Harness = {
	/** Everything Ink wrote, joined. */
	readonly written: () => string;
	readonly press: (key: string) => void;
	/** A change made without a key (as a stats sample or a log line would). */
	readonly bump: () => void;
	readonly stop: () => void;
};
type Module = {start: () => Harness};

const app = `
import React, {useState, useEffect} from 'react';
import {render, Text, useInput} from 'ink';
import {EventEmitter} from 'node:events';
import {PassThrough} from 'node:stream';

export function start() {
	let output = '';
	const stdout = Object.assign(new EventEmitter(), {
		isTTY: true, columns: 40, rows: 10,
		write(chunk) { output += String(chunk); return true; },
	});
	const stdin = Object.assign(new PassThrough(), {isTTY: true, isRaw: false, setRawMode() {}, ref() {}, unref() {}});
	let bump;
	function Counter() {
		const [keys, setKeys] = useState(0);
		const [ticks, setTicks] = useState(0);
		useInput(() => setKeys((count) => count + 1));
		useEffect(() => { bump = () => setTicks((count) => count + 1); }, []);
		return React.createElement(Text, null, 'keys ' + keys + ' ticks ' + ticks);
	}
	const instance = render(React.createElement(Counter), {stdout, stdin, stderr: stdout, patchConsole: false, exitOnCtrlC: false, maxFps: 1});
	return {
		written: () => output,
		press: (key) => stdin.write(key),
		bump: () => bump(),
		stop: () => instance.unmount(),
	};
}
`;

/** A few turns of the event loop: enough for a key to be read and rendered, far less than the throttle's second. */
async function turns(count = 5): Promise<void> {
	for (let turn = 0; turn < count; turn++) await new Promise((resolve) => setImmediate(resolve));
}

const folder = mkdtempSync(path.join(os.tmpdir(), 'dockpit-ink-input-'));
after(() => rmSync(folder, {recursive: true, force: true}));

describe('frames a key causes', () => {
	let patched: Module;
	let unpatched: Module;

	before(async () => {
		// Ink draws only a last frame when it believes it runs in CI (is-in-ci, read as the bundle loads).
		const ci = process.env['CI'];
		delete process.env['CI'];
		try {
			patched = await bundleAndImport<Module>(folder, 'patched', app, [inkInputFrames], asShipped);
			unpatched = await bundleAndImport<Module>(folder, 'unpatched', app, [], asShipped);
		} finally {
			if (ci !== undefined) process.env['CI'] = ci;
		}
	});

	for (const [name, load, atOnce] of [
		['with the plugin', () => patched, true],
		['without it (Ink as published)', () => unpatched, false],
	] as const) {
		it(`${name}: a key pressed right after a frame is drawn ${atOnce ? 'at once' : 'only at the throttle’s trailing edge'}`, async () => {
			const harness = load().start();
			try {
				await turns();
				assert.match(harness.written(), /keys 0 ticks 0/);
				harness.bump();
				await turns();
				// The first frame opened the throttle's window: a change nobody typed waits for its end.
				assert.doesNotMatch(harness.written(), /ticks 1/, 'a change without a key is throttled in both');
				harness.press('j');
				await turns();
				assert.equal(/keys 1 ticks 1/.test(harness.written()), atOnce);
				// A key right after a key's frame.
				harness.press('k');
				await turns();
				assert.equal(/keys 2 ticks 1/.test(harness.written()), atOnce);
			} finally {
				harness.stop();
			}
		});
	}

	it('with the plugin: after a key is drawn, a change nobody typed is throttled again', async () => {
		const harness = patched.start();
		try {
			await turns();
			harness.press('j');
			await turns();
			assert.match(harness.written(), /keys 1 ticks 0/);
			harness.bump();
			await turns();
			assert.doesNotMatch(harness.written(), /ticks 1/);
		} finally {
			harness.stop();
		}
	});
});
