// A config that moves every binding to a key no default uses: every footer, title, dialog, prompt, status
// and help line must then name the new keys, and none of the defaults (the screen is built from the table).
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {gapLine} from '../../source/state/logs/log-gaps.js';
import {App} from '../../source/components/App.js';
import {createSession, type Session} from '../../source/session/session.js';
import {createKeyMap, defaultBindings, type Command, type Scope} from '../../source/state/input/keymap.js';
import {displayKey} from '../../source/state/input/key-text.js';
import {validateConfig} from '../../source/state/settings/config.js';
import {remapBindings} from '../../source/state/settings/key-remap.js';
import {defaultPruneChoices} from '../../source/state/resources/prune.js';
import type {ResourceDialog} from '../../source/state/resources/resource-dialogs.js';
import {liveFleet} from '../helpers/fixtures.js';
import {frame, press, resize, settle, waitForFrame, type Rendered} from '../helpers/ink.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups) cleanup();
	cleanups = [];
});

const defaultKeys = new Set(defaultBindings.flatMap((binding) => binding.keys));

/**
 * Keys no default binding uses, that a terminal can type: Ctrl-letters first (not Ctrl-H/I/J/M, which a
 * terminal sends as Backspace, Tab and Enter, nor the engine's detach keys Ctrl-P and Ctrl-Q), then unused letters, digits and punctuation (and a few non-ASCII ones a layout types).
 */
const unusedKeys = [
	...[...'adegklnorstvwxyz'].map((letter) => `ctrl+${letter}`),
	...'BCDEFHLMQSUWYZem567890!@#$%^&*()-_=+[]{};:\'",.<>|\\`~§£°',
	// Alt-letters (ESC then the letter) once the rest run out: the key table has grown past them.
	...[...'abcdefghijklmnopqrstuvwxyz'].map((letter) => `meta+${letter}`),
	// And Alt-digits, since the swarm panes' keys (issue 17) outgrew those too.
	...[...'0123456789'].map((digit) => `meta+${digit}`),
	...[...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter) => `meta+${letter}`),
].filter((key) => !defaultKeys.has(key));

/** The prompt's own keys go first, onto Ctrl-letters, so text typed into a prompt stays text. */
const commands: Command[] = [
	'submit',
	'clearInput',
	'back',
	...new Set(defaultBindings.map((binding) => binding.command).filter((c) => !['submit', 'clearInput', 'back'].includes(c))),
];

/** The config file's "keys": every command on a key of its own. */
const remap = Object.fromEntries(commands.map((command, index) => [command, unusedKeys[index]!]));

const keys = createKeyMap(remapBindings(defaultBindings, validateConfig({keys: remap}, 'remapped.json').keys ?? {}));

/** The bytes a terminal sends for the key now bound to a command in a scope. */
function typed(command: Command, scope: Scope): string {
	const key = keys.keysFor(command, scope)[0]!;
	if (key.startsWith('meta+')) return `\u001B${key.slice(5)}`;
	return key.startsWith('ctrl+') ? String.fromCodePoint(key.codePointAt(5)! - 96) : key;
}

/** How the screen should name that key. */
const hint = (command: Command, scope: Scope) => displayKey(keys.keysFor(command, scope)[0]!);

const escape = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);

/** How the defaults read on screen: words (Esc, Ctrl-C, PgUp) and single characters (j, ?, ↑). */
const defaultDisplays = [...new Set([...defaultKeys].map(displayKey))];
const wordKeys = defaultDisplays.filter((display) => /^[A-Za-z]{2}/.test(display));
const charKeys = defaultDisplays.filter((display) => !wordKeys.includes(display));

/** Words after a key in a hint: "q to quit", "? or Esc closes", "G resumes", "s, K and d then". */
const hintWords = String.raw`or|to|and|then|closes|clears|jumps|applies|cancels|keeps|saves|runs|switches|resumes|scroll|choose|close|cancel`;

