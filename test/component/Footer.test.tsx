// The footer: the keys that work now, as many as fit.
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {Footer} from '../../source/components/Footer.js';
import {defaultBindings} from '../../source/state/input/keymap.js';
import {frame, settle} from '../helpers/ink.js';

afterEach(cleanup);

const containers = defaultBindings.filter((binding) => binding.scope === 'containers' && binding.footer);

describe('Footer', () => {
	it('shows the first key and the label of each binding, in table order', async () => {
		const rendered = render(<Footer bindings={containers.slice(0, 3)} width={100} />);
		await settle();
		const [a, b, c] = containers;
		assert.equal(frame(rendered), `${a!.keys[0]} ${a!.label}  ${b!.keys[0]} ${b!.label}  ${c!.keys[0]} ${c!.label}`);
	});

	it('drops whole entries that do not fit, never half of one', async () => {
		const rendered = render(<Footer bindings={containers} width={20} />);
		await settle();
		const text = frame(rendered);
		assert.ok(text.length <= 20, text);
		for (const part of text.split('  ')) {
			assert.ok(
				containers.some((binding) => part === `${binding.keys[0]} ${binding.label}`),
				`"${part}" is a whole entry`,
			);
		}
	});

	it('shows keys by their display names', async () => {
		const quit = defaultBindings.filter((binding) => binding.command === 'no' && binding.scope === 'confirm');
		const prompt = defaultBindings.filter((binding) => binding.scope === 'prompt');
		const rendered = render(<Footer bindings={[...quit, ...prompt]} width={100} />);
		await settle();
		assert.match(frame(rendered), /^n no {2}Enter apply {2}Ctrl-U clear {2}Esc cancel$/);
	});
});
