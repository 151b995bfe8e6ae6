// Moves around the dashboard the way a person does, for e2e tests that drive the built CLI.
import assert from 'node:assert/strict';
import type {Session} from './pty.js';

/** The name on the selected (▶) row of a screen; a compose project's members are indented under its row. */
export const selectedName = (screen: string): string | undefined => /▶ +(\S+)/.exec(screen)?.[1];

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

/** Opens the details of the selected container and moves to `tab` (reopening keeps a container's last tab). */
export async function openTab(session: Session, tab: string): Promise<string> {
	await session.press('i');
	return showTab(session, tab);
}

/** Moves the open details panel to `tab`. */
export async function showTab(session: Session, tab: string): Promise<string> {
	let screen = await session.waitForText(/\[(Inspect|Env|Ports|Mounts|Top|Stats|Diff)\]/);
	for (let presses = 0; !screen.includes(`[${tab}]`); presses++) {
		assert.ok(presses < 7, `no ${tab} tab after a full turn`);
		const before = /\[(\w+)\]/.exec(screen)?.[1];
		await session.press('tab');
		screen = await session.waitForScreen((s) => /\[(\w+)\]/.exec(s)?.[1] !== before, {what: 'the next tab'});
	}

	return screen;
}

export async function closePanel(session: Session): Promise<void> {
	await session.press('escape');
	await session.waitForScreen(
		(screen) => !screen.includes('[Inspect]') && !/\[(Env|Ports|Mounts|Top|Stats|Diff)\]/.test(screen),
		{
			what: 'the panel closed',
		},
	);
}
