// The prune dialog and the bulk confirmation, rendered in the whole App with a real session whose engine
// is a hand-made stand-in for dockerode: keys in, frames and the calls the engine received out.
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {App} from '../../source/components/App.js';
import type {Engine} from '../../source/docker/engine.js';
import {createResourceActions} from '../../source/session/resource-actions.js';
import {createSession, type Session} from '../../source/session/session.js';
import type {Container} from '../../source/state/core/model.js';
import {frame, keys, press, resize, settle, waitForFrame, type Rendered} from '../helpers/ink.js';
import {makeContainer} from '../helpers/fixtures.js';

type FakeContainer = {Id: string; Names: string[]; State: string; ImageID: string};

/** Just the dockerode calls the resource code makes, over a list the test changes at will. */
function fakeEngine(initial: FakeContainer[]) {
	const engine = {
		containers: [...initial],
		removed: [] as string[],
		refuse: new Map<string, string>(),
		onRemove: (_id: string) => {},
		/** A stream that stays open and quiet until closed. */
		async events() {
			let close = () => {};
			const closed = new Promise<string>((resolve) => {
				close = () => resolve('closed');
			});
			return {close, closed};
		},
		docker: {
			listContainers: async () => engine.containers,
			listImages: async () => [],
			listVolumes: async () => ({Volumes: []}),
			listNetworks: async () => [],
			df: async () => ({Containers: engine.containers.map((c) => ({Id: c.Id, SizeRw: 1500})), Volumes: [], BuildCache: []}),
			getContainer: (id: string) => ({
				async remove() {
					const refusal = engine.refuse.get(id);
					if (refusal) throw Object.assign(new Error('HTTP 409'), {statusCode: 409, json: {message: refusal}});
					engine.removed.push(id);
					engine.containers = engine.containers.filter((c) => c.Id !== id);
					engine.onRemove(id);
				},
			}),
		},
	};
	return engine;
}

const api = (id: string, name: string, state: string): FakeContainer => ({
	Id: id,
	Names: [`/${name}`],
	State: state,
	ImageID: 'sha256:x',
});

let cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups) cleanup();
	cleanups = [];
});

async function start(
	containers: Container[],
	engine: ReturnType<typeof fakeEngine>,
): Promise<{rendered: Rendered; session: Session}> {
	const base = createSession({
		endpoint: {kind: 'unix', socketPath: '/nonexistent/docker.sock', url: 'unix:///nonexistent/docker.sock'},
		scope: {},
		scopeText: [],
	});
	const resources = createResourceActions({
		store: base.store,
		loadEngine: async () => engine as unknown as Engine,
		scope: {},
	});
	const session: Session = {...base, resources};
	session.store.dispatch({type: 'containers/snapshot', containers});
	const rendered = render(<App session={session} />);
	resize(rendered, 110, 36);
	cleanups.push(() => {
		rendered.unmount();
		rendered.cleanup();
		session.stop();
		resources.stop();
	});
	await waitForFrame(rendered, /NAME\s+IMAGE/);
	await settle();
	return {rendered, session};
}

const rows = () => [
	makeContainer({id: 'c-run', name: 'web', state: 'running'}),
	makeContainer({id: 'c-old', name: 'old-job', state: 'exited'}),
];
const engineRows = () => [api('c-run', 'web', 'running'), api('c-old', 'old-job', 'exited')];

