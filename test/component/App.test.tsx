// The dashboard rendered with a real session (no engine: the store is fed by hand), driven with keys.
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {App} from '../../source/components/App.js';
import {createSession, type Session} from '../../source/session/session.js';
import {defaultBindings} from '../../source/state/input/keymap.js';
import {describeBinding} from '../../source/state/input/key-text.js';
import type {Container} from '../../source/state/core/model.js';
import {frame, keys, press, resize, settle, waitForFrame, type Rendered} from '../helpers/ink.js';
import {liveFleet, makeContainer} from '../helpers/fixtures.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups) cleanup();
	cleanups = [];
});

async function start(containers: readonly Container[] = liveFleet()): Promise<{rendered: Rendered; session: Session}> {
	const session = createSession({
		endpoint: {kind: 'unix', socketPath: '/nonexistent/docker.sock', url: 'unix:///nonexistent/docker.sock'},
		scope: {},
		scopeText: [],
	});
	session.store.dispatch({type: 'containers/snapshot', containers});
	const rendered = render(<App session={session} />);
	cleanups.push(() => {
		rendered.unmount();
		rendered.cleanup();
		session.stop();
	});
	await waitForFrame(rendered, /● \d+ running/);
	await settle();
	return {rendered, session};
}

/** The line with the selection marker. */
const selectedLine = (text: string) => text.split('\n').find((line) => line.includes('▶')) ?? '';

