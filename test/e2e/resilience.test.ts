// The terminal and the connection under stress: an engine that goes away and comes back, SIGTERM,
// a terminal too small, and resizes.
import assert from 'node:assert/strict';
import {setTimeout as delay} from 'node:timers/promises';
import {after, createContainer, it, engineSuite, SCOPE_FILTER, uniqueName} from '../helpers/engine.js';
import {isAlternateScreen, startDockpit} from '../helpers/pty.js';
import {startSocketProxy} from '../helpers/socket-proxy.js';

engineSuite('resilience', () => {
	it('shows a disconnected banner when the engine goes away, and resynchronises when it is back', async () => {
		const proxy = await startSocketProxy();
		after(() => proxy.close());
		const before = uniqueName('before');
		await createContainer({name: before});
		const session = await startDockpit({args: ['--filter', SCOPE_FILTER], env: {DOCKER_HOST: `unix://${proxy.socketPath}`}});
		await session.waitForText(before);

		await proxy.cut();
		await session.waitForText('Disconnected from');
		// Changes made while dockpit cannot see the engine must show after it reconnects.
		const during = uniqueName('during');
		await createContainer({name: during});
		await proxy.restore();
		const screen = await session.waitForScreen((s) => s.includes(during) && !s.includes('Disconnected'), {
			what: 'banner gone and the list resynchronised',
			timeout: 15_000,
		});
		assert.match(screen, new RegExp(`${before}.*running`));
		await session.press('q');
		assert.equal((await session.exited).exitCode, 0);
	});

	it('restores the terminal on SIGTERM', async () => {
		const session = await startDockpit({args: ['--filter', SCOPE_FILTER]});
		await session.waitForText('Containers');
		assert.ok(isAlternateScreen(session));
		session.kill('SIGTERM');
		const status = await session.exited;
		assert.equal(status.exitCode, 143);
		assert.equal(isAlternateScreen(session), false, 'left the alternate screen');
		assert.match(session.raw(), /\u001B\[\?25h[^]*$/, 'cursor shown again');
	});

	it('stays drawn after a resize to fewer rows, with nothing on screen changing', async () => {
		// Ink draws the first frame after such a resize with a clear of the whole terminal; once the resize
		// settled, the screen went blank until something on it changed (nothing does in an empty list).
		const session = await startDockpit({args: ['--filter', `name=${uniqueName('nothing')}`], cols: 80, rows: 24});
		await session.waitForText('No containers');
		session.resize(100, 20);
		await delay(1000);
		assert.match(session.screen(), /Containers[^]*No containers[^]*q quit/, `drawn at 100×20:\n${session.screen()}`);
		await session.press('q');
		assert.equal((await session.exited).exitCode, 0);
	});

	it('draws the screen again after resizes that end at the size they started from', async () => {
		// The terminal drops lines while it is smaller; growing back brings blank rows, and Node sees no new
		// size, so no 'resize' event comes (CI: a storm of resizes left the list without its title and header).
		const session = await startDockpit({args: ['--filter', `name=${uniqueName('nothing')}`], cols: 80, rows: 24});
		await session.waitForText('No containers');
		await delay(300);
		session.resize(60, 14);
		session.resize(80, 24);
		await delay(1000);
		assert.match(session.screen(), /^dockpit[^]*Containers[^]*No containers[^]*q quit/, `redrawn:\n${session.screen()}`);
		await session.press('q');
		assert.equal((await session.exited).exitCode, 0);
	});

	it('says the terminal is too small, and recovers when it grows', async () => {
		await createContainer({name: uniqueName('sized')});
		const session = await startDockpit({args: ['--filter', SCOPE_FILTER], cols: 50, rows: 10});
		await session.waitForText('Terminal too small: 50×10');
		session.resize(80, 24);
		await session.waitForText('Containers');
		// A storm of resizes leaves a clean, correctly sized screen.
		for (let step = 0; step < 20; step++) session.resize(60 + step * 3, 14 + (step % 10));
		session.resize(80, 24);
		const screen = await session.waitForScreen((s) => s.includes('Containers') && s.includes('q quit'), {
			what: 'redrawn at 80×24',
		});
		const count = (pattern: RegExp) => screen.split('\n').filter((line) => pattern.test(line)).length;
		assert.equal(count(/\bNAME\b.*\bSTATUS\b/), 1, `one table header, no leftovers:\n${screen}`);
		assert.equal(count(/q quit/), 1, `one footer, no leftovers:\n${screen}`);
		assert.equal(count(/▶/), 1, `one selected row:\n${screen}`);
		await session.press('q');
		const exit = await Promise.race([session.exited, delay(10_000).then(() => undefined)]);
		assert.ok(exit, `q did not quit after the resizes:\n${session.screen()}`);
		assert.equal(exit.exitCode, 0);
	});
});
