// The key table's rows for compose projects and stacks in the containers list; keymap.ts splices them in.
import type {BindingOf} from '../input/binding.js';

export type GroupCommand = 'collapse' | 'grouping';

export const groupBindings: ReadonlyArray<BindingOf<GroupCommand>> = [
	{
		command: 'collapse',
		keys: ['e'],
		scope: 'containers',
		label: 'fold',
		description:
			"Fold the selected compose project or stack under its row, or unfold it; on a project's row {containers.start} {containers.stop} {containers.restart} {containers.kill} {containers.remove} act on all its containers (asks first) and {containers.logs} interleaves their logs",
		mutates: false,
		footer: false,
	},
	{
		command: 'grouping',
		keys: ['E'],
		scope: 'containers',
		label: 'groups',
		description: 'Group containers by compose project and stack, or list every container loose',
		mutates: false,
		footer: false,
	},
];