/**
 * The default keys a screen names. A word key (Esc, Enter, Ctrl-C, PgUp…) counts anywhere as a whole word;
 * a one-character key only where a key is named, since "a", "N" or "1" are also plain text: in brackets
 * ([y] kill), before a colon or comma (J: raw JSON), before a hint's word (q to quit), around a slash in
 * a hint (k/j scroll), as the first word of each footer entry, and in the help overlay's key column.
 */
function defaultsNamed(screen: string, {footer = true, help = false} = {}): string[] {
	const found = new Set<string>();
	// The engine's own detach keys and its note about Ctrl-C are not dockpit bindings; prune's check boxes are not keys.
	const lines = screen
		.replaceAll(/Ctrl-P Ctrl-Q|Ctrl-C is not sent|Ctrl-C reaches it/g, '')
		.replaceAll(/\[[x ]\](?= \S)/g, '')
		.split('\n')
		.map((line) => line.replaceAll(/[│╭╮╰╯─]/g, ' ').trimEnd());
	for (const line of lines) {
		for (const key of wordKeys) if (new RegExp(String.raw`(?<![\w-])${escape(key)}(?![\w-])`).test(line)) found.add(key);
		for (const key of charKeys) {
			const k = escape(key);
			const named = [
				String.raw`\[${k}\]`,
				String.raw`(?<=^|[\s(·,;])${k}(?=[:,]|\s(?:${hintWords})\b)`,
				...(/\d/.test(key) ? [] : [String.raw`(?<=^|[\s(])${k}/`, String.raw`/${k}(?=[\s,)])`]),
			];
			if (named.some((pattern) => new RegExp(pattern).test(line))) found.add(key);
		}
	}

	const last = lines.filter((line) => line.trim() !== '').at(-1) ?? '';
	if (footer) for (const entry of last.trim().split(/\s{2,}/)) if (charKeys.includes(entry.split(' ')[0]!)) found.add(entry);
	if (help) {
		for (const line of lines) {
			const column = /^ {4}(\S+(?: \S+)*?)(?: {2,}| [A-Z])/.exec(line)?.[1] ?? '';
			for (const key of column.split(' ')) if (charKeys.includes(key)) found.add(`${key} (help: ${line.trim()})`);
		}
	}

	return [...found];
}

/** Fails with the screen when it names a default key. */
function assertNoDefaults(rendered: Rendered, where: string, options?: {footer?: boolean; help?: boolean}): string {
	const screen = frame(rendered);
	assert.deepEqual(defaultsNamed(screen, options), [], `${where} names default keys:\n${screen}`);
	return screen;
}

async function start(): Promise<{rendered: Rendered; session: Session}> {
	const session = createSession({
		endpoint: {kind: 'unix', socketPath: '/nonexistent/docker.sock', url: 'unix:///nonexistent/docker.sock'},
		scope: {},
		scopeText: [],
		keys,
	});
	session.store.dispatch({type: 'containers/snapshot', containers: liveFleet()});
	const rendered = render(<App session={session} />);
	cleanups.push(() => {
		rendered.unmount();
		rendered.cleanup();
		session.stop();
	});
	resize(rendered, 200, 40);
	await waitForFrame(rendered, /● \d+ running/);
	await settle();
	return {rendered, session};
}

