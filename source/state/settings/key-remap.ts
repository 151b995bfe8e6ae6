// The config file's "keys": the user's keys replace a command's default keys in the one key table,
// so routing, the footer, the help overlay all follow them. Checked against the table itself, so
// commands added later can be remapped without changes here.
import {ConfigError, type KeyRemap} from './config.js';
import type {Binding, Scope} from '../input/keymap.js';
import {displayKey, scopeTitles} from '../input/key-text.js';

/** Applies remaps ("stop": ["x"], or "containers.stop" for one scope); throws ConfigError naming the bad key. */
export function remapBindings(bindings: readonly Binding[], remap: KeyRemap, where = 'config'): Binding[] {
	const errors: string[] = [];
	const targets = new Map<Binding, readonly string[]>();
	for (const [name, keys] of Object.entries(remap)) {
		const dot = name.indexOf('.');
		const scope = dot > 0 ? (name.slice(0, dot) as Scope) : undefined;
		const command = dot > 0 ? name.slice(dot + 1) : name;
		const matching = bindings.filter(
			(binding) => binding.command === command && (scope === undefined || binding.scope === scope),
		);
		if (matching.length === 0) {
			const commands = [...new Set(bindings.map((binding) => binding.command))].join(', ');
			errors.push(`${where}: "keys.${name}" is not a command (known: ${commands}; "scope.command" targets one scope)`);
			continue;
		}

		for (const binding of matching) targets.set(binding, keys);
	}

	const result = bindings.map((binding) => {
		const keys = targets.get(binding);
		return keys ? {...binding, keys: [...keys]} : binding;
	});

	// A remapped key must not also run something else where it is read: its own scope, or everywhere (global).
	for (const [binding] of targets) {
		const mine = result[bindings.indexOf(binding)]!;
		for (const key of mine.keys) {
			const clash = result.find(
				(other) =>
					other !== mine &&
					other.command !== mine.command &&
					other.keys.includes(key) &&
					(other.scope === mine.scope || other.scope === 'global' || mine.scope === 'global'),
			);
			if (clash) {
				errors.push(
					`${where}: "keys.${mine.command}": ${displayKey(key)} is already bound to "${clash.command}" (${scopeTitles[clash.scope]}); remap that one too`,
				);
			}
		}
	}

	if (errors.length > 0) throw new ConfigError([...new Set(errors)].join('\n'));
	return result;
}
