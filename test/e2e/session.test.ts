// The session's container operations against the real engine, below the UI: an operation on a container
// that no longer exists reports the daemon's "no such container", never a success.
import assert from 'node:assert/strict';
import {createContainer, it, engineSuite, SCOPE_FILTER, uniqueName} from '../helpers/engine.js';
import {createSession} from '../../source/session/session.js';
import {selectEngine} from '../../source/docker/connect/endpoint.js';
import {parseFilters} from '../../source/docker/filters.js';

engineSuite('session operations', () => {
	const session = () =>
		createSession({endpoint: selectEngine().endpoint, scope: parseFilters([SCOPE_FILTER]), scopeText: [SCOPE_FILTER]});

	for (const kind of ['start', 'stop', 'restart', 'pause', 'kill', 'rename', 'remove'] as const) {
		it(`${kind} on a vanished container says "No such container"`, async () => {
			const {id, name, container} = await createContainer({name: uniqueName('vanished'), start: false});
			await container.remove({force: true});
			const s = session();
			await s.runOp({kind, id, name, newName: uniqueName('new')});
			const status = s.store.getState().ui.status;
			assert.equal(status?.tone, 'error');
			assert.match(status?.text ?? '', new RegExp(`^Could not \\w+ ${name}: (.*: )?No such container`));
		});
	}

	it('start on a running container says it is already running (not an error)', async () => {
		const {id, name} = await createContainer({name: uniqueName('running')});
		const s = session();
		await s.runOp({kind: 'start', id, name});
		assert.deepEqual(s.store.getState().ui.status, {text: `${name} is already running`, tone: 'info'});
	});
});
