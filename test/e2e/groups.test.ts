// Compose projects as groups (issue 16) end to end: two compose-labelled projects and loose containers on the
// real engine; the grouped list, folding, and a project-level stop confirmed with its containers listed,
// then checked on the engine (every member stopped, the others untouched).
import assert from 'node:assert/strict';
import {
	after,
	before,
	containerState,
	createContainer,
	engineSuite,
	it,
	SCOPE_FILTER,
	uniqueName,
	waitFor,
} from '../helpers/engine.js';
import {startDockpit, type Session} from '../helpers/pty.js';
import {rowOf} from '../helpers/dashboard.js';

const composeLabels = (project: string, service: string) => ({
	'com.docker.compose.project': project,
	'com.docker.compose.service': service,
	'dockpit.helper': 'group',
});

/** The screen line holding a project's row (its fold glyph, then its name), or "". */
const projectLine = (screen: string, project: string): string =>
	screen.split('\n').find((line) => new RegExp(`[▾▸] ${project} compose project`).test(line)) ?? '';

const lineIndex = (screen: string, line: string): number => screen.split('\n').indexOf(line);

engineSuite('compose projects as groups', () => {
	let session: Session;
	const shop = uniqueName('group-shop');
	const blog = uniqueName('group-blog');
	const shopWeb = `${shop}-web-1`;
	const shopDb = `${shop}-db-1`;
	const blogApp = `${blog}-app-1`;
	const loose = uniqueName('group-loose');

	before(async () => {
		await Promise.all([
			createContainer({name: shopWeb, labels: composeLabels(shop, 'web')}),
			createContainer({name: shopDb, labels: composeLabels(shop, 'db')}),
			createContainer({name: blogApp, labels: composeLabels(blog, 'app')}),
			createContainer({name: loose, labels: {'dockpit.helper': 'group'}}),
		]);
		session = await startDockpit({args: ['--filter', SCOPE_FILTER], cols: 140, rows: 30});
		await session.waitForText(loose, {timeout: 20_000});
	});
	after(async () => session?.close());

	it('lists each project under its row with its count, members indented below it, and loose containers alone', async () => {
		const screen = await session.waitForScreen(
			(s) =>
				projectLine(s, shop).includes('2/2 running') && projectLine(s, blog).includes('1/1 running') && rowOf(s, shopDb) !== '',
			{what: 'both project rows with their counts', timeout: 20_000},
		);
		const shopAt = lineIndex(screen, projectLine(screen, shop));
		const members = [rowOf(screen, shopWeb), rowOf(screen, shopDb)].map((line) => lineIndex(screen, line));
		assert.ok(
			members.every((at) => at === shopAt + 1 || at === shopAt + 2),
			`shop's members right under its row:\n${screen}`,
		);
		assert.match(rowOf(screen, shopWeb), new RegExp(`^ {5}${shopWeb} `), 'a member is indented');
		assert.match(rowOf(screen, loose), new RegExp(`^ {3}${loose} `), 'a loose container is not');
	});

	it('folds a project under its row and unfolds it', async () => {
		// The filter leaves the shop project alone on screen; its row is the first.
		await session.press('/', 'ctrl+u');
		await session.type(shop);
		await session.press('enter', 'g');
		await session.waitForScreen((s) => projectLine(s, shop).includes('▶ ▾'), {what: 'the shop row selected'});
		await session.press('e');
		let screen = await session.waitForScreen((s) => projectLine(s, shop).includes('▸') && rowOf(s, shopWeb) === '', {
			what: 'shop folded',
		});
		assert.match(projectLine(screen, shop), /2 folded/);
		assert.equal(rowOf(screen, shopDb), '');
		await session.press('e');
		screen = await session.waitForScreen((s) => rowOf(s, shopWeb) !== '' && rowOf(s, shopDb) !== '', {what: 'shop unfolded'});
		assert.match(projectLine(screen, shop), /▶ ▾/);
	});

	it('stops the whole project after a confirmation listing its containers; nothing else is touched', async () => {
		await session.press('s');
		const screen = await session.waitForScreen((s) => s.includes(`Stop the 2 containers of compose project ${shop}?`), {
			what: 'the project stop confirmation',
		});
		assert.ok(screen.includes(shopWeb) && screen.includes(shopDb), `both members listed:\n${screen}`);
		assert.ok(!screen.includes(blogApp) && !screen.includes(loose), 'only the project is listed');
		const before = await containerState(shopWeb);
		assert.ok(before.exists && before.state.Running, 'nothing stopped before the answer');
		await session.press('y');
		await waitFor(
			async () => {
				const states = await Promise.all([shopWeb, shopDb].map(async (name) => containerState(name)));
				return states.every((state) => state.exists && !state.state.Running);
			},
			{what: 'every shop container stopped on the engine', timeout: 30_000},
		);
		for (const name of [blogApp, loose]) {
			const state = await containerState(name);
			assert.ok(state.exists && state.state.Running, `${name} still running`);
		}

		await session.press('escape', 'escape');
		await session.waitForScreen((s) => projectLine(s, shop).includes('0/2 running · 2 exited'), {
			what: 'the shop row counts its stopped members',
			timeout: 20_000,
		});
	});
});
