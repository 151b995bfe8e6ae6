// Moves around the dashboard the way a person does, for e2e tests that drive the built CLI.
import type {Session} from './pty.js';

/** The name on the selected (▶) row of a screen. */
export const selectedName = (screen: string): string | undefined => /▶ (\S+)/.exec(screen)?.[1];

/** The screen line of the row that shows `name`, or "" when none does. */
export const rowOf = (screen: string, name: string): string =>
	screen.split('\n').find((line) => line.includes(` ${name} `)) ?? '';

/** Selects the row of `name` by typing it as the containers filter, and waits until it is selected. */
export async function selectContainer(session: Session, name: string): Promise<void> {
	await session.press('/', 'ctrl+u');
	await session.type(name);
	await session.press('enter');
	await session.waitForScreen((screen) => screen.includes(`filter: ${name}\n`) && selectedName(screen) === name, {
		what: `${name} selected`,
	});
}
