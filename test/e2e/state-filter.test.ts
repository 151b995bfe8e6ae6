// Filter by state (issue 16) end to end: S lists only the containers in one state, with the text filter.
import assert from 'node:assert/strict';
import {after, before, createContainer, it, engineSuite, SCOPE_FILTER, uniqueName} from '../helpers/engine.js';
import {startDockpit, type Session} from '../helpers/pty.js';
import {rowOf} from '../helpers/dashboard.js';

engineSuite('filter by state', () => {
	let session: Session;
	const up = uniqueName('view-up');
	const fresh = uniqueName('view-fresh');

	before(async () => {
		await createContainer({name: up});
		await createContainer({name: fresh, start: false});
		session = await startDockpit({args: ['--filter', SCOPE_FILTER], cols: 120, rows: 24});
		await session.waitForText(fresh);
	});
	after(async () => session?.close());

	it('S shows only running containers, then each other state in turn; Esc shows all again', async () => {
		await session.press('S');
		let screen = await session.waitForScreen((s) => s.includes('state: running') && rowOf(s, fresh) === '', {
			what: 'only running rows',
		});
		assert.match(rowOf(screen, up), /running/);
		await session.press('S', 'S', 'S');
		screen = await session.waitForScreen((s) => s.includes('state: created') && rowOf(s, up) === '', {
			what: 'only created rows',
		});
		assert.match(rowOf(screen, fresh), /created/);
		await session.press('/');
		await session.type('no-such-name');
		await session.press('enter');
		await session.waitForText('No container matches the filter');
		await session.press('escape');
		await session.waitForScreen((s) => rowOf(s, fresh) !== '' && rowOf(s, up) === '', {what: 'text filter cleared, state kept'});
		await session.press('escape');
		await session.waitForScreen((s) => rowOf(s, fresh) !== '' && rowOf(s, up) !== '' && !s.includes('state: '), {
			what: 'every state again',
		});
	});
});
