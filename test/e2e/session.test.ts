// The session's container operations against the real engine, below the UI: an operation on a container
// that no longer exists reports the daemon's "no such container", never a success.
import assert from 'node:assert/strict';
import {setTimeout as delay} from 'node:timers/promises';
import {createContainer, it, engineSuite, SCOPE_FILTER, uniqueName, waitFor} from '../helpers/engine.js';
import {createSession} from '../../source/session/session.js';
import {selectEngine} from '../../source/docker/connect/endpoint.js';
import {parseFilters} from '../../source/docker/filters.js';
import {rowsSettleMs} from '../../source/session/settle-rows.js';

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

	it('exact times are read for the rows that stay on screen, not for rows a scroll key passes over', async () => {
		const passed = await createContainer({name: uniqueName('passed')});
		const stayed = await createContainer({name: uniqueName('stayed')});
		// The feed replays the engine's events from a second before it connects, in whole seconds (the engine's
		// `since`), so up to two seconds back; a replayed start event gives its row exact times. Connect only
		// once that window begins after the second both containers started in.
		const started = Math.floor(Date.now() / 1000);
		while (Math.floor((Date.now() - 1000) / 1000) <= started) await delay(100);
		const s = session();
		try {
			await s.connect();
			const row = (id: string) => s.store.getState().containers.byId[id];
			await waitFor(() => row(passed.id) && row(stayed.id), {what: 'both rows in the list'});
			assert.equal(row(passed.id)?.timesExact, false, 'the list alone gives estimates');
			// The first rows are handed on at once; then one row shows for a moment and the next key replaces it.
			s.showRows([]);
			s.showRows([passed.id]);
			await delay(rowsSettleMs / 5);
			s.showRows([stayed.id]);
			await waitFor(() => row(stayed.id)?.timesExact, {what: 'the exact times of the row that stayed'});
			await delay(rowsSettleMs * 2);
			assert.equal(row(passed.id)?.timesExact, false, 'no inspect for the row passed over');
			// Scrolled back to, and staying: its times are read then.
			s.showRows([passed.id]);
			await waitFor(() => row(passed.id)?.timesExact, {what: 'the exact times of the row scrolled back to'});
		} finally {
			s.stop();
		}
	});
});
