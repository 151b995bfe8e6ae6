// The docker contexts dialog (c): the contexts to pick from, the highlighted one, and its keys.
// Listing them reads files and switching restarts the session's engine, so both are effects.

export type ContextItem = {
	readonly name: string;
	/** The engine address it names, or why it cannot be used. */
	readonly url: string;
	readonly description?: string;
};

export type ContextsDialog = {
	readonly kind: 'contexts';
	readonly items: readonly ContextItem[];
	readonly index: number;
	/** The context dockpit is on now ("default" when none was chosen). */
	readonly current: string;
	/** Why the dialog opened by itself: the context switched to does not answer (the way back is highlighted). */
	readonly note?: string;
};