describe('with every key remapped', () => {
	it('the config moves every binding off its default keys', () => {
		for (const binding of keys.bindings) {
			assert.ok(binding.keys.length > 0, binding.command);
			for (const key of binding.keys) assert.ok(!defaultKeys.has(key), `${binding.command} still has ${key}`);
		}
	});

	it('the containers footer, an emptied list and the too-small screen name the new keys', async () => {
		const {rendered, session} = await start();
		const screen = assertNoDefaults(rendered, 'containers pane');
		assert.ok(screen.includes(`${hint('help', 'global')} help`), screen);
		assert.ok(screen.includes(`${hint('paneImages', 'global')} Images`), screen);
		session.store.dispatch({type: 'ui/filterStart'});
		for (const char of 'zzz') session.store.dispatch({type: 'ui/filterEdit', key: {name: char, text: char}});
		session.store.dispatch({type: 'ui/filterDone'});
		await waitForFrame(rendered, 'No container matches');
		assert.ok(assertNoDefaults(rendered, 'emptied list').includes(`(${hint('back', 'global')} clears it)`));
		resize(rendered, 40, 10);
		await waitForFrame(rendered, 'Terminal too small');
		assert.match(
			assertNoDefaults(rendered, 'too small', {footer: false}),
			new RegExp(`press ${escape(hint('quit', 'global'))} to quit`),
		);
	});

	it('the help overlay, scrolled from top to bottom', async () => {
		const {rendered} = await start();
		resize(rendered, 200, 20);
		await settle();
		await press(rendered, typed('help', 'global'));
		const first = await waitForFrame(rendered, /Keys \(/);
		assertNoDefaults(rendered, 'help title', {help: true});
		assert.ok(first.includes(`(${hint('up', 'list')}/${hint('down', 'list')} scroll, ${hint('help', 'global')} or`), first);
		const seen = new Set<string>();
		let screen = '';
		for (let page = 0; page < 20 && !screen.includes(defaultBindings.at(-1)!.description); page++) {
			screen = assertNoDefaults(rendered, `help, page ${page}`, {help: true});
			for (const line of screen.split('\n')) seen.add(line);
			await press(rendered, typed('pageDown', 'list'));
		}

		screen = assertNoDefaults(rendered, 'help, last page', {help: true});
		assert.ok(screen.includes(defaultBindings.at(-1)!.description), 'scrolled to the last binding');
		assert.ok(
			[...seen].some((line) =>
				line.includes(
					`${hint('stop', 'containers')} ${hint('restart', 'containers')} ${hint('pause', 'containers')} ${hint('kill', 'containers')}`,
				),
			),
		);
	});

	it('the confirm dialogs and what they answer', async () => {
		const {rendered} = await start();
		await press(rendered, typed('kill', 'containers'));
		await waitForFrame(rendered, /Kill \w+\?/);
		assert.ok(assertNoDefaults(rendered, 'kill dialog').includes(`[${hint('yes', 'confirm')}] kill`));
		await press(rendered, typed('no', 'confirm'));
		await waitForFrame(rendered, 'Cancelled');
		await press(rendered, typed('remove', 'containers'));
		await waitForFrame(rendered, /It is running/);
		assert.ok(assertNoDefaults(rendered, 'remove dialog').includes(`[${hint('force', 'confirm')}] force remove`));
		await press(rendered, typed('yes', 'confirm'));
		await waitForFrame(rendered, 'to force removal');
		assertNoDefaults(rendered, 'remove refused without force');
		await press(rendered, typed('no', 'confirm'));
		await press(rendered, typed('mark', 'containers'), typed('down', 'list'), typed('mark', 'containers'));
		await press(rendered, typed('kill', 'containers'));
		await waitForFrame(rendered, /all 2/);
		assertNoDefaults(rendered, 'bulk kill dialog');
	});

	it('the result, resource and prune dialogs', async () => {
		const {rendered, session} = await start();
		const target = {id: 'a'.repeat(64), name: 'web', state: 'running', image: 'nginx:1.27'} as const;
		const open = async (dialog: ResourceDialog, text: string | RegExp) => {
			session.store.dispatch({type: 'ui/openDialog', dialog});
			await waitForFrame(rendered, text);
		};

		await open(
			{kind: 'bulkResult', op: 'stop', force: false, targets: [target], outcomes: [{...target, ok: true}]},
			'Stopped 1 of 1',
		);
		assert.ok(assertNoDefaults(rendered, 'bulk result').includes(`[${hint('close', 'result')}] close`));
		await open(
			{kind: 'removeResource', target: {pane: 'images', ref: 'nginx:1.27', name: 'nginx:1.27', id: 'sha256:1', usedBy: []}},
			'nginx:1.27',
		);
		assertNoDefaults(rendered, 'remove image dialog');
		const choices = defaultPruneChoices;
		const item = {kind: 'container', id: 'c'.repeat(64), name: 'batch', size: 0} as const;
		await open({kind: 'prune', phase: 'ready', choices, preview: {items: [item], total: 0}}, 'Will remove 1 item');
		const ready = assertNoDefaults(rendered, 'prune dialog');
		assert.ok(ready.includes(`${hint('pruneContainers', 'prune')} stopped containers`), ready);
		await open({kind: 'prune', phase: 'done', choices, outcomes: [{item, ok: true}], reclaimed: 0}, 'Removed 1 of 1');
		assertNoDefaults(rendered, 'prune done');
	});

	it('the contexts list', async () => {
		const {rendered} = await start();
		await press(rendered, typed('contexts', 'global'));
		await waitForFrame(rendered, 'Docker contexts');
		assert.ok(assertNoDefaults(rendered, 'contexts').includes(`${hint('pick', 'contexts')} switches`));
	});

	it('the details panel', async () => {
		const {rendered} = await start();
		await press(rendered, typed('details', 'containers'));
		await waitForFrame(rendered, 'Inspect');
		assert.ok(assertNoDefaults(rendered, 'details, inspect').includes(`${hint('rawJson', 'details')}: raw JSON`));
		await press(rendered, typed('nextTab', 'details'));
		await waitForFrame(rendered, `${hint('reveal', 'details')}: reveal`);
		assertNoDefaults(rendered, 'details, env');
	});

	it('the logs pane, its title, a gap row and its prompts', async () => {
		const {rendered, session} = await start();
		await press(rendered, typed('logs', 'containers'));
		await waitForFrame(rendered, 'Logs: ');
		assertNoDefaults(rendered, 'logs pane');
		const [first] = session.store.getState().logs.targets;
		const gap = gapLine(first!, {
			reason: 'skipped',
			count: 12,
			from: '2026-11-23T18:00:00.000000000Z',
			to: '2026-11-23T18:00:09.000000000Z',
		});
		session.store.dispatch({type: 'logs/append', lines: [gap]});
		const withGap = await waitForFrame(rendered, '12 lines skipped');
		assert.ok(withGap.includes(`· ${hint('logFetch', 'logs')} fetch —`), withGap);
		assert.ok(withGap.includes(`1 gap (${hint('logFetch', 'logs')} fetches)`), withGap);
		assert.ok(!/ F fetch|\(F fetches\)/.test(withGap), withGap);
		await press(rendered, typed('up', 'logs'));
		await waitForFrame(rendered, 'paused');
		assert.ok(assertNoDefaults(rendered, 'logs paused').includes(`(${hint('bottom', 'logs')} resumes)`));
		await press(rendered, typed('nextMatch', 'logs'));
		await waitForFrame(rendered, 'Nothing to search for');
		assertNoDefaults(rendered, 'search without a query');
		const prompts = {logSearch: 'Search: ', logSave: 'Save to: ', logWindow: 'Window: '} as const;
		for (const [command, label] of Object.entries(prompts) as Array<[keyof typeof prompts, string]>) {
			await press(rendered, typed(command, 'logs'));
			await waitForFrame(rendered, label);
			assertNoDefaults(rendered, `logs prompt ${command}`);
			await press(rendered, typed('back', 'prompt'));
		}
	});

	it('the filter, rename and exec prompts', async () => {
		const {rendered} = await start();
		await press(rendered, typed('filter', 'list'));
		await waitForFrame(rendered, 'Filter: ');
		assertNoDefaults(rendered, 'filter prompt');
		await press(rendered, typed('back', 'prompt'), typed('rename', 'containers'));
		await waitForFrame(rendered, 'Rename ');
		assertNoDefaults(rendered, 'rename prompt');
		await press(rendered, typed('back', 'prompt'), typed('execCommand', 'containers'));
		await waitForFrame(rendered, 'Run in ');
		assertNoDefaults(rendered, 'exec prompt');
	});
});