describe('App', () => {
	it('renders a row per container with name, image, state and status', async () => {
		const {rendered} = await start();
		const text = await waitForFrame(rendered, 'batch');
		const row = (name: string) => text.split('\n').find((line) => line.includes(` ${name} `)) ?? '';
		assert.match(row('web'), /web\s+nginx:1\.27\s+running\s+Up 3 minutes/);
		assert.match(row('db'), /db\s+postgres:16\s+running\s+Up 2 hours/);
		// NAME is as wide as the longest name; the image is cut to its column at 100 columns (less the mark gutter).
		assert.match(row('batch'), /batch\s+dockpit-test\/b\S*…\s+exited\s+Exited \(137\) 5 minutes ago/);
		assert.match(row('web'), /2h ago/);
		assert.match(text, /NAME\s+IMAGE\s+STATE\s+STATUS/);
		assert.match(text, /● 2 running/);
		assert.match(text, /○ 1 stopped/);
	});

	it('j and k move the ▶ marker', async () => {
		const {rendered} = await start();
		// Sorted by state then name: db, web (running), batch (exited).
		assert.match(selectedLine(frame(rendered)), /db/);
		await press(rendered, 'j');
		await waitForFrame(rendered, (text) => /web/.test(selectedLine(text)), {what: 'the marker on web'});
		await press(rendered, 'j');
		await waitForFrame(rendered, (text) => /batch/.test(selectedLine(text)), {what: 'the marker on batch'});
		await press(rendered, 'j');
		await settle();
		assert.match(selectedLine(frame(rendered)), /batch/, 'the marker stays on the last row');
		await press(rendered, 'k', 'k');
		await waitForFrame(rendered, (text) => /db/.test(selectedLine(text)), {what: 'the marker back on db'});
		assert.equal(
			frame(rendered)
				.split('\n')
				.filter((line) => line.includes('▶')).length,
			1,
		);
	});

	it('/ and typing filter the rows live; Esc clears the filter', async () => {
		const {rendered} = await start();
		await press(rendered, '/');
		await waitForFrame(rendered, 'Filter: ');
		await press(rendered, 'p', 'o', 's');
		const filtered = await waitForFrame(rendered, (text) => !text.includes(' web ') && text.includes(' db '), {
			what: 'only db left',
		});
		assert.doesNotMatch(filtered, / batch /);
		assert.match(filtered, /Filter: pos/);
		await press(rendered, keys.escape);
		const cleared = await waitForFrame(rendered, (text) => text.includes(' web ') && text.includes(' batch '), {
			what: 'all rows back',
		});
		assert.doesNotMatch(cleared, /Filter: /);
		assert.match(cleared, /\(3\) · sort: state/);
	});

	it('a kept filter shows in the title, with the count of all rows', async () => {
		const {rendered} = await start();
		await press(rendered, '/', 'w', 'e', keys.enter);
		const text = await waitForFrame(rendered, 'filter: we');
		assert.match(text, /\(1 of 3\) · sort/);
	});

	it('K opens the kill dialog naming the container, n closes it', async () => {
		const {rendered} = await start();
		await press(rendered, 'K');
		const dialog = await waitForFrame(rendered, 'Kill db?');
		// The table shows exactly what would be killed.
		assert.match(dialog, /name\s*│\s*id\s*│\s*image\s*│\s*state/);
		assert.match(dialog, /db\s*│\s*bbbbbbbbbbbb\s*│\s*postgres:16\s*│\s*running/);
		assert.match(dialog, /\[y\] kill\s+\[n\] cancel/);
		await press(rendered, 'n');
		const closed = await waitForFrame(rendered, (text) => !text.includes('Kill db?'), {what: 'the dialog closed'});
		assert.match(closed, /Cancelled: db was left as it was/);
	});

	it('at the narrowest width the kill dialog still shows the row it will kill', async () => {
		const {rendered} = await start();
		resize(rendered, 60, 24);
		await press(rendered, 'K');
		// The question wraps at 60 columns; the table must still fit under it.
		const dialog = await waitForFrame(rendered, 'Kill db?');
		assert.match(dialog, /db\s*│\s*bbbbbbbbbbbb\s*│\s*postgres:16\s*│\s*running/);
		assert.match(dialog, /\[y\] kill/);
	});

	it('? shows the help overlay with every binding', async () => {
		const {rendered} = await start();
		// Wide and tall enough for the whole table at once.
		// One line per binding, plus a title and a blank line per group of keys (17 groups), and the frame.
		resize(rendered, 220, defaultBindings.length + 60);
		await settle();
		await press(rendered, '?');
		const text = await waitForFrame(rendered, /Keys \(/);
		const missing = defaultBindings
			.map((binding) => describeBinding(binding, defaultBindings))
			.filter((description) => !text.includes(description));
		assert.deepEqual(missing, []);
		await press(rendered, '?');
		await waitForFrame(rendered, (t) => !/Keys \(/.test(t), {what: 'help closed'});
	});

	it('the help overlay scrolls to its last line at the default size', async () => {
		const {rendered} = await start();
		await press(rendered, '?');
		// The list under it has the focus: its keys come first.
		const top = defaultBindings.find((binding) => binding.scope === 'containers' && binding.command === 'start')!.description;
		const first = await waitForFrame(rendered, top);
		assert.match(first, /│ Containers \(keys here\)/);
		const last = defaultBindings.at(-1)!.description;
		assert.ok(!first.includes(last), 'the last binding is below the fold at first');
		await press(rendered, 'G');
		await waitForFrame(rendered, last);
		await press(rendered, 'g');
		await waitForFrame(rendered, top);
		await press(rendered, keys.escape);
		await waitForFrame(rendered, (t) => t.includes('NAME'), {what: 'help closed by Esc'});
	});

	it('the help overlay keeps its title line at the default size', async () => {
		const {rendered} = await start();
		await press(rendered, '?');
		await waitForFrame(rendered, 'Containers (keys here)');
		assert.match(frame(rendered), /│ Keys \(k\/j scroll, \? or Esc closes\)/);
	});

	it('with a full page of rows, the column titles and the status line stay on screen', async () => {
		const now = Date.now();
		const many = Array.from({length: 40}, (_, i) =>
			makeContainer({name: `row-${String(i).padStart(2, '0')}`, startedAt: now - 1000, createdAt: now - 1000}),
		);
		const {rendered, session} = await start(many);
		session.store.dispatch({type: 'ui/status', status: {text: 'Stopped row-00', tone: 'success'}});
		const text = await waitForFrame(rendered, 'Stopped row-00');
		const lines = text.split('\n');
		assert.ok(lines.length <= 23, `the frame leaves the terminal's last line free (${lines.length} lines at 24 rows)`);
		assert.match(text, /NAME\s+IMAGE\s+STATE\s+STATUS/, 'the column titles are visible');
		const shown = lines.filter((line) => /^[● ][▶ ] row-\d\d/.test(line)).length;
		assert.equal(shown, session.store.getState().ui.pageSize, 'as many rows as a page move assumes');
	});

	it('a terminal smaller than 60×12 shows "Terminal too small", and the dashboard comes back', async () => {
		const {rendered} = await start();
		resize(rendered, 59, 30);
		await waitForFrame(rendered, 'Terminal too small: 59×30');
		assert.doesNotMatch(frame(rendered), /NAME\s+IMAGE/);
		resize(rendered, 80, 11);
		await waitForFrame(rendered, 'Terminal too small: 80×11');
		assert.match(frame(rendered), /needs at least 60×12/);
		resize(rendered, 60, 12);
		await waitForFrame(rendered, (text) => text.includes('NAME') && !text.includes('too small'), {
			what: 'the dashboard at 60×12',
		});
	});

	it('shows the disconnected banner after engine/disconnected and drops it after engine/connected', async () => {
		const {rendered, session} = await start();
		resize(rendered, 140, 24);
		assert.doesNotMatch(frame(rendered), /Disconnected/);
		session.store.dispatch({type: 'engine/disconnected', error: 'ECONNREFUSED: nothing is listening there'});
		const text = await waitForFrame(rendered, 'Disconnected from');
		assert.match(
			text,
			/Disconnected from unix:\/\/\/nonexistent\/docker\.sock \(ECONNREFUSED: nothing is listening there\) — retrying…/,
		);
		assert.match(text, / web /, 'the last known rows stay on screen');
		session.store.dispatch({type: 'engine/connected', version: '27.3.1'});
		const back = await waitForFrame(rendered, (t) => !t.includes('Disconnected'), {what: 'the banner gone'});
		assert.match(back, /Engine 27\.3\.1/);
	});

	it('a container arriving by event shows up, and the marker stays on its container', async () => {
		const {rendered, session} = await start();
		await press(rendered, 'j');
		await waitForFrame(rendered, (text) => /web/.test(selectedLine(text)), {what: 'the marker on web'});
		session.store.dispatch({
			type: 'containers/upsert',
			container: makeContainer({id: 'd'.repeat(64), name: 'api', state: 'running', startedAt: Date.now() - 1000}),
		});
		const text = await waitForFrame(rendered, ' api ');
		assert.match(selectedLine(text), /web/);
	});
});

describe('the title line keeps what the user typed', () => {
	it('a long filter is shown whole at 100 columns: the other panes shrink to their key, and grow back with room', async () => {
		const name = 'stopped-container-with-a-long-name';
		const {rendered} = await start([...liveFleet(), makeContainer({id: 'long', name, state: 'exited'})]);
		resize(rendered, 100, 30);
		await press(rendered, '/');
		for (const character of name) await press(rendered, character);
		await press(rendered, '\r');
		const title = (await waitForFrame(rendered, `filter: ${name}`)).split('\n').find((line) => line.includes('filter:')) ?? '';
		assert.ok(title.trimEnd().endsWith(`filter: ${name}`), title);
		assert.match(title, /1 Containers {2}2 {2}3 {2}4 {2}5 /);
		resize(rendered, 180, 30);
		await waitForFrame(rendered, /2 Images .*filter: stopped-container-with-a-long-name/);
	});
});
