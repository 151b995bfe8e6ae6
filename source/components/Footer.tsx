import {Text} from 'ink';
import type {Binding} from '../state/input/keymap.js';
import {displayKey} from '../state/input/key-text.js';

type Props = {
	/** The bindings that apply now, in table order. */
	readonly bindings: readonly Binding[];
	readonly width: number;
};

/** Help and quit stay visible at any width; the other keys fill the space left, in table order. */
const alwaysShown = new Set(['help', 'quit']);

/** The keys that work right now, as many as fit on one line. */
export function Footer({bindings, width}: Props) {
	const label = (binding: Binding) => `${displayKey(binding.keys[0] ?? '')} ${binding.label}`;
	const tail = bindings.filter((binding) => alwaysShown.has(binding.command)).map(label);
	let used = tail.reduce((total, part) => total + part.length + 2, 0);
	const parts: string[] = [];
	for (const binding of bindings) {
		if (alwaysShown.has(binding.command)) continue;
		const part = label(binding);
		if (used + part.length + 2 > width) break;
		parts.push(part);
		used += part.length + 2;
	}

	return (
		<Text dimColor wrap="truncate-end">
			{[...parts, ...tail].join('  ')}
		</Text>
	);
}
