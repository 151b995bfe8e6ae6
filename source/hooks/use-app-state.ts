// Reads the session's external store, re-rendering when it changes.
import {useSyncExternalStore} from 'react';
import type {AppAction, AppState} from '../state/core/app.js';
import type {Store} from '../session/store.js';

export function useAppState(store: Store<AppState, AppAction>): AppState {
	return useSyncExternalStore(store.subscribe, store.getState, store.getState);
}
