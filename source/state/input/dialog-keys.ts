// The key-table rows of the dialogs that only show something and let the person close it or pick from it:
// the help overlay, the contexts dialog and the result of an action (bulk, prune, a typed command, a build).
// Each has its own scope, so the footer names what its keys do there (issue 14, item 9); keymap.ts splices
// these into defaultBindings.
import type {BindingOf, Scope} from './binding.js';

export type DialogCommand = 'close' | 'pick';

type DialogRowCommand = DialogCommand | 'reveal';

const row = (
	command: DialogRowCommand,
	keys: readonly string[],
	scope: Scope,
	label: string,
	description: string,
): BindingOf<DialogRowCommand> => ({command, keys, scope, label, description, mutates: false, footer: true});

export const dialogBindings = [
	row('close', ['escape'], 'help', 'close', 'Close the help ({global.help} too)'),
	row('pick', ['enter'], 'contexts', 'switch', "Switch to the highlighted context's engine"),
	row('close', ['escape'], 'contexts', 'close', 'Close; stay on the engine in use ({global.contexts} too)'),
	row('close', ['enter', 'escape'], 'result', 'close', 'Close the result (a build still running goes on)'),
	row('reveal', ['v'], 'result', 'reveal', "A command's output: show or mask secrets"),
] as const;