describe('prune dialog', () => {
	it('P shows exactly what goes and the space, y prunes it: two keys from the dashboard', async () => {
		const engine = fakeEngine(engineRows());
		const {rendered} = await start(rows(), engine);
		await press(rendered, 'P');
		const preview = await waitForFrame(rendered, 'Will remove 1 item');
		assert.match(preview, /reclaiming 1\.5kB/);
		assert.match(preview, /container\s*│\s*old-job\s*│\s*1\.5kB/);
		assert.doesNotMatch(preview, /│ web /);
		assert.match(preview, /\[x\] c stopped containers/);
		await press(rendered, 'y');
		const done = await waitForFrame(rendered, 'Removed 1 of 1');
		assert.match(done, /reclaimed 1\.5kB/);
		assert.deepEqual(engine.removed, ['c-old']);
		await press(rendered, keys.enter);
		await waitForFrame(rendered, (text) => !text.includes('Clean up'), {what: 'the dialog closed'});
		assert.match(frame(rendered), /Pruned 1 of 1; reclaimed 1\.5kB/);
	});

	it('n closes it and removes nothing', async () => {
		const engine = fakeEngine(engineRows());
		const {rendered} = await start(rows(), engine);
		await press(rendered, 'P');
		await waitForFrame(rendered, 'Will remove 1 item');
		await press(rendered, 'n');
		await waitForFrame(rendered, 'Prune cancelled: nothing was removed');
		assert.deepEqual(engine.removed, []);
	});

	it('re-checks on confirm: when the engine changed, shows the new list and says so, removing nothing yet', async () => {
		const engine = fakeEngine(engineRows());
		const {rendered} = await start(rows(), engine);
		await press(rendered, 'P');
		await waitForFrame(rendered, 'Will remove 1 item');
		engine.containers.push(api('c-late', 'late-job', 'exited'));
		await press(rendered, 'y');
		const changed = await waitForFrame(rendered, 'The engine changed since the preview');
		assert.match(changed, /now also: container late-job/);
		assert.match(changed, /Will remove 2 items/);
		assert.deepEqual(engine.removed, []);
		await press(rendered, 'y');
		await waitForFrame(rendered, 'Removed 2 of 2');
		assert.deepEqual(engine.removed.sort(), ['c-late', 'c-old']);
	});

	it('toggles change the preview at once; with nothing chosen, y removes nothing', async () => {
		const engine = fakeEngine(engineRows());
		const {rendered} = await start(rows(), engine);
		await press(rendered, 'P');
		await waitForFrame(rendered, 'Will remove 1 item');
		await press(rendered, 'c');
		await waitForFrame(rendered, 'Nothing to remove with these choices');
		await press(rendered, 'y');
		await waitForFrame(rendered, (text) => text.includes('Nothing to prune with these choices'), {what: 'the refusal'});
		assert.deepEqual(engine.removed, []);
	});
});

describe('bulk confirmation', () => {
	it('marks show as a count; d asks once listing every marked container; a failure does not stop the rest', async () => {
		const engine = fakeEngine(engineRows());
		engine.refuse.set(
			'c-run',
			'You cannot remove a running container c-run. Stop the container before attempting removal or force remove',
		);
		const {rendered} = await start(rows(), engine);
		await press(rendered, 'a');
		await waitForFrame(rendered, '2 marked');
		await press(rendered, 'd');
		const dialog = await waitForFrame(rendered, 'Remove 2 marked containers?');
		assert.match(dialog, /│ web\s+│/);
		assert.match(dialog, /│ old-job\s+│/);
		assert.match(dialog, /1 running: the engine refuses those unless forced/);
		assert.match(dialog, /\[y\] remove all 2\s+\[f\] force remove all\s+\[n\] cancel/);
		await press(rendered, 'y');
		const result = await waitForFrame(rendered, 'Removed 1 of 2, 1 failed');
		assert.match(result, /web\s+│ ✗ You cannot remove a running container/);
		assert.match(result, /old-job\s+│ ✓ removed/);
		assert.deepEqual(engine.removed, ['c-old']);
		assert.match(frame(rendered), /Removed 1 of 2 \(old-job\) · failed: web: You cannot remove a running container/);
	});

	it('a destroy event that comes before the bulk result does not leave the removed container marked (CI run of stop 20)', async () => {
		const engine = fakeEngine(engineRows());
		engine.refuse.set('c-run', 'You cannot remove a running container c-run.');
		const {rendered, session} = await start(rows(), engine);
		// The engine's destroy event reaches the list while the bulk action is still under way.
		engine.onRemove = (id) => {
			session.store.dispatch({type: 'containers/remove', id});
		};
		await press(rendered, 'a');
		await waitForFrame(rendered, '2 marked');
		await press(rendered, 'd');
		await waitForFrame(rendered, 'Remove 2 marked containers?');
		await press(rendered, 'y');
		await waitForFrame(rendered, 'Removed 1 of 2, 1 failed');
		await settle();
		assert.deepEqual(session.store.getState().ui.marked, ['c-run']);
		await press(rendered, '\r');
		await waitForFrame(rendered, '1 marked');
	});

	it('n leaves every marked container as it was', async () => {
		const engine = fakeEngine(engineRows());
		const {rendered} = await start(rows(), engine);
		await press(rendered, ' ', 'j', ' ');
		await waitForFrame(rendered, '2 marked');
		await press(rendered, 'd');
		await waitForFrame(rendered, 'Remove 2 marked containers?');
		await press(rendered, 'n');
		await waitForFrame(rendered, 'Cancelled: the 2 marked containers were left as they were');
		assert.deepEqual(engine.removed, []);
	});
});
