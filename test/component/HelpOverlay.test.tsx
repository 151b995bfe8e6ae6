// The `?` overlay: every binding under its scope's title, scrolled by an offset.
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {HelpOverlay} from '../../source/components/HelpOverlay.js';
import {createKeyMap, defaultBindings} from '../../source/state/input/keymap.js';
import {helpLines} from '../../source/state/input/key-text.js';
import {frame, settle} from '../helpers/ink.js';

afterEach(cleanup);

const keys = createKeyMap();
const bindings = defaultBindings.filter((binding) => ['list', 'global'].includes(binding.scope));

describe('HelpOverlay', () => {
	it('lists every binding with its keys when it fits, with the plain title', async () => {
		const rendered = render(
			<HelpOverlay bindings={bindings} keys={keys} offset={0} height={helpLines(bindings).length + 3} width={100} />,
		);
		await settle();
		const text = frame(rendered);
		assert.match(text, /│ Keys \(\? or Esc closes\)/);
		for (const binding of bindings) assert.ok(text.includes(binding.description), binding.description);
		assert.match(text, /│ {3}q Ctrl-C\s+Quit dockpit/);
		assert.match(text, /│ Lists/);
	});

	it('lists the keys that act under it first, as the App asks from the focus', async () => {
		const rendered = render(
			<HelpOverlay
				bindings={bindings}
				here={['global']}
				keys={keys}
				offset={0}
				height={helpLines(bindings).length + 3}
				width={100}
			/>,
		);
		await settle();
		const body = frame(rendered).split('\n').slice(2);
		assert.match(body[0]!, /│ Everywhere \(keys here\)/);
		assert.ok(frame(rendered).indexOf('Everywhere') < frame(rendered).indexOf('Lists'));
	});

	it('shows a window of lines from the offset, and says it scrolls', async () => {
		const lines = helpLines(bindings);
		const rendered = render(<HelpOverlay bindings={bindings} keys={keys} offset={2} height={8} width={100} />);
		await settle();
		const text = frame(rendered);
		assert.match(text, /│ Keys \(k\/j scroll, \? or Esc closes\)/);
		const body = text.split('\n').slice(2, -1);
		assert.equal(body.length, 5);
		assert.ok(body[0]!.includes(lines[2]!.text.trim()), `${body[0]} shows line 2: ${lines[2]!.text}`);
		assert.ok(!text.includes(lines[1]!.text.trim()), 'line 1 is scrolled away');
	});

	it('an offset past the end shows the last page', async () => {
		const lines = helpLines(bindings);
		const rendered = render(<HelpOverlay bindings={bindings} keys={keys} offset={10_000} height={8} width={100} />);
		await settle();
		const body = frame(rendered).split('\n').slice(2, -1);
		assert.ok(body.at(-1)!.includes(lines.at(-1)!.text.trim()));
	});
});
