// The one key table: no key means two things where it is read, every command the router handles has
// a key, every key the router reads does something, and README's table is the one generated from it.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {appReducer} from '../../source/state/core/app.js';
import {routeKey} from '../../source/state/input/input.js';
import {createKeyMap, defaultBindings, type Binding, type Command, type Scope} from '../../source/state/input/keymap.js';
import {
	describeBinding,
	displayKey,
	helpLines,
	hintText,
	keyHint,
	keyTableMarkdown,
	scopeTitles,
} from '../../source/state/input/key-text.js';
import {makeContainer, stateWith} from '../helpers/fixtures.js';

const keys = createKeyMap();

describe('defaultBindings', () => {
	it('binds no key twice in the same scope', () => {
		const seen = new Map<string, Command>();
		const clashes: string[] = [];
		for (const binding of defaultBindings) {
			for (const key of binding.keys) {
				const slot = `${binding.scope} ${key}`;
				const earlier = seen.get(slot);
				if (earlier !== undefined) clashes.push(`"${key}" in ${binding.scope}: ${earlier} and ${binding.command}`);
				else seen.set(slot, binding.command);
			}
		}

		assert.deepEqual(clashes, []);
	});

	it('binds no key in two of the scopes the containers pane reads together (the later one would be dead)', () => {
		// routeKey looks a key up in global, then list, then containers.
		const together: readonly Scope[] = ['global', 'list', 'containers'];
		const owner = new Map<string, string>();
		const clashes: string[] = [];
		for (const binding of defaultBindings.filter((b) => together.includes(b.scope))) {
			for (const key of binding.keys) {
				const earlier = owner.get(key);
				const here = `${binding.scope}:${binding.command}`;
				if (earlier !== undefined && earlier.split(':')[0] !== binding.scope) clashes.push(`"${key}": ${earlier} and ${here}`);
				else owner.set(key, here);
			}
		}

		assert.deepEqual(clashes, []);
	});

	it('every command the containers routing handles has a key in the scope it is read from', () => {
		const routed: ReadonlyArray<[Command, Scope]> = [
			['up', 'list'],
			['down', 'list'],
			['pageUp', 'list'],
			['pageDown', 'list'],
			['top', 'list'],
			['bottom', 'list'],
			['filter', 'list'],
			['sort', 'list'],
			['sortReverse', 'list'],
			['start', 'containers'],
			['stop', 'containers'],
			['restart', 'containers'],
			['pause', 'containers'],
			['kill', 'containers'],
			['rename', 'containers'],
			['remove', 'containers'],
			['help', 'global'],
			['back', 'global'],
			['quit', 'global'],
			['yes', 'confirm'],
			['no', 'confirm'],
			['force', 'confirm'],
			['submit', 'prompt'],
			['clearInput', 'prompt'],
			['back', 'prompt'],
		];
		const missing = routed.filter(([command, scope]) => keys.keysFor(command, scope).length === 0);
		assert.deepEqual(missing, []);
	});

	it('every key of the containers pane does something there', () => {
		// A running container selected and a filter kept, so even Esc has something to do.
		const state = stateWith(
			[makeContainer({id: 'a', name: 'web', state: 'running'}), makeContainer({id: 'b', name: 'web-2', state: 'running'})],
			{type: 'ui/filterStart'},
			{type: 'ui/filterEdit', key: {name: 'w', text: 'w'}},
			{type: 'ui/filterDone'},
			{type: 'ui/select', id: 'b', index: 1},
		);
		const dead: string[] = [];
		for (const binding of defaultBindings.filter((b) => ['global', 'list', 'containers'].includes(b.scope))) {
			for (const key of binding.keys) {
				// Moving up from the top would do nothing, so start each from the second row.
				const effects = routeKey(state, {name: key, text: key.length === 1 ? key : ''}, keys);
				if (effects.length === 0) dead.push(`${binding.scope} "${key}" (${binding.command})`);
			}
		}

		assert.deepEqual(dead, []);
	});

	it('every binding has a label, a description and a scope title', () => {
		for (const binding of defaultBindings) {
			assert.ok(binding.label.trim(), `${binding.command} has a label`);
			assert.ok(binding.description.trim(), `${binding.command} has a description`);
			assert.ok(binding.keys.length > 0, `${binding.command} has keys`);
			assert.ok(scopeTitles[binding.scope], `${binding.scope} has a title`);
		}
	});

	it('commands that change the engine are marked so', () => {
		for (const command of ['start', 'stop', 'restart', 'pause', 'kill', 'rename', 'remove'] as const) {
			const bindings = defaultBindings.filter((b) => b.command === command && b.scope === 'containers');
			assert.ok(bindings.length > 0 && bindings.every((b) => b.mutates), command);
		}

		for (const command of ['up', 'down', 'filter', 'help', 'quit'] as const) {
			assert.ok(
				defaultBindings.filter((b) => b.command === command).every((b) => !b.mutates),
				command,
			);
		}
	});
});

