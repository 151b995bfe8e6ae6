// A small external store: state lives outside React (so the screen can be handed to an exec session and back),
// every dispatch applies at once, and subscribers hear about a burst of dispatches once.

export type Store<S, A> = {
	readonly getState: () => S;
	readonly dispatch: (action: A) => void;
	readonly subscribe: (listener: () => void) => () => void;
};

export function createStore<S, A>(reducer: (state: S, action: A) => S, initial: S): Store<S, A> {
	let state = initial;
	const listeners = new Set<() => void>();
	let scheduled = false;
	const notify = () => {
		scheduled = false;
		for (const listener of listeners) listener();
	};

	return {
		getState: () => state,
		dispatch(action) {
			const next = reducer(state, action);
			if (next === state) return;
			state = next;
			if (!scheduled) {
				scheduled = true;
				// One notification per turn of the event loop: a burst of engine events becomes one render.
				setImmediate(notify);
			}
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
	};
}
