// The dashboard as issue 6 changes it, rendered with a real session and no engine: read-only mode
// (footer without mutating keys, refusals in the status line), a remapped key shown in the footer,
// the context in the header, and the contexts dialog read from a temporary HOME.
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, afterEach, before, describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {App} from '../../source/components/App.js';
import {contextId} from '../../source/docker/connect/endpoint.js';
import {createSession, type Session, type SessionOptions} from '../../source/session/session.js';
import {createKeyMap, defaultBindings} from '../../source/state/input/keymap.js';
import {remapBindings} from '../../source/state/settings/key-remap.js';
import {frame, keys, press, resize, settle, waitForFrame, type Rendered} from '../helpers/ink.js';
import {makeContainer} from '../helpers/fixtures.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups) cleanup();
	cleanups = [];
});

async function start(options: Partial<SessionOptions> = {}): Promise<{rendered: Rendered; session: Session}> {
	const session = createSession({
		endpoint: {kind: 'unix', socketPath: '/nonexistent/docker.sock', url: 'unix:///nonexistent/docker.sock'},
		scope: {},
		scopeText: [],
		...options,
	});
	session.store.dispatch({
		type: 'containers/snapshot',
		containers: [makeContainer({id: 'a'.repeat(64), name: 'web', state: 'running', startedAt: Date.now() - 60_000})],
	});
	const rendered = render(<App session={session} />);
	resize(rendered, 120, 30);
	cleanups.push(() => {
		rendered.unmount();
		rendered.cleanup();
		session.stop();
	});
	await waitForFrame(rendered, 'web');
	await settle();
	return {rendered, session};
}

const footerOf = (text: string) => text.trimEnd().split('\n').at(-1) ?? '';

describe('read-only dashboard', () => {
	it('leaves mutating keys out of the footer and refuses them in the status line', async () => {
		const {rendered} = await start({keys: createKeyMap(defaultBindings, {readOnly: true})});
		const footer = footerOf(frame(rendered));
		assert.match(footer, /\? help/);
		assert.doesNotMatch(footer, /\bs stop\b|\bK kill\b|\bd remove\b/);
		await press(rendered, 's');
		await waitForFrame(rendered, /✗ Read-only mode: "stop" is disabled/);
		await press(rendered, 'K');
		await waitForFrame(rendered, /Read-only mode: "kill" is disabled/);
		assert.doesNotMatch(frame(rendered), /Kill web\?/, 'no confirmation dialog opens');
	});

	it('shows remapped keys in the footer and runs them', async () => {
		const {rendered} = await start({keys: createKeyMap(remapBindings(defaultBindings, {stop: ['ctrl+t']}))});
		assert.match(footerOf(frame(rendered)), /Ctrl-T stop/);
		await press(rendered, 's');
		await settle(50);
		assert.doesNotMatch(frame(rendered), /Stopping web|Could not stop web|stop web/i, 's no longer stops');
		await press(rendered, '\u0014');
		// No engine answers here: the attempt itself (progress, then the failure) shows Ctrl-T ran stop.
		await waitForFrame(rendered, /Stopping web|stop web/i);
	});
});

describe('contexts', () => {
	let home: string;
	let savedHome: string | undefined;
	before(() => {
		home = mkdtempSync(path.join(os.tmpdir(), 'dockpit-component-home-'));
		const meta = path.join(home, '.docker', 'contexts', 'meta', contextId('prod'));
		mkdirSync(meta, {recursive: true});
		writeFileSync(
			path.join(meta, 'meta.json'),
			JSON.stringify({Name: 'prod', Metadata: {Description: 'production'}, Endpoints: {docker: {Host: 'ssh://ops@prod-box'}}}),
		);
		savedHome = process.env['HOME'];
		process.env['HOME'] = home;
	});
	after(() => {
		process.env['HOME'] = savedHome;
		rmSync(home, {recursive: true, force: true});
	});

	it('shows the context in the header', async () => {
		const {rendered} = await start({context: 'prod'});
		assert.match(frame(rendered).split('\n')[0] ?? '', /unix:\/\/\/nonexistent\/docker\.sock \(context prod\)/);
	});

	it('lists the contexts with c, moves with the list keys and closes with Esc', async () => {
		const {rendered} = await start();
		await press(rendered, 'c');
		let text = await waitForFrame(rendered, 'Docker contexts');
		assert.match(text, /▶ default \*/);
		assert.match(text, /prod\s+ssh:\/\/ops@prod-box · production/);
		await press(rendered, 'j');
		text = await waitForFrame(rendered, /▶ prod/);
		await press(rendered, keys.escape);
		await waitForFrame(rendered, (t) => !t.includes('Docker contexts'));
	});
});