describe('createKeyMap', () => {
	it('looks keys up per scope, and lists the keys of a command', () => {
		assert.equal(keys.lookup('list', 'j'), 'down');
		assert.equal(keys.lookup('containers', 'j'), undefined);
		assert.equal(keys.lookup('confirm', 'escape'), 'no');
		assert.deepEqual(keys.keysFor('quit', 'global'), ['q', 'ctrl+c']);
	});

	it('takes another table', () => {
		const custom: Binding[] = [
			{command: 'quit', keys: ['x'], scope: 'global', label: 'quit', description: 'Quit', mutates: false, footer: true},
		];
		const map = createKeyMap(custom);
		assert.equal(map.lookup('global', 'x'), 'quit');
		assert.equal(map.lookup('global', 'q'), undefined);
	});
});

describe('displayKey', () => {
	it('names keys as people read them', () => {
		assert.equal(displayKey('ctrl+c'), 'Ctrl-C');
		assert.equal(displayKey('pagedown'), 'PgDn');
		assert.equal(displayKey('up'), '↑');
		assert.equal(displayKey('escape'), 'Esc');
		assert.equal(displayKey('G'), 'G');
	});
});

describe('keyHint and hintText', () => {
	const remapped = createKeyMap(
		defaultBindings.map((binding) => (binding.command === 'submit' ? {...binding, keys: ['ctrl+o', 'enter']} : binding)),
	);

	it('names the first key bound to a command in a scope, as people read it', () => {
		assert.equal(keyHint(keys, 'back', 'prompt'), 'Esc');
		assert.equal(keyHint(remapped, 'submit', 'prompt'), 'Ctrl-O');
		assert.equal(keyHint(createKeyMap(defaultBindings, {readOnly: true}), 'kill', 'containers'), '?');
	});

	it('joins the parts of a hint, leaving out a command with no key', () => {
		const parts = [
			['submit', 'applies'],
			['back', 'cancels'],
		] as const;
		assert.equal(hintText(remapped, 'prompt', parts), 'Ctrl-O applies · Esc cancels');
		assert.equal(hintText(keys, 'prompt', parts, ', '), 'Enter applies, Esc cancels');
		const readOnly = createKeyMap(defaultBindings, {readOnly: true});
		assert.equal(
			hintText(readOnly, 'containers', [
				['kill', 'kills'],
				['details', 'inspects'],
			]),
			'i inspects',
		);
	});
});

describe('describeBinding', () => {
	const mark = defaultBindings.find((binding) => binding.command === 'mark')!;

	it('names the keys a description refers to, from the bindings given', () => {
		assert.equal(
			describeBinding(mark, defaultBindings),
			'Mark or unmark the selected container; u s r p K d then act on all marked, after one confirmation',
		);
		const remapped = defaultBindings.map((binding) => (binding.command === 'stop' ? {...binding, keys: ['ctrl+t']} : binding));
		assert.match(describeBinding(mark, remapped), /; u Ctrl-T r p K d then act/);
	});

	it('names the command when it has no key (read-only mode)', () => {
		const readOnly = createKeyMap(defaultBindings, {readOnly: true});
		assert.match(describeBinding(mark, readOnly.bindings), /; start stop restart pause kill remove then act/);
	});
});

