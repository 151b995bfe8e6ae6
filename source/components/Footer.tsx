import {Text} from 'ink';
import {displayKey, type Binding} from '../state/keymap.js';

type Props = {
	/** The bindings that apply now, in table order. */
	readonly bindings: readonly Binding[];
	readonly width: number;
};

/** The keys that work right now, as many as fit on one line. */
export function Footer({bindings, width}: Props) {
	const parts: string[] = [];
	let used = 0;
	for (const binding of bindings) {
		const part = `${displayKey(binding.keys[0] ?? '')} ${binding.label}`;
		if (used + part.length + 2 > width) break;
		parts.push(part);
		used += part.length + 2;
	}

	return (
		<Text dimColor wrap="truncate-end">
			{parts.join('  ')}
		</Text>
	);
}
