// Carries out what a key press asked for (state/input/effect.ts): state changes go to the store, engine work
// to the session's action modules. What only the screen can do (quit, hand the terminal over) is returned.
import type {Effect} from '../state/input/effect.js';
import type {Session} from './session.js';

/** What the screen must do after the effects: nothing, unmount for good, or unmount to run an exec. */
export type ScreenStep = 'stay' | 'quit' | 'exec';

export function performEffects(session: Session, effects: readonly Effect[]): ScreenStep {
	for (const effect of effects) {
		switch (effect.type) {
			case 'quit':
				return 'quit';
			case 'exec':
				// Unmounting releases stdin and raw mode; app/run.tsx runs the process and renders again.
				session.requestExec(effect.request);
				return 'exec';
			case 'dispatch':
				session.store.dispatch(effect.action);
				break;
			case 'run':
				void session.runOp(effect.op);
				break;
			case 'resource':
				void session.resources.run(effect.request);
				break;
			case 'make':
				void session.make.run(effect.request);
				break;
			case 'saveLogs':
				void session.logs.save(effect.path);
				break;
			case 'fetchLogGap':
				void session.logs.fetchGap(effect.seq);
				break;
			case 'swarm':
				void session.swarm.run(effect.request);
				break;
			case 'contexts':
				session.contexts.open();
				break;
			case 'switchContext':
				void session.contexts.switchTo(effect.name);
				break;
			case 'copy':
				session.copy(effect.text, effect.what);
				break;
		}
	}

	return 'stay';
}