describe('keyTableMarkdown', () => {
	const sample: Binding[] = [
		{command: 'down', keys: ['j', 'down'], scope: 'list', label: 'down', description: 'Down', mutates: false, footer: false},
		{command: 'filter', keys: ['|'], scope: 'list', label: 'f', description: 'Filter', mutates: false, footer: false},
		{command: 'quit', keys: ['q', 'ctrl+c'], scope: 'global', label: 'quit', description: 'Quit', mutates: false, footer: true},
	];

	it('is one row per binding, with display names and escaped pipes', () => {
		assert.equal(
			keyTableMarkdown(sample),
			[
				'| Where | Keys | Action |',
				'| --- | --- | --- |',
				'| Lists | `j` `↓` | Down |',
				'| Lists | `\\|` | Filter |',
				'| Everywhere | `q` `Ctrl-C` | Quit |',
			].join('\n'),
		);
	});

	it('covers every binding of the default table', () => {
		const table = keyTableMarkdown();
		assert.equal(table.split('\n').length, defaultBindings.length + 2);
		for (const binding of defaultBindings) {
			const description = describeBinding(binding, defaultBindings);
			assert.ok(table.includes(description), description);
		}
	});

	it('README.md holds exactly the generated table', () => {
		const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
		const match = /<!-- keys:start -->\n([\s\S]*?)\n<!-- keys:end -->/.exec(readme);
		assert.ok(match, 'README.md has the <!-- keys:start --> … <!-- keys:end --> markers, each on its own line');
		assert.equal(
			match[1],
			keyTableMarkdown(),
			"README.md's key table differs from source/state/keymap.ts: run `npm run readme:keys` and commit README.md",
		);
	});
});

describe('helpLines', () => {
	it('groups bindings under their scope title, every description once', () => {
		const lines = helpLines(defaultBindings);
		const headings = lines.filter((line) => line.heading).map((line) => line.text);
		assert.ok(headings.includes('Everywhere') && headings.includes('Containers'));
		for (const binding of defaultBindings) {
			assert.ok(
				lines.some((line) => !line.heading && line.text.endsWith(describeBinding(binding, defaultBindings))),
				binding.description,
			);
		}
	});

	it('lists the focused scopes first, marked as the keys here, with the same lines as in table order', () => {
		const plain = helpLines(defaultBindings);
		const here = helpLines(defaultBindings, ['details', 'global']);
		assert.equal(here.length, plain.length);
		const headings = here.filter((line) => line.heading).map((line) => line.text);
		assert.deepEqual(headings.slice(0, 2), ['Details panel (keys here)', 'Everywhere (keys here)']);
		assert.deepEqual(
			here
				.filter((line) => !line.heading && line.text !== '')
				.map((line) => line.text)
				.sort(),
			plain
				.filter((line) => !line.heading && line.text !== '')
				.map((line) => line.text)
				.sort(),
		);
		assert.ok(!headings.slice(2).some((heading) => heading.includes('keys here')));
	});

	it('applies to a state where the filter is kept (for the dead-key test above)', () => {
		// The dead-key test relies on Esc clearing a kept filter; check that premise directly.
		const state = stateWith([makeContainer()], {type: 'ui/filterStart'}, {type: 'ui/filterEdit', key: {name: 'x', text: 'x'}});
		const done = appReducer(state, {type: 'ui/filterDone'});
		assert.deepEqual(routeKey(done, {name: 'escape', text: ''}, keys), [{type: 'dispatch', action: {type: 'ui/filterClear'}}]);
	});
});
