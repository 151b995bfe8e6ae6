// The shape of one row of the key table, apart from the table itself so that a feature (logs/log-keys.ts)
// can declare its own rows without importing the whole key map.

export type Scope =
	| 'global'
	| 'list'
	| 'containers'
	| 'resources'
	| 'events'
	| 'services'
	| 'tasks'
	| 'nodes'
	| 'details'
	| 'logs'
	| 'confirm'
	| 'prune'
	| 'prompt'
	| 'form'
	| 'help'
	| 'contexts'
	| 'result';

export type BindingOf<C extends string> = {
	readonly command: C;
	/** Canonical key names, as keyName() produces them: 'j', 'G', 'up', 'pagedown', 'ctrl+c', 'escape'. */
	readonly keys: readonly string[];
	readonly scope: Scope;
	/** Short word for the footer. */
	readonly label: string;
	/** One line for the help overlay and README. */
	readonly description: string;
	/** Changes something on the engine. */
	readonly mutates: boolean;
	/** Shown in the footer (the rest only in help). */
	readonly footer: boolean;
};
